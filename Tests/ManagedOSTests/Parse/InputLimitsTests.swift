import ManagedOS
import ManagedOSTestSupport
import Testing

/// The bounds on input (MOS105–MOS109, MOS120), each triggered cheaply by a small custom `InputLimits`.
@Suite struct InputLimitsTests {
    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "nesting deeper than the limit", [.at(.nestingTooDeep, "1️⃣")],
            options: .testing { $0.maxDepth = 1 },
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                osVersions: ">=14.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: macOS
                target: 1️⃣{version: "15.7.9"}
                deadline: "2026-12-15T17:00"
                cohorts: [a]
                """),
        DiagnosticCase(
            "file larger than the limit", [.line(.fileTooLarge, 0)],
            options: .testing { $0.maxFileBytes = 32 },
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                """),
        DiagnosticCase(
            "scalar longer than the limit", [.at(.scalarTooLong, "1️⃣")],
            options: .testing { $0.maxScalarBytes = 16 },
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                description: 1️⃣Macs of the engineering team
                """),
        DiagnosticCase(
            "more documents than the limit", [.at(.tooManyDocuments, "1️⃣")],
            options: .testing { $0.maxDocuments = 1 },
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                1️⃣---
                apiVersion: mosc/v1
                kind: Cohort
                name: b
                platform: macOS
                """),
        DiagnosticCase(
            "more nodes than the limit", [.at(.tooManyNodes, "1️⃣")],
            options: .testing { $0.maxNodes = 5 },
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: 1️⃣a
                platform: macOS
                """),
        DiagnosticCase(
            "more cohorts in a policy than the limit", [.at(.tooManyCohortsInPolicy, "1️⃣")],
            options: .testing { $0.maxCohortsPerPolicy = 1 },
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                osVersions: ">=14.0"
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: b
                platform: macOS
                osVersions: ">=14.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: macOS
                target: {version: "15.7.9"}
                deadline: "2026-12-15T17:00"
                cohorts: 1️⃣[a, b]
                """),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    /// The same inputs are fine under the default limits.
    @Test(arguments: cases) func defaultLimitsAcceptTheInput(_ c: DiagnosticCase) {
        var relaxed = c
        relaxed.options = .testing
        relaxed.expected = []
        expectDiagnostics(relaxed)
    }
}
