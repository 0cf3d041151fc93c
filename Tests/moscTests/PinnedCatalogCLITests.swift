import Foundation
import ManagedOSTestSupport
import Testing

/// A repository that pins its catalog: `validate` and `compile` use it, `--catalog` overrides it with a note, and
/// a catalog refresh committed to git shows in `mosc diff` as what it does to devices.
@Suite struct PinnedCatalogCLITests {
    static let now = RepositoryPaths.examplesNow

    static let older = """
        mosc-os-catalog\t2\t2026-11-01
        macOS\t15.7.9\t24G830\t2026-08-06\t1\t3

        """
    static let newer = """
        mosc-os-catalog\t2\t2026-11-20
        macOS\t15.7.9\t24G830\t2026-08-06\t1\t3
        macOS\t15.7.10\t24G900\t2026-11-10\t0\t5

        """

    static let policies = """
        apiVersion: mosc/v1
        kind: Settings
        catalog: catalog.tsv
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=14.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: macOS
        target: {version: "latest-15"}
        deadline: {afterRelease: 120d, time: "17:00"}
        cohorts: [macs]

        """

    /// A git repository whose first commit pins `older` and whose second commit refreshes it to `newer`.
    static func repository() throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("mosc-pinned-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try policies.write(to: folder.appendingPathComponent("fleet.yaml"), atomically: true, encoding: .utf8)
        try older.write(to: folder.appendingPathComponent("catalog.tsv"), atomically: true, encoding: .utf8)
        try DiffCLITests.git(["init", "-q"], in: folder)
        try DiffCLITests.git(["add", "-A"], in: folder)
        try DiffCLITests.git(["commit", "-q", "-m", "pin"], in: folder)
        try newer.write(to: folder.appendingPathComponent("catalog.tsv"), atomically: true, encoding: .utf8)
        try DiffCLITests.git(["commit", "-q", "-a", "-m", "refresh the catalog"], in: folder)
        return folder
    }

    @Test func aCatalogRefreshShowsInTheDiffAsWhatItDoesToDevices() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let diff = try DiffCLITests.run(["diff", "git:HEAD~1", "git:HEAD", "--now", Self.now], in: repo)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("target.version: 15.7.9 -> 15.7.10 (raised)"), "\(diff.stdout)")
        #expect(diff.stdout.contains("2026-12-04T17:00:00 -> 2027-03-10T17:00:00"), "\(diff.stdout)")
        // Both sides pinned a fresh catalog: nothing to say about the catalog.
        #expect(!diff.stderr.contains("MOS280") && !diff.stderr.contains("MOS281"), "\(diff.stderr)")
    }

    @Test func validateUsesThePinAndCatalogOverridesItWithANote() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let pinned = try DiffCLITests.run(["validate", ".", "--now", Self.now], in: repo)
        #expect(pinned.status == 0)
        #expect(pinned.stderr.contains("latest-15 resolves to 15.7.10 (catalog 2026-11-20)"), "\(pinned.stderr)")
        try Self.older.write(to: repo.appendingPathComponent("other.tsv"), atomically: true, encoding: .utf8)
        let overridden = try DiffCLITests.run(
            ["validate", ".", "--now", Self.now, "--catalog", "other.tsv"], in: repo)
        #expect(overridden.stderr.contains("latest-15 resolves to 15.7.9 (catalog 2026-11-01)"), "\(overridden.stderr)")
        #expect(
            overridden.stderr.contains(
                "fleet.yaml:3:10: note: the catalog pinned here is not used: --catalog other.tsv overrides it for this run [MOS280]"
            ), "\(overridden.stderr)")
    }

    @Test func anUnpinnedDiffSaysSoOnce() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let unpinned = Self.policies.replacingOccurrences(of: "catalog: catalog.tsv\n", with: "")
        try unpinned.write(to: repo.appendingPathComponent("fleet.yaml"), atomically: true, encoding: .utf8)
        try DiffCLITests.git(["commit", "-q", "-a", "-m", "unpin"], in: repo)
        let diff = try DiffCLITests.run(["diff", "git:HEAD~1", "git:HEAD", "--now", Self.now], in: repo)
        let notes = diff.stderr.components(separatedBy: "[MOS280]").count - 1
        #expect(notes == 1, "\(diff.stderr)")
        // A side at the top level names its files as git does: git:REV:file.yaml.
        #expect(
            diff.stderr.hasPrefix("git:HEAD:fleet.yaml:14:19: note: 'latest-15' resolves against"), "\(diff.stderr)")
    }
}
