import ManagedOS
import ManagedOSTestSupport
import Testing

/// Names, references, versions and enrollment gates.
@Suite struct ReferenceRulesTests {
    static let cohorts = """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=14.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: phones
        platform: iOS
        osVersions: ">=17.0"

        """

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "invalid and duplicate names", [.at(.invalidName, "1️⃣"), .at(.invalidName, "2️⃣"), .at(.duplicateName, "2️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: 1️⃣Eng_Macs
                platform: macOS
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: 2️⃣Eng_Macs
                platform: macOS
                """),
        DiagnosticCase(
            "unknown cohort, platform mismatch, enforced twice",
            [.at(.unknownCohort, "1️⃣"), .at(.platformMismatch, "2️⃣"), .at(.cohortEnforcedTwice, "3️⃣")],
            yaml: cohorts + """
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: macOS
                target: {version: "15.7.9"}
                deadline: "2026-12-15T17:00"
                cohorts: [1️⃣mac, macs, 2️⃣phones, 3️⃣macs]
                """),
        DiagnosticCase(
            "unused cohort", [.at(.unusedCohort, "1️⃣")], ignoring: [],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: 1️⃣lonely
                platform: macOS
                osVersions: ">=14"
                """),
        DiagnosticCase(
            "version syntax, build syntax, url",
            [.at(.invalidVersion, "1️⃣"), .at(.invalidBuild, "2️⃣"), .at(.invalidURL, "3️⃣")],
            yaml: cohorts + """
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: macOS
                target: {version: 1️⃣"15", build: 2️⃣"24-C"}
                deadline: "2026-12-15T17:00"
                detailsURL: 3️⃣http://example.com
                cohorts: [macs]
                """),
        DiagnosticCase(
            "target below DDM threshold and below a cohort's range",
            [.at(.targetBelowDDMThreshold, "1️⃣"), .at(.targetBelowCohort, "2️⃣")],
            ignoring: [.newerPatchFixesExploits],  // iOS 17.0 is long superseded; CatalogRulesTests covers that
            files: [
                ("cohorts.yaml", cohorts),
                (
                    "p.yaml",
                    """
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: p
                    platform: macOS
                    target: {version: 1️⃣"13.7.8"}
                    deadline: "2026-12-15T17:00"
                    cohorts: [macs]
                    ---
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: q
                    platform: iOS
                    target: {version: 2️⃣"17.0"}
                    deadline: "2026-12-15T17:00"
                    cohorts: [phones]
                    """
                ),
            ]
        ).inFile("p.yaml"),
        DiagnosticCase(
            "version ranges", [.at(.invalidVersionRange, "1️⃣"), .at(.emptyVersionRange, "2️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                osVersions: 1️⃣"~>13"
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: b
                platform: macOS
                osVersions: 2️⃣">=15 <14"
                """),
        DiagnosticCase(
            "a range below the oldest version mosc manages", [.at(.unsupportedOSVersion, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: vintage
                platform: macOS
                osVersions: 1️⃣">=10.13 <10.15"
                """),
        DiagnosticCase(
            "a range reaching below the oldest version mosc manages", [.at(.unsupportedOSVersion, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: vintage
                platform: macOS
                osVersions: 1️⃣">=10.15"
                """),
        DiagnosticCase(
            "a comparator without its version", [.at(.invalidVersionRange, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: iOS
                osVersions: 1️⃣">=18.0 <"
                """),
        DiagnosticCase(
            "a policy defined in two files is one duplicate, not a cohort listed twice",
            [.at(.duplicateName, "1️⃣", file: "b.yaml")],
            files: [
                (
                    "a.yaml",
                    cohorts + """
                        ---
                        apiVersion: mosc/v1
                        kind: ManagedOSPolicy
                        name: p
                        platform: macOS
                        target: {version: "26.6.2"}
                        deadline: "2027-01-12T18:00"
                        cohorts: [macs]
                        """
                ),
                (
                    "b.yaml",
                    """
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: 1️⃣p
                    platform: macOS
                    target: {version: "26.6.2"}
                    deadline: "2027-01-12T18:00"
                    cohorts: [macs]
                    """
                ),
            ]),
        DiagnosticCase(
            "an iOS cohort in an iPadOS policy is one platform mismatch", [.at(.platformMismatch, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: phones
                platform: iOS
                osVersions: ">=16.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: ipados-26
                platform: iPadOS
                target: {version: "26.6.1"}
                deadline: "2027-01-12T18:00"
                cohorts: [1️⃣phones]
                """),
        DiagnosticCase(
            "enrollment gates",
            [
                .at(.userEnrollmentUnmanaged, "1️⃣"), .at(.macOSRequiresSupervision, "2️⃣"),
                .at(.unsupervisedLegacyDevices, "3️⃣"), .at(.noLegacyPath, "4️⃣"),
            ],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: iOS
                enrollment: 1️⃣user
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: b
                platform: macOS
                osVersions: ">=14"
                enrollment: 2️⃣device
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: c
                platform: iPadOS
                osVersions: 3️⃣">=16"
                enrollment: device
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: d
                platform: visionOS
                osVersions: 4️⃣">=2.0"
                """),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase(
            "ranges with spaces after comparators, and a release line", [],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: iOS
                osVersions: ">= 18.0 < 19"
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: b
                platform: iOS
                osVersions: "18"
                """),
        DiagnosticCase(
            "an iOS device-enrolled DDM-only cohort", [],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: kiosks
                platform: iOS
                osVersions: ">=17.0"
                enrollment: device
                """),
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func theRangeMessagesNameTheFix() throws {
        let below = try #require(Self.cases.first { $0.name.hasPrefix("a range reaching below") })
        let error = try #require(below.validate().diagnostics.first { $0.code == .unsupportedOSVersion })
        #expect(
            error.message.contains("reaches below macOS 11.0")
                && error.hint == "start the range at 11.0: osVersions: \">=11.0\"")
        let dangling = try #require(Self.cases.first { $0.name == "a comparator without its version" })
        let invalid = try #require(dangling.validate().diagnostics.first { $0.code == .invalidVersionRange })
        #expect(invalid.message == "osVersions comparator '<' has no version after it")
    }
}
