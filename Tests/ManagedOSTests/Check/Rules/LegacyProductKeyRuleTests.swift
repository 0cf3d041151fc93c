import ManagedOS
import ManagedOSTestSupport
import Testing

/// A macOS cohort without osVersions reaches down to 11.0, whose ScheduleOSUpdate needs a ProductKey: MOS254.
@Suite struct LegacyProductKeyRuleTests {
    static func repository(cohort: String) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        \(cohort)
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: macos-26
        platform: macOS
        target: {version: "26.6.2"}
        deadline: "2027-01-12T18:00"
        legacy: {timeZone: America/New_York}
        cohorts: [macs]
        """
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "a macOS cohort without osVersions", [.at(.legacyUpdateNeedsProductKey, "1️⃣")],
            yaml: repository(cohort: "platform: 1️⃣macOS"))
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    static let validInputs: [DiagnosticCase] = [
        // From 12.0 ScheduleOSUpdate takes ProductVersion; a declared 11.x is the admin's statement (plan.json
        // then explains the placeholder).
        DiagnosticCase("osVersions from 12.0", [], yaml: repository(cohort: "platform: macOS\nosVersions: \">=12.0\"")),
        DiagnosticCase(
            "osVersions declared from 11.0", [], yaml: repository(cohort: "platform: macOS\nosVersions: \">=11.0\"")),
        DiagnosticCase(
            "an unused cohort without osVersions", [], ignoring: [.unusedCohort],
            yaml: "apiVersion: mosc/v1\nkind: Cohort\nname: spare\nplatform: macOS\n"),
        // iOS' floor (15.0) is above ProductVersion's (11.3).
        DiagnosticCase(
            "an iOS cohort without osVersions", [],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: phones
                platform: iOS
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: ios-26
                platform: iOS
                target: {version: "26.6.1"}
                deadline: "2027-01-12T18:00"
                legacy: {timeZone: America/New_York}
                cohorts: [phones]
                """),
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func theHintNamesTheRangesThatAvoidThePlaceholder() throws {
        let result = Self.cases[0].validate()
        let warning = try #require(result.diagnostics.first { $0.code == .legacyUpdateNeedsProductKey })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("'macs'") && warning.message.contains("11.0"))
        #expect(warning.hint?.contains("osVersions: \">=12.0\"") == true)
        #expect(warning.hint?.contains("osVersions: \">=14.0\"") == true)
    }
}
