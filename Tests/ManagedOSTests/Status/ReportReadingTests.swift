import Foundation
import ManagedOS
import Testing

/// Unknown or malformed reports become diagnostics naming the file, never a crash.
@Suite struct ReportReadingTests {
    typealias F = StatusFixture

    struct BadReport: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var code: DiagnosticCode
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadReport(name: "not JSON", text: "{\"StatusItems\": ", code: .unreadableReport),
        BadReport(name: "empty", text: "  \n", code: .unreadableReport),
        BadReport(name: "binary plist", text: "bplist00\u{1}", code: .unreadableReport),
        BadReport(name: "broken plist", text: "<plist><dict><key>a</key></plist>", code: .unreadableReport),
        BadReport(name: "too deep", text: String(repeating: "[", count: 5000), code: .unreadableReport),
        BadReport(
            name: "too deep plist", text: "<plist>" + String(repeating: "<array>", count: 5000) + "</plist>",
            code: .unreadableReport),
        BadReport(name: "a top-level array", text: "[1, 2]", code: .unknownReport),
        BadReport(name: "unknown shape", text: "{\"Hello\": 1}", code: .unknownReport),
        BadReport(
            name: "check-in for another endpoint",
            text: "{\"MessageType\": \"DeclarativeManagement\", \"Endpoint\": \"tokens\"}", code: .unknownReport),
        BadReport(
            name: "command error",
            text: "{\"Status\": \"Error\", \"ErrorChain\": [{\"LocalizedDescription\": \"nope\"}]}",
            code: .commandNotDone),
    ])
    func malformedReportIsADiagnostic(_ c: BadReport) {
        let result = F.run(reports: [("C02AAA0001.json", c.text)])
        #expect(result.diagnostics.map(\.code) == [c.code], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.location?.file == "reports/C02AAA0001.json")
        // Nothing readable arrived: the device is Unreported, and the diagnostic says why.
        #expect(F.device(result, "C02AAA0001")?.status == .unreported)
    }

    @Test func oversizedReportIsRefused() {
        let big = "{\"StatusItems\": {}, \"Errors\": [], \"x\": \"" + String(repeating: "a", count: 4 << 20) + "\"}"
        let result = F.run(reports: [("C02AAA0001.json", big)])
        #expect(result.diagnostics.map(\.code) == [.unreadableReport])
        #expect(result.diagnostics.first?.message.contains("4194304") == true)
    }

    @Test func wrongTypedItemIsIgnoredWithAWarning() {
        let report = """
            {"StatusItems": {"softwareupdate": {"install-state": "downloading", "failure-reason": {"count": "1"}}},
             "Errors": []}
            """
        let result = F.run(reports: [("C02AAA0001.json", report)])
        #expect(result.diagnostics.map(\.code) == [.invalidReportValue])
        #expect(F.device(result, "C02AAA0001")?.status == .downloading)
    }

    @Test func reportForAnUnlistedDeviceIsAWarning() {
        let result = F.run(reports: [("SOMEONEELSE.json", F.ddm(installState: "none"))])
        #expect(result.diagnostics.map(\.code) == [.unknownDevice])
        #expect(result.diagnostics.first?.message.contains("'SOMEONEELSE'") == true)
    }

    @Test func theSerialInsideWinsOverTheFileName() {
        let result = F.run(reports: [("renamed.json", F.ddm(serial: "C02AAA0001", installState: "installing"))])
        #expect(F.device(result, "C02AAA0001")?.status == .installing)
    }

    @Test func aUDIDWithAHyphenAndAnInstantInTheFileName() {
        let devices = "cohort,udid\nmac-it,00008027-001A2D3E0C38802E\n"
        let result = F.run(
            devices: devices,
            reports: [("00008027-001A2D3E0C38802E-2026-12-01T10:00:00Z.json", F.ddm(installState: "installing"))])
        #expect(result.fleet.devices.first?.status == .installing)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func checkInMessageCarryingAStatusReport() {
        let data = Array(F.ddm(installState: "prepared").utf8)
        let base64 = Data(data).base64EncodedString()
        let message = """
            {"MessageType": "DeclarativeManagement", "Endpoint": "status", "UDID": "X", "Data": "\(base64)"}
            """
        let result = F.run(reports: [("C02AAA0001.json", message)])
        #expect(F.device(result, "C02AAA0001")?.status == .cached)
    }

    @Test func reportFromTheWrongPathIsAWarning() {
        // The legacy-only cohort's device sends a DDM status report.
        let result = F.run(reports: [("C02FD00001.json", F.ddm(installState: "downloading"))])
        #expect(result.diagnostics.map(\.code) == [.unexpectedUpdatePath])
    }
}
