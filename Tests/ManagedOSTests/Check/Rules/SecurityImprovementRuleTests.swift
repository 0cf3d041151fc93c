import ManagedOS
import ManagedOSTestSupport
import Testing

/// Background Security Improvement targets against the real entries of the bundled catalog (SOFA, 2026-08-22):
/// macOS 26.3.1 (a) build 25D771280a and iOS 26.3.1 (a) build 23D771330a, both posted 2026-03-17 and
/// superseded by macOS 26.4 (2026-03-24) and iOS 26.5 (2026-05-11).
@Suite struct SecurityImprovementRuleTests {
    /// A policy on one cohort of `platform` running `osVersions`.
    static func repository(
        platform: String = "macOS", osVersions: String = ">=26.3.1 <26.4", target: String,
        deadline: String = "\"2026-03-23T17:00\"", extra: String = ""
    ) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: fleet
        platform: \(platform)
        osVersions: "\(osVersions)"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: \(platform)
        target: \(target)
        deadline: \(deadline)
        \(extra)cohorts: [fleet]
        """
    }

    /// The day after the improvements were posted: none is superseded yet.
    static let march18 = CompilerOptions(now: Instant(unixSeconds: 1_773_835_200))
    /// Notice and passed deadlines are other rules' business here.
    static let timing: Set<DiagnosticCode> = [.shortNotice, .deadlinePassed, .unusedCohort]

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "macOS 26.3.1 (a) on Macs at its base", [], ignoring: timing, options: march18,
            yaml: repository(target: "{version: \"26.3.1 (a)\"}")),
        DiagnosticCase(
            "written without the space, with its own build", [], ignoring: timing, options: march18,
            yaml: repository(target: "{version: \"26.3.1(a)\", build: \"25D771280a\"}")),
        DiagnosticCase(
            "iOS 26.3.1 (a) on phones at its base", [], ignoring: timing, options: march18,
            yaml: repository(platform: "iOS", osVersions: ">=26.3.1 <26.4", target: "{version: \"26.3.1 (a)\"}")),
        DiagnosticCase(
            "superseded at --now by macOS 26.4", [.at(.securityImprovementSuperseded, "1️⃣")],
            ignoring: timing, yaml: repository(target: "{version: 1️⃣\"26.3.1 (a)\"}", deadline: "\"2026-12-15T17:00\"")),
        DiagnosticCase(
            "superseded at --now by iOS 26.5", [.at(.securityImprovementSuperseded, "1️⃣")], ignoring: timing,
            yaml: repository(
                platform: "iOS", target: "{version: 1️⃣\"26.3.1 (a)\"}", deadline: "\"2026-12-15T17:00\"")),
        DiagnosticCase(
            "no (b) was posted", [.at(.unknownSecurityImprovement, "1️⃣")], ignoring: timing, options: march18,
            yaml: repository(target: "{version: 1️⃣\"26.3.1 (b)\"}")),
        DiagnosticCase(
            "a mixed cohort can hold legacy Macs", [.at(.securityImprovementNeedsDDM, "1️⃣")],
            ignoring: timing.union([.missingTimeZone]), options: march18,
            yaml: repository(osVersions: ">=13.0", target: "{version: 1️⃣\"26.3.1 (a)\"}")),
        DiagnosticCase(
            "Macs below the base release", [.at(.securityImprovementBelowBase, "1️⃣")], ignoring: timing,
            options: march18, yaml: repository(osVersions: ">=26.0", target: "{version: 1️⃣\"26.3.1 (a)\"}")),
        DiagnosticCase(
            "a deadline before the posting", [.at(.deadlineBeforeRelease, "1️⃣")], ignoring: timing,
            options: CompilerOptions(now: Instant(unixSeconds: 1_772_323_200)),
            yaml: repository(target: "{version: \"26.3.1 (a)\"}", deadline: "1️⃣\"2026-03-10T17:00\"")),
        DiagnosticCase(
            "a build that is not the improvement's", [.at(.buildNotInRelease, "1️⃣")], ignoring: timing,
            options: march18, yaml: repository(target: "{version: \"26.3.1 (a)\", build: 1️⃣\"25D2128\"}")),
        DiagnosticCase(
            "a letter that is not one", [.at(.invalidVersion, "1️⃣")], ignoring: timing, options: march18,
            yaml: repository(target: "{version: 1️⃣\"26.3.1 (A)\"}")),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func supersededNamesTheRelease() {
        let text = DiagnosticCase(
            "superseded", [], ignoring: Self.timing,
            yaml: Self.repository(target: "{version: \"26.3.1 (a)\"}", deadline: "\"2026-12-15T17:00\"")
        ).renderedText()
        #expect(
            text.contains(
                "warning: macOS 26.4, released 2026-03-24, supersedes the Background Security Improvement 26.3.1 (a)"),
            "\(text)")
    }

    @Test(
        arguments: [
            ("26.3.1 (a)", TargetRequest.securityImprovement(OSVersion(26, 3, 1), letter: "a")),
            ("26.3.1(a)", .securityImprovement(OSVersion(26, 3, 1), letter: "a")),
            ("16.4.1 (c)", .securityImprovement(OSVersion(16, 4, 1), letter: "c")),
            ("26.3.1 (A)", nil), ("26 (a)", nil), ("26.3.1 ()", nil), ("26.3.1 (a", nil), ("latest (a)", nil),
            ("26.3.1  (a)", nil),
        ] as [(String, TargetRequest?)])
    func parsesImprovementTargets(_ text: String, _ expected: TargetRequest?) {
        #expect(TargetRequest(text) == expected)
        if let expected {
            #expect(
                expected.description
                    == "\(expected.securityImprovement?.base.description ?? "") (\(expected.securityImprovement?.letter ?? ""))"
            )
        }
    }
}
