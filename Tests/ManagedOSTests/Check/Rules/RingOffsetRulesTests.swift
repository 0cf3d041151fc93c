import ManagedOS
import ManagedOSTestSupport
import Testing

/// Ring offsets (Fleet #49861: "ring 2 is ring 1 + 3 days, and don't land on Monday"): a ring's deadline
/// `{afterPreviousRing: 3d}` counts from the previous ring's effective deadline, then moves past blackouts and
/// skipped weekdays like every computed deadline. Now is 2026-11-25.
@Suite struct RingOffsetRulesTests {
    static func repository(_ rings: String, settings: String = "identifierPrefix: com.example", policy: String = "")
        -> String
    {
        """
        apiVersion: mosc/v1
        kind: Settings
        \(settings)
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: it
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: eng
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: office
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: macOS
        target: {version: "26.6.2", build: "25G83"}
        \(policy.isEmpty ? "deadline: \"2027-02-02T18:00\"" : policy)
        cohorts:
        \(rings)
        """
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "offsets on the second and third ring", [],
            yaml: repository(
                """
                  - {cohort: it, deadline: "2026-12-08T18:00"}
                  - {cohort: eng, deadline: {afterPreviousRing: 3d}}
                  - {cohort: office, deadline: {afterPreviousRing: 7d, time: "09:00"}}
                """)),
        DiagnosticCase(
            "an offset on the first ring", [.at(.noPreviousRing, "1️⃣")],
            yaml: repository(
                """
                  - {cohort: it, deadline: {afterPreviousRing: 1️⃣3d}}
                  - eng
                """)),
        DiagnosticCase(
            "an offset as the policy's deadline", [.at(.noPreviousRing, "1️⃣")],
            yaml: repository("  - it", policy: "deadline: {afterPreviousRing: 1️⃣3d}")),
        DiagnosticCase(
            "both bases", [.at(.deadlineTwoBases, "1️⃣")],
            yaml: repository(
                """
                  - it
                  - {cohort: eng, deadline: {afterRelease: 100d, time: "17:00", 1️⃣afterPreviousRing: 3d}}
                """)),
        DiagnosticCase(
            "neither base", [.at(.missingKey, "1️⃣")],
            yaml: repository(
                """
                  - it
                  - {cohort: eng, deadline: 1️⃣{time: "17:00"}}
                """)),
        DiagnosticCase(
            "an offset that is not whole days", [.at(.invalidDuration, "1️⃣")],
            yaml: repository(
                """
                  - it
                  - {cohort: eng, deadline: {afterPreviousRing: 1️⃣36h}}
                """)),
        DiagnosticCase(
            "afterRelease still needs its time", [.at(.missingKey, "1️⃣")],
            yaml: repository(
                """
                  - it
                  - {cohort: eng, deadline: 1️⃣{afterRelease: 100d}}
                """)),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    struct Chain: Sendable, CustomTestStringConvertible {
        var name: String
        var settings: String
        var rings: String
        var expected: [String: String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Chain(
            name: "plain offsets keep the previous ring's time of day unless 'time' says otherwise",
            settings: "identifierPrefix: com.example",
            rings: """
                  - {cohort: it, deadline: "2026-12-08T18:00"}
                  - {cohort: eng, deadline: {afterPreviousRing: 3d}}
                  - {cohort: office, deadline: {afterPreviousRing: 7d, time: "09:00"}}
                """,
            expected: ["it": "2026-12-08T18:00:00", "eng": "2026-12-11T18:00:00", "office": "2026-12-18T09:00:00"]),
        Chain(
            // 12-16 + 3d is Saturday 12-19: skipped to Monday 12-21, in the freeze, out of it on Saturday 01-02,
            // skipped to Monday 01-04; the next ring counts from that moved deadline.
            name: "an offset lands on a weekend, then in the holiday freeze",
            settings: """
                skipDays: [Sat, Sun]
                blackouts:
                  - {from: "2026-12-21", to: "2027-01-01", reason: Holiday change freeze}
                """,
            rings: """
                  - {cohort: it, deadline: "2026-12-16T18:00"}
                  - {cohort: eng, deadline: {afterPreviousRing: 3d}}
                  - {cohort: office, deadline: {afterPreviousRing: 1d}}
                """,
            expected: ["it": "2026-12-16T18:00:00", "eng": "2027-01-04T18:00:00", "office": "2027-01-05T18:00:00"]),
        Chain(
            name: "a ring without an override passes the policy's deadline on",
            settings: "identifierPrefix: com.example",
            rings: """
                  - it
                  - {cohort: eng, deadline: {afterPreviousRing: 2d}}
                  - office
                """,
            expected: ["it": "2027-02-02T18:00:00", "eng": "2027-02-04T18:00:00", "office": "2027-02-02T18:00:00"]),
    ])
    func offsetsChainFromRingToRing(_ chain: Chain) throws {
        let result = LegacyFixture.compile(Self.repository(chain.rings, settings: chain.settings))
        #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(result.diagnostics.map(\.message))")
        let manifest = try #require(result.output).manifest
        for (cohort, deadline) in chain.expected {
            #expect(manifest.cohorts[cohort]?.deadline == deadline, "\(cohort)")
        }
    }
}
