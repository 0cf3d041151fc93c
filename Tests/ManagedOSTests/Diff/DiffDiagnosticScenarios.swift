import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// One small policy change per risk flag, rendered as text: the source of the `specs/diagnostics.md` examples
/// of the MOS6xx codes, and a test that each change raises its code.
enum DiffDiagnosticScenarios {
    static func text(_ edit: @escaping (inout DiffFleet) -> Void, now: Instant = .testingNow) throws -> String {
        let base = DiffFleet()
        let diff = try DiffFleet.diff(base, base.with(edit), now: now)
        return TextRenderer().render(diff.risks.map(\.diagnostic))
    }

    static let scenarios: [DiagnosticCode: @Sendable () throws -> String] = [
        .deadlineMovedEarlier: { try text { $0.policyDeadline = "2027-01-19T18:00" } },
        .changedDeadlineShortNotice: { try text { $0.itDeadline = "2026-11-27T18:00" } },
        .targetLowered: {
            try text {
                $0.target = "26.6"; $0.build = "25G72"
            }
        },
        .enforcementRemoved: { try text { $0.cohorts = ["mac-it"] } },
        .deadlineMovedWhileEnforcing: {
            try text({ $0.itDeadline = "2026-12-15T18:00" }, now: Instant(unixSeconds: 1_796_724_000))
        },
        .changedDeadlinePassed: { try text { $0.itDeadline = "2026-11-20T18:00" } },
    ]
}

@Suite struct DiffDiagnosticScenarioTests {
    @Test(arguments: Array(DiffDiagnosticScenarios.scenarios.keys).sorted())
    func scenarioYieldsItsCode(_ code: DiagnosticCode) throws {
        let text = try DiffDiagnosticScenarios.scenarios[code]?() ?? ""
        #expect(text.contains("[\(code.rawValue)]"), "\(text)")
    }
}
