import ManagedOS
import ManagedOSTestSupport
import Testing

/// The `settings:` block against Apple's schema: platforms, supervision, ranges, beta programs, OS gate.
@Suite struct UpdateSettingsRuleTests {
    static func repository(
        platform: String, osVersions: String, enrollment: String = "supervised", target: String, settings: String
    ) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: fleet
        platform: \(platform)
        osVersions: "\(osVersions)"
        enrollment: \(enrollment)
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: \(platform)
        target: {version: "\(target)"}
        deadline: "2026-12-15T17:00"
        settings:
        \(settings)
        cohorts: [fleet]
        """
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "recommendedCadence on macOS", [.at(.settingNotOnPlatform, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=15.0", target: "26.6.2", settings: "  recommendedCadence: 1️⃣Newest")),
        DiagnosticCase(
            "automatic actions on unsupervised iPhones", [.at(.settingNeedsSupervision, "1️⃣")],
            yaml: repository(
                platform: "iOS", osVersions: ">=18.0", enrollment: "device", target: "26.6.1",
                settings: "  automaticActions:\n    download: 1️⃣AlwaysOn")),
        DiagnosticCase(
            "Macs too old for the settings declaration", [.at(.settingsBelowOSGate, "1️⃣")],
            ignoring: [.unusedCohort, .missingTimeZone],
            yaml: repository(
                platform: "macOS", osVersions: ">=13.0", target: "26.6.2", settings: "  notifications: false"
            ).replacingOccurrences("settings:", with: "1️⃣settings:")),
        DiagnosticCase(
            "a deferral period beyond 90 days", [.at(.settingOutOfRange, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=15.0", target: "26.6.2",
                settings: "  deferrals:\n    majorPeriodInDays: 1️⃣120")),
        DiagnosticCase(
            "a required program without AlwaysOn", [.at(.betaProgramConflict, "1️⃣")],
            yaml: repository(
                platform: "iOS", osVersions: ">=18.0", target: "26.6.1",
                settings: """
                      beta:
                        programEnrollment: Allowed
                        requireProgram: 1️⃣{description: Seed, token: abc}
                    """)),
        DiagnosticCase(
            "beta enrollment on Macs from 15.4 (Apple's documentation; the pinned schema says n/a)", [],
            yaml: repository(
                platform: "macOS", osVersions: ">=15.4", target: "26.6.2",
                settings: "  beta:\n    programEnrollment: AlwaysOff")),
        DiagnosticCase(
            "beta enrollment on Macs that include 15.0 to 15.3", [.at(.settingsBelowOSGate, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=15.0", target: "26.6.2",
                settings: "  beta:\n    programEnrollment: 1️⃣AlwaysOff")),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }
}

extension String {
    /// Replaces every occurrence (no Foundation in this file).
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
