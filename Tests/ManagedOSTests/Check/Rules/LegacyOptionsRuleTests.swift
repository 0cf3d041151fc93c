import ManagedOS
import ManagedOSTestSupport
import Testing

/// The `legacy:` options against the platform and the OS gates of `ScheduleOSUpdate`.
@Suite struct LegacyOptionsRuleTests {
    static func repository(platform: String, osVersions: String, target: String, legacy: String) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: old
        platform: \(platform)
        osVersions: "\(osVersions)"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: \(platform)
        target: {version: "\(target)"}
        deadline: "2026-12-15T17:00"
        legacy:
          timeZone: Europe/Berlin
        \(legacy)
        cohorts: [old]
        """
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "InstallLater on iOS", [.at(.installActionNotOnPlatform, "1️⃣")],
            ignoring: [.unusedCohort, .releaseOlderThanCatalog],
            yaml: repository(
                platform: "iOS", osVersions: ">=16.0 <17", target: "16.7.12", legacy: "  installAction: 1️⃣InstallLater")),
        DiagnosticCase(
            "maxUserDeferrals without InstallLater", [.at(.maxUserDeferralsNotAllowed, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=13.0 <14", target: "13.7.8", legacy: "  maxUserDeferrals: 1️⃣3")),
        DiagnosticCase(
            "priority on iOS", [.at(.priorityNotAllowed, "1️⃣")],
            ignoring: [.unusedCohort, .releaseOlderThanCatalog],
            yaml: repository(
                platform: "iOS", osVersions: ">=16.0 <17", target: "16.7.12", legacy: "  priority: 1️⃣High")),
        DiagnosticCase(
            "priority on Macs older than 12.3", [.at(.legacyOptionBelowOSGate, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=12.0 <13", target: "12.7.6", legacy: "  priority: 1️⃣High")),
        DiagnosticCase(
            "InstallForceRestart", [.at(.installForceRestart, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=13.0 <14", target: "13.7.8",
                legacy: "  installAction: 1️⃣InstallForceRestart")),
        DiagnosticCase(
            "maxUserDeferrals on a major update", [.at(.minorUpdateOptionOnMajorUpdate, "1️⃣")],
            yaml: repository(
                platform: "macOS", osVersions: ">=13.0 <14", target: "14.8.9",
                legacy: "  installAction: InstallLater\n  maxUserDeferrals: 1️⃣3")),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase(
            "InstallLater with deferrals and priority on macOS 13", [],
            yaml: repository(
                platform: "macOS", osVersions: ">=13.0 <14", target: "13.7.8",
                legacy: "  installAction: InstallLater\n  maxUserDeferrals: 3\n  priority: High"))
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }
}
