import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSCompiler

/// Targets checked against the bundled catalog of Apple's releases (dated 2026-08-22), and `latest` forms.
@Suite struct CatalogRulesTests {
    static let cohorts = """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=14.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: old-macs
        platform: macOS
        osVersions: ">=11.0 <14"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: phones
        platform: iOS
        osVersions: ">=18.0"

        """

    /// A macOS policy on `macs` with this target and deadline.
    static func mac(_ target: String, deadline: String = "\"2027-01-12T18:00\"", extra: String = "") -> String {
        cohorts + """
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: p
            platform: macOS
            target: \(target)
            deadline: \(deadline)
            \(extra)cohorts: [macs]
            """
    }

    /// Before any of the catalog's releases used here, so a deadline can precede a release without passing.
    static let july2026 = CompilerOptions(now: Instant(unixSeconds: 1_782_864_000))

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "15.7.8 exists with build 24G824; 15.7.9 fixes an exploited vulnerability",
            [.at(.newerPatchFixesExploits, "1️⃣")],
            yaml: mac("{version: 1️⃣\"15.7.8\", build: \"24G824\"}")),
        DiagnosticCase(
            "24G830 is 15.7.9's build, not 15.7.8's",
            [.at(.newerPatchFixesExploits, "1️⃣"), .at(.buildNotInRelease, "2️⃣")],
            yaml: mac("{version: 1️⃣\"15.7.8\", build: 2️⃣\"24G830\"}")),
        DiagnosticCase(
            "15.4.3 does not exist", [.at(.unknownRelease, "1️⃣")],
            yaml: mac("{version: 1️⃣\"15.4.3\"}")),
        DiagnosticCase(
            "a version newer than the catalog", [.at(.releaseNewerThanCatalog, "1️⃣")],
            yaml: mac("{version: 1️⃣\"27.1\"}")),
        DiagnosticCase(
            "a major older than the catalog covers",
            [.at(.releaseOlderThanCatalog, "1️⃣")],
            yaml: cohorts + """
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: macOS
                target: {version: 1️⃣"11.7.10"}
                deadline: "2027-01-12T18:00"
                legacy: {timeZone: Europe/Berlin}
                cohorts: [old-macs]
                """),
        DiagnosticCase(
            "SOFA left 15.7.5's builds blank",
            [.at(.buildUnknownInCatalog, "2️⃣"), .at(.newerPatchFixesExploits, "1️⃣")],
            yaml: mac("{version: 1️⃣\"15.7.5\", build: 2️⃣\"24G517\"}")),
        DiagnosticCase(
            "a deadline before the release", [.at(.deadlineBeforeRelease, "1️⃣")], options: july2026,
            yaml: mac("{version: \"15.7.9\"}", deadline: "1️⃣\"2026-08-05T17:00\"")),
        DiagnosticCase(
            "a cohort's deadline before the release", [.at(.deadlineBeforeRelease, "1️⃣")], options: july2026,
            yaml: cohorts + """
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: macOS
                target: {version: "15.7.9"}
                deadline: "2026-08-20T17:00"
                cohorts:
                  - {cohort: macs, deadline: 1️⃣"2026-08-01T17:00"}
                """),
        DiagnosticCase(
            "latest-15 is shown as resolved", [.at(.latestResolved, "1️⃣", severity: .note)],
            yaml: mac("{version: 1️⃣\"latest-15\"}")),
        DiagnosticCase(
            "latest, unquoted, is no YAML number", [.at(.latestResolved, "1️⃣")],
            yaml: mac("{version: 1️⃣latest}")),
        DiagnosticCase(
            "latest-11 is older than every macOS in the catalog", [.at(.latestUnresolvable, "1️⃣")],
            yaml: mac("{version: 1️⃣latest-11}")),
        DiagnosticCase(
            "no build with latest", [.at(.latestResolved, "1️⃣"), .at(.invalidValue, "2️⃣")],
            yaml: mac("{version: 1️⃣\"latest-26\", build: 2️⃣\"25G83\"}")),
        DiagnosticCase(
            "latest forms are spelt exactly", [.at(.invalidVersion, "1️⃣")],
            yaml: mac("{version: 1️⃣\"latest-015\"}")),
        DiagnosticCase(
            "a resolved latest target is judged like a written one", [.at(.latestResolved, "1️⃣")],
            ignoring: DiagnosticCase.usuallyIgnored.union([.targetBelowDDMThreshold]),
            yaml: mac("{version: 1️⃣\"latest-13\"}")),
        DiagnosticCase(
            "a build pinned on a release Apple shipped as two builds", [.at(.buildPinsOneOfSeveral, "1️⃣")],
            yaml: cohorts + """
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: p
                platform: iOS
                target: {version: "26.6.1", build: 1️⃣"23G83"}
                deadline: "2027-01-12T18:00"
                cohorts: [phones]
                """),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    /// Either build of the forked iOS 18.7.8 is a build of it (no MOS273), but pinning one leaves the other
    /// line's devices without a match (MOS237).
    @Test(arguments: ["22H6352", "22H352"]) func eitherBuildOfAForkedReleaseIsOneLine(_ build: String) {
        expectDiagnostics(
            DiagnosticCase(
                "iOS 18.7.8 is forked: \(build)", [.line(.buildPinsOneOfSeveral, 13)],
                yaml: Self.phones + "target: {version: \"18.7.8\", build: \"\(build)\"}"))
    }

    static let phones = """
        apiVersion: mosc/v1
        kind: Cohort
        name: phones
        platform: iOS
        osVersions: ">=18.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: iOS
        deadline: "2027-01-12T18:00"
        cohorts: [phones]

        """

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase("the newest macOS with its build", [], yaml: mac("{version: \"26.6.2\", build: \"25G83\"}")),
        DiagnosticCase(
            "a deadline on the release day", [], options: july2026,
            yaml: mac("{version: \"15.7.9\"}", deadline: "\"2026-08-06T17:00\"")),
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func latest15ResolvesToTheNewest15OfTheBundledCatalog() throws {
        let newest = try #require(OSCatalog.bundled.latest(platform: "macOS", major: 15))
        #expect(newest.version == "15.7.9")
        let target = try #require(OSCatalog.bundled.resolve(.latestOfMajor(15), platform: .macOS))
        #expect(target.version == OSVersion(15, 7, 9))
        #expect(target.release == newest)
        #expect(target.latestRequest == "latest-15")
        let result = Compiler.validate(
            root: "repo", files: [SourceFile(path: "repo/p.yaml", text: Self.mac("{version: \"latest-15\"}"))],
            options: .testing)
        let note = try #require(result.diagnostics.first { $0.code == .latestResolved })
        #expect(note.message == "latest-15 resolves to 15.7.9 (catalog 2026-08-22)")
    }

    @Test(arguments: [
        ("latest", TargetRequest.latest), ("latest-15", .latestOfMajor(15)), ("15.7", .version(OSVersion(15, 7))),
    ])
    func targetRequestsParse(_ text: String, _ expected: TargetRequest) {
        #expect(TargetRequest(text) == expected)
        #expect(TargetRequest(text)?.description == text)
    }

    @Test(arguments: ["15", "latest-", "latest-x", "latest-015", "Latest", "latest-15.1", ""])
    func targetRequestsReject(_ text: String) {
        #expect(TargetRequest(text) == nil)
    }

    @Test func messagesNameTheFix() throws {
        let result = Compiler.validate(
            root: "repo",
            files: [SourceFile(path: "repo/p.yaml", text: Self.mac("{version: \"15.7.8\", build: \"24G830\"}"))],
            options: .testing)
        let build = try #require(result.diagnostics.first { $0.code == .buildNotInRelease })
        #expect(build.message.contains("24G824"))
        #expect(build.hint?.contains("15.7.9") == true)
        let exploit = try #require(result.diagnostics.first { $0.code == .newerPatchFixesExploits })
        #expect(exploit.message.contains("15.7.9"))
        let unknown = Compiler.validate(
            root: "repo", files: [SourceFile(path: "repo/p.yaml", text: Self.mac("{version: \"15.4.3\"}"))],
            options: .testing)
        #expect(unknown.diagnostics.first { $0.code == .unknownRelease }?.hint == "nearest real versions: 15.4.1, 15.5")
        let newer = Compiler.validate(
            root: "repo", files: [SourceFile(path: "repo/p.yaml", text: Self.mac("{version: \"27.1\"}"))],
            options: .testing)
        let warning = try #require(newer.diagnostics.first { $0.code == .releaseNewerThanCatalog })
        #expect(warning.message.contains("2026-08-22"))
        #expect(warning.hint?.contains("mosc catalog import") == true)
        #expect(warning.hint?.contains("catalog: catalog.tsv") == true)
    }

    @Test func aPinnedBuildNamesTheOtherBuildLine() throws {
        let c = try #require(Self.cases.first { $0.name.hasPrefix("a build pinned on a release") })
        let warning = try #require(c.validate().diagnostics.first { $0.code == .buildPinsOneOfSeveral })
        #expect(warning.message.contains("'23G83' and '23G6083'") && warning.message.contains("devices on '23G6083'"))
        // SOFA lists other platforms' builds of the day under iOS 26.6 (tvOS' 23L773): not a device line.
        #expect(
            CatalogRule.sameLineBuilds(of: "23G71", in: ["23U67", "23U6067", "23L773", "23G71", "23G6071"]) == [
                "23G6071"
            ])
    }
}
