import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Deadlines, durations and the legacy time zone.
@Suite struct DeadlineRulesTests {
    static let cohorts = """
        apiVersion: mosc/v1
        kind: Cohort
        name: new-macs
        platform: macOS
        osVersions: ">=14.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: old-macs
        platform: macOS
        osVersions: ">=12.0 <14"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: any-macs
        platform: macOS

        """

    static func policy(_ body: String) -> String {
        cohorts + """
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: p
            platform: macOS
            target: {version: "15.7.9"}

            """ + body
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "a deadline in year 9999", [.at(.invalidDeadline, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"9999-12-31T23:59"
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "a deadline before 2000", [.at(.invalidDeadline, "1️⃣"), .at(.invalidDeadline, "2️⃣")],
            yaml: policy(
                """
                deadline: "2199-12-31T23:59"
                cohorts:
                  - {cohort: new-macs, deadline: 1️⃣"1999-12-31T23:59"}
                  - {cohort: old-macs, deadline: 2️⃣"2200-01-01T00:00"}
                legacy: {timeZone: Europe/Berlin}
                """)),
        DiagnosticCase(
            "downloadLeadTime 0m: no download step", [],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                legacy: {timeZone: Europe/Berlin, downloadLeadTime: 0m}
                cohorts: [old-macs]
                """)),
        DiagnosticCase(
            "zone on an all-DDM policy", [.at(.timeZoneWithoutLegacyDevices, "1️⃣")],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                legacy: {timeZone: 1️⃣America/New_York}
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "missing zone with a legacy cohort", [.at(.missingTimeZone, "1️⃣")],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                cohorts: [new-macs, 1️⃣old-macs]
                """)),
        DiagnosticCase(
            "missing zone with a mixed cohort (no osVersions)", [.at(.missingTimeZone, "1️⃣")],
            ignoring: [.unusedCohort, .legacyUpdateNeedsProductKey],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                cohorts: [1️⃣any-macs]
                """)),
        DiagnosticCase(
            "unknown zone", [.at(.invalidTimeZone, "1️⃣")],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                legacy: {timeZone: 1️⃣America/New_Yrok}
                cohorts: [old-macs]
                """)),
        DiagnosticCase(
            "legacy options without legacy devices", [.at(.legacyOptionsWithoutLegacyDevices, "1️⃣")],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                legacy: {installAction: 1️⃣InstallASAP}
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "offset in a deadline", [.at(.deadlineHasOffset, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2026-12-15T17:00Z"
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "impossible date", [.at(.invalidDeadline, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2026-02-30T17:00"
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "passed deadline", [.at(.deadlinePassed, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2026-11-25T20:00"
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "short notice", [.at(.shortNotice, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2026-11-27T12:00"
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "ring order", [.at(.ringOrder, "1️⃣")],
            yaml: policy(
                """
                deadline: "2026-12-15T17:00"
                legacy: {timeZone: Europe/Berlin}
                cohorts:
                  - new-macs
                  - cohort: old-macs
                    deadline: 1️⃣"2026-12-10T17:00"
                """)),
        DiagnosticCase(
            "DST gap in New York", [.at(.deadlineInGap, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2027-03-14T02:30"
                legacy: {timeZone: America/New_York}
                cohorts: [old-macs]
                """)),
        DiagnosticCase(
            "DST overlap in Berlin", [.at(.deadlineInOverlap, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2027-10-31T02:30"
                legacy: {timeZone: Europe/Berlin}
                cohorts: [old-macs]
                """)),
        DiagnosticCase(
            "DST gap is no problem for DDM-only cohorts", [],
            yaml: policy(
                """
                deadline: "2027-03-14T02:30"
                cohorts: [new-macs]
                """)),
        DiagnosticCase(
            "bad durations", [.at(.invalidDuration, "1️⃣"), .at(.invalidDuration, "2️⃣", file: "settings.yaml")],
            files: [
                (
                    "policy.yaml",
                    policy(
                        """
                        deadline: "2026-12-15T17:00"
                        legacy: {timeZone: Europe/Berlin, downloadLeadTime: 1️⃣3 days}
                        cohorts: [old-macs]
                        """)
                ),
                (
                    "settings.yaml",
                    """
                    apiVersion: mosc/v1
                    kind: Settings
                    minimumNotice: 2️⃣12h1d
                    """
                ),
            ]),
    ]

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase(
            "minimumNotice 0m switches the short-notice warning off", [],
            files: [
                (
                    "policy.yaml",
                    policy(
                        """
                        deadline: "2026-11-27T12:00"
                        cohorts: [new-macs]
                        """)
                ),
                ("settings.yaml", "apiVersion: mosc/v1\nkind: Settings\nminimumNotice: 0m\n"),
            ])
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    /// The one diagnostic of a one-policy repository with this deadline on `new-macs`, validated at the testing now.
    static func only(_ code: DiagnosticCode, deadline: String, target: String = "15.7.9") throws -> Diagnostic {
        let yaml = policy("deadline: \(deadline)\ncohorts: [new-macs]\n").replacingOccurrences(
            of: "15.7.9", with: target)
        let result = DiagnosticCase("", [], yaml: yaml).validate()
        return try #require(result.diagnostics.first { $0.code == code }, "\(result.diagnostics)")
    }

    @Test func aPassedDeadlineSaysWhereItWasFirstReachedAndWhereToMoveIt() throws {
        let passed = try Self.only(.deadlinePassed, deadline: "\"2026-11-25T20:00\"")
        #expect(passed.message.contains("at UTC+14, where it is first reached (2026-11-25T06:00:00Z"))
        // Moved to 20:00 on the 29th, UTC+14 reaches it at 06:00Z: 3d18h after now, more than minimumNotice 3d.
        #expect(
            passed.hint == "move it to \"2026-11-29T20:00:00\" or later, which leaves every device the minimumNotice")
    }

    @Test func aPassedRelativeDeadlineIsFixedByAfterRelease() throws {
        let passed = try Self.only(.deadlinePassed, deadline: "{afterRelease: 14d, time: \"17:00\"}", target: "26.6.2")
        #expect(
            passed.hint?.hasPrefix("the deadline counts from the target's release: raise afterRelease by at least")
                == true)
        #expect(passed.hint?.contains("move it to") == false)
    }

    @Test func shortNoticeSaysHowMuchIsLeft() throws {
        let short = try Self.only(.shortNotice, deadline: "\"2026-11-27T12:00\"")
        // UTC+14 reaches 2026-11-27T12:00 at 2026-11-26T22:00Z, 1d10h after 2026-11-25T12:00Z.
        #expect(short.message.contains("only 1d10h of notice, less than minimumNotice 3d"), "\(short.message)")
    }
}
