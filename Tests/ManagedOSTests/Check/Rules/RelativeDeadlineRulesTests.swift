import ManagedOS
import ManagedOSTestSupport
import Testing

/// Relative deadlines (`{afterRelease, time}`) and `skipDays`, checked at the pinned 2026-11-25T12:00:00Z.
@Suite struct RelativeDeadlineRulesTests {
    static let cohorts = """
        apiVersion: mosc/v1
        kind: Cohort
        name: canary
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: broad
        platform: macOS
        osVersions: ">=15.0"

        """

    /// A macOS policy targeting 15.7.9 (released Thursday 2026-08-06) with this body.
    static func policy(_ body: String, target: String = "\"15.7.9\"") -> String {
        cohorts + """
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: p
            platform: macOS
            target: {version: \(target)}

            """ + body
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "rings: canary 119d, broad 126d", [],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: "17:00"}
                cohorts:
                  - {cohort: canary, deadline: {afterRelease: 119d, time: "17:00"}}
                  - broad
                """)),
        DiagnosticCase(
            "a computed deadline that has passed", [.at(.deadlinePassed, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣{afterRelease: 14d, time: "17:00"}
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "computed rings out of order", [.at(.ringOrder, "1️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: "17:00"}
                cohorts:
                  - canary
                  - {cohort: broad, deadline: 1️⃣{afterRelease: 119d, time: "17:00"}}
                """)),
        DiagnosticCase(
            "a delay that is no duration, or not whole days",
            [.at(.invalidDuration, "1️⃣"), .at(.invalidDuration, "2️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 1️⃣2 weeks, time: "17:00"}
                cohorts:
                  - {cohort: canary, deadline: {afterRelease: 2️⃣100d12h, time: "17:00"}}
                  - broad
                """)),
        DiagnosticCase(
            "a time that is not HH:MM", [.at(.invalidDeadline, "1️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: 1️⃣"5pm"}
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "a time with Z is an offset, as on a written-out deadline", [.at(.deadlineHasOffset, "1️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: 1️⃣"17:00Z"}
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "a time with a numeric offset", [.at(.deadlineHasOffset, "1️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: 1️⃣"17:00-05:00"}
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "both keys are required", [.at(.missingKey, "1️⃣"), .at(.unknownKey, "2️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣{afterRelease: 126d, 2️⃣at: "17:00"}
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "a deadline must be a string or a mapping", [.at(.wrongType, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣[126d]
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "a relative deadline needs a release the catalog knows",
            [.at(.releaseNewerThanCatalog, "1️⃣"), .at(.unknownRelease, "2️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 2️⃣14d, time: "17:00"}
                cohorts: [canary, broad]
                """, target: "1️⃣\"27.0\"")),
        DiagnosticCase(
            "an unresolvable latest is reported once", [.at(.latestUnresolvable, "1️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 14d, time: "17:00"}
                cohorts: [canary, broad]
                """, target: "1️⃣\"latest-11\"")),
        DiagnosticCase(
            "a written deadline on a skipped Saturday", [.at(.deadlineOnSkippedDay, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣"2026-12-12T17:00"
                skipDays: [Sat, Sun]
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "Settings' skipDays is the default",
            [.at(.deadlineOnSkippedDay, "1️⃣"), .at(.deadlineOnSkippedDay, "2️⃣")],
            files: [
                ("settings.yaml", "apiVersion: mosc/v1\nkind: Settings\nskipDays: [Sat, Sun]\n"),
                (
                    "policy.yaml",
                    policy(
                        """
                        deadline: 1️⃣"2026-12-12T17:00"
                        cohorts:
                          - {cohort: canary, deadline: 2️⃣"2026-12-06T17:00"}
                          - broad
                        """)
                ),
            ]
        ).inFile("policy.yaml"),
        DiagnosticCase(
            "a policy's own skipDays replaces Settings'", [],
            files: [
                ("settings.yaml", "apiVersion: mosc/v1\nkind: Settings\nskipDays: [Sat, Sun]\n"),
                (
                    "policy.yaml",
                    policy(
                        """
                        deadline: "2026-12-12T17:00"
                        skipDays: []
                        cohorts: [canary, broad]
                        """)
                ),
            ]),
        DiagnosticCase(
            "an unquoted time, which YAML 1.1 reads as a base-60 number",
            [.at(.invalidDeadline, "1️⃣"), .at(.invalidDeadline, "2️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: 1️⃣17:00}
                cohorts:
                  - {cohort: canary, deadline: {afterRelease: 119d, time: 2️⃣9:30}}
                  - broad
                """)),
        DiagnosticCase(
            "afterRelease 0d is the release day (passed here)", [.at(.deadlinePassed, "1️⃣")],
            yaml: policy(
                """
                deadline: 1️⃣{afterRelease: 0d, time: "17:00"}
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "every weekday skipped", [.at(.invalidValue, "1️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: "17:00"}
                skipDays: 1️⃣[Mon, Tue, Wed, Thu, Fri, Sat, Sun]
                cohorts: [canary, broad]
                """)),
        DiagnosticCase(
            "weekdays are three-letter names", [.at(.invalidValue, "1️⃣"), .at(.wrongType, "2️⃣")],
            yaml: policy(
                """
                deadline: {afterRelease: 126d, time: "17:00"}
                skipDays: [1️⃣Saturday, 2️⃣[Sun]]
                cohorts: [canary, broad]
                """)),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    /// 15.7.9 shipped on Thursday 2026-08-06.
    static let release = OSCatalog.bundled.resolve(.latestOfMajor(15), platform: .macOS)

    static func relative(_ delay: String, _ time: String = "17:00") -> DeadlineSyntax {
        let here = SourceMark(fileID: 1, line: 1, column: 1)
        return .relative(
            RelativeDeadlineSyntax(
                location: here, afterRelease: Located(delay, at: here), time: Located(time, at: here)))
    }

    @Test(arguments: [
        // delay, skipDays, expected wall time, moved
        ("14d", [Weekday](), "2026-08-20T17:00:00", false),
        ("2d", [.saturday, .sunday], "2026-08-10T17:00:00", true),  // Sat 08-08 → Mon 08-10
        ("3d", [.saturday, .sunday], "2026-08-10T17:00:00", true),  // Sun 08-09 → Mon 08-10
        ("1d", [.saturday, .sunday], "2026-08-07T09:30:00", false),  // a Friday stays
        ("1d", [.friday, .saturday, .sunday, .monday], "2026-08-11T09:30:00", true),
        ("2d", Weekday.allCases, "2026-08-08T17:00:00", false),  // every day skipped: reported, not moved
    ])
    func relativeDeadlinesResolve(_ delay: String, _ skip: [Weekday], _ expected: String, _ moved: Bool) throws {
        let time = expected.hasSuffix("09:30:00") ? "09:30" : "17:00"
        let resolved = try resolveDeadline(Self.relative(delay, time), target: Self.release, skipDays: Set(skip)).get()
        #expect(resolved.value.wireString == expected)
        #expect(resolved.isComputed)
        #expect((resolved.movedFrom != nil) == moved)
    }

    @Test func writtenDeadlinesAreNeverMoved() throws {
        let here = SourceMark(fileID: 1, line: 1, column: 1)
        let saturday = DeadlineSyntax.wallTime(Located("2026-12-12T17:00", at: here))
        let resolved = try resolveDeadline(saturday, target: nil, skipDays: [.saturday]).get()
        #expect(resolved.value.wireString == "2026-12-12T17:00:00")
        #expect(!resolved.isComputed)
    }

    @Test func relativeDeadlinesNeedARelease() throws {
        let unknown = try #require(OSCatalog.bundled.resolve(.version(OSVersion(27, 0)), platform: .macOS))
        #expect(unknown.release == nil)
        let result = resolveDeadline(Self.relative("14d"), target: unknown, skipDays: [])
        guard case .failure(.releaseUnknown) = result else {
            Issue.record("expected releaseUnknown, got \(result)")
            return
        }
    }
}
