import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// A catalog pinned in Settings (`catalog:`) decides `latest` and `afterRelease`; without one, or with one older
/// than 90 days at `--now`, the first place the catalog decides says so once (MOS280, MOS281); a pin that
/// cannot be used is MOS279.
@Suite struct CatalogPinRuleTests {
    /// A pinned catalog dated 2026-11-20 that knows macOS 15.7.10 (released 2026-11-10).
    static let newer = """
        mosc-os-catalog\t2\t2026-11-20
        macOS\t15.7.9\t24G830\t2026-08-06\t1\t3
        macOS\t15.7.10\t24G900\t2026-11-10\t0\t5

        """

    /// Options that read repository files from `files` (by root-relative path) instead of the file system.
    static func options(_ files: [String: String], now: Instant = .testingNow) -> CompilerOptions {
        var options = CompilerOptions(now: now)
        options.repositoryFiles = RepositoryFileReader { path in
            files[path].map { .success(Array($0.utf8)) } ?? .failure(.pathNotFound("repo/\(path)"))
        }
        return options
    }

    static let cohort = """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=14.0"

        """

    static func policy(_ target: String, deadline: String = "\"2027-01-12T18:00\"") -> String {
        """
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: macOS
        target: {version: \(target)}
        deadline: \(deadline)
        cohorts: [macs]

        """
    }

    static func settings(_ catalog: String) -> String {
        "apiVersion: mosc/v1\nkind: Settings\ncatalog: \(catalog)\n"
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "without a pinned catalog, the first latest target says the bundled catalog decides",
            [
                .at(.catalogNotFromRepository, "1️⃣", file: "policy.yaml"),
                .at(.latestResolved, "1️⃣", file: "policy.yaml"),
                .at(.catalogStale, "1️⃣", file: "policy.yaml"),
            ],
            ignoring: [.unusedCohort],
            files: [("cohorts.yaml", cohort), ("policy.yaml", policy("1️⃣\"latest-15\""))]),
        DiagnosticCase(
            "a pinned catalog older than 90 days is stale, at the catalog key",
            [.at(.catalogStale, "1️⃣", file: "settings.yaml"), .at(.latestResolved, "2️⃣", file: "policy.yaml")],
            ignoring: [.unusedCohort],
            options: options(["catalog.tsv": newer], now: Instant(unixSeconds: 1_795_608_000 + 90 * 86_400)),
            files: [
                ("cohorts.yaml", cohort), ("policy.yaml", policy("2️⃣\"latest-15\"", deadline: "\"2027-06-01T18:00\"")),
                ("settings.yaml", settings("1️⃣catalog.tsv")),
            ]),
        DiagnosticCase(
            "a pin that leaves the repository",
            [.at(.invalidPinnedCatalog, "1️⃣", file: "settings.yaml")],
            files: [("cohorts.yaml", cohort), ("settings.yaml", settings("1️⃣../catalog.tsv"))]),
        DiagnosticCase(
            "a pin that names no file",
            [.at(.invalidPinnedCatalog, "1️⃣", file: "settings.yaml")],
            options: options([:]),
            files: [("cohorts.yaml", cohort), ("settings.yaml", settings("1️⃣missing.tsv"))]),
        DiagnosticCase(
            "a pinned file that is not a catalog is reported at its own line",
            [.line(.invalidPinnedCatalog, 2, file: "catalog.tsv")],
            options: options(["catalog.tsv": "mosc-os-catalog\t2\t2026-11-20\nmacOS\t15.7.x\t\t2026-11-10\t0\t\n"]),
            files: [("cohorts.yaml", cohort), ("settings.yaml", settings("catalog.tsv"))]),
        DiagnosticCase(
            "--catalog overrides the pin, and says so at the pin",
            [.at(.catalogNotFromRepository, "1️⃣", file: "settings.yaml")], ignoring: [.unusedCohort],
            options: CompilerOptions(now: .testingNow, catalogOrigin: .commandLine(path: "other.tsv")),
            files: [("cohorts.yaml", cohort), ("settings.yaml", settings("1️⃣catalog.tsv"))]),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func aPinnedCatalogDecidesLatestAndAfterReleaseAndJoinsTheDigest() throws {
        let files = [
            SourceFile(path: "repo/cohorts.yaml", text: Self.cohort),
            SourceFile(path: "repo/settings.yaml", text: Self.settings("catalog.tsv")),
            SourceFile(
                path: "repo/policy.yaml",
                text: Self.policy("\"latest-15\"", deadline: "{afterRelease: 30d, time: \"17:00\"}")),
        ]
        let pinned = Compiler.compile(root: "repo", files: files, options: Self.options(["catalog.tsv": Self.newer]))
        let manifest = try #require(pinned.output?.manifest, "\(pinned.diagnostics)")
        #expect(manifest.cohorts["macs"]?.targetVersion == "15.7.10")
        #expect(manifest.cohorts["macs"]?.deadline == "2026-12-10T17:00:00")
        #expect(manifest.catalogDate == "2026-11-20")
        #expect(!pinned.diagnostics.contains { $0.code == .catalogNotFromRepository })
        // The same policies with another catalog file are another source.
        let other = Self.newer.replacingOccurrences(of: "\t0\t5", with: "\t0\t6")
        let changed = Compiler.compile(root: "repo", files: files, options: Self.options(["catalog.tsv": other]))
        #expect(changed.output?.manifest.sourceDigest != manifest.sourceDigest)
    }
}
