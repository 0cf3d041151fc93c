import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// One small input per status diagnostic, rendered as text: the source of the `specs/diagnostics.md` examples
/// of the MOS7xx codes, and a test that each input yields its code.
enum StatusDiagnosticScenarios {
    typealias F = StatusFixture

    static func text(_ result: StatusResult) -> String { TextRenderer().render(result.diagnostics) }

    static func devices(_ csv: String) -> String { text(F.run(devices: csv, reports: [])) }

    static let scenarios: [DiagnosticCode: @Sendable () throws -> String] = [
        .unreadableReport: { text(F.run(reports: [("C02AAA0001.json", "{\"StatusItems\": ")])) },
        .unknownReport: { text(F.run(reports: [("C02AAA0001.json", "{\"Hello\": 1}")])) },
        .invalidReportValue: {
            let report = """
                {"StatusItems": {"softwareupdate": {"install-state": "downloading", "failure-reason": {"count": "1"}}},
                 "Errors": []}
                """
            return text(F.run(reports: [("C02AAA0001.json", report)]))
        },
        .unknownStatusValue: { text(F.run(reports: [("C02AAA0001.json", F.ddm(installState: "verifying"))])) },
        .unknownDevice: { text(F.run(reports: [("SOMEONEELSE.json", F.ddm(installState: "none"))])) },
        .invalidDeviceList: { devices("serial,udid\nA,B\n") },
        .invalidDeviceRow: { devices("cohort,serial\n,C02A\n") },
        .duplicateDevice: { devices("cohort,serial\nmac-it,C02A\nmac-it,c02a\n") },
        .unknownStatusCohort: { devices("cohort,serial\nmac-itt,C02A\n") },
        .unexpectedUpdatePath: { text(F.run(reports: [("C02FD00001.json", F.ddm(installState: "downloading"))])) },
        .commandNotDone: {
            let report = "{\"Status\": \"Error\", \"ErrorChain\": [{\"LocalizedDescription\": \"nope\"}]}"
            return text(F.run(reports: [("C02AAA0001.json", report)]))
        },
        .tooManyReports: {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-reports-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for name in ["A.json", "B.json", "C.json"] {
                try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
            }
            var limits = StatusLimits.defaults
            limits.maxReports = 2
            let loaded = try StatusLoader(limits: limits).loadReports([folder.path])
            return TextRenderer().render(loaded.diagnostics).replacingOccurrences(of: folder.path, with: "reports")
        },
    ]
}

@Suite struct StatusDiagnosticScenarioTests {
    @Test(arguments: Array(StatusDiagnosticScenarios.scenarios.keys).sorted())
    func scenarioYieldsItsCode(_ code: DiagnosticCode) throws {
        let text = try StatusDiagnosticScenarios.scenarios[code]?() ?? ""
        #expect(text.contains("[\(code.rawValue)]"), "\(text)")
    }
}
