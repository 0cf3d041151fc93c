import Foundation
import ManagedOSTestSupport
import Testing

/// `mosc compile --out`: never the policy repository or a folder above it, however the path is spelled.
@Suite struct OutputPathCLITests {
    /// A temporary folder holding a copy of the fleet at `fleet/`.
    static func workspace() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: RepositoryPaths.examples.appendingPathComponent("fleet"), to: base.appendingPathComponent("fleet"))
        return base
    }

    static func compile(_ input: String, out: String) throws -> CLITests.Run {
        try CLITests.run(["compile", input, "--out", out, "--now", RepositoryPaths.examplesNow, "--color", "never"])
    }

    /// `--out` spelled as each of these, relative to the workspace, is refused with a usage error (exit 64).
    @Test(arguments: [
        "fleet", "fleet/", "fleet/.", "fleet/cohorts/..", ".", "..", "/", "link-to-workspace", "link-to-fleet",
        "link-to-workspace/fleet",
    ])
    func refusesTheInputOrAFolderAboveIt(_ out: String) throws {
        let base = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("link-to-workspace").path, withDestinationPath: base.path)
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("link-to-fleet").path, withDestinationPath: "fleet")
        let target = out.hasPrefix("/") ? out : base.appendingPathComponent(out).path
        let run = try Self.compile(base.appendingPathComponent("fleet").path, out: target)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("is the policy repository or a folder above it"))
        // Nothing was written: the fleet is as it was.
        let names = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("fleet").path)
        #expect(names.sorted() == ["README.md", "ci", "cohorts", "policies", "settings.yaml"])
    }

    /// Naming one file of the repository does not let `--out` be that file's folder.
    @Test func refusesTheFolderOfANamedFile() throws {
        let base = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("fleet/policies/macos-26.yaml").path
        let run = try Self.compile(file, out: base.appendingPathComponent("fleet/policies").path)
        #expect(run.status == 64)
    }

    /// An input reached through a symlink is still recognised.
    @Test func refusesTheInputBehindASymlink() throws {
        let base = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let link = base.appendingPathComponent("fleet-link").path
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: base.appendingPathComponent("fleet").path)
        let run = try Self.compile(link, out: base.path)
        #expect(run.status == 64)
    }

    @Test func writesBesideTheInputAndReplacesItsOwnTree() throws {
        let base = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let first = try Self.compile(base.appendingPathComponent("fleet").path, out: out.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(OutputFolderCheck(out).problems.isEmpty)
        let second = try Self.compile(base.appendingPathComponent("fleet").path, out: out.path)
        #expect(second.status == 0)
        #expect(OutputFolderCheck(out).problems.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["fleet", "out"])
    }

    @Test func refusesAFolderMoscDidNotWrite() throws {
        let base = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: out.appendingPathComponent("todo.txt"))
        let run = try Self.compile(base.appendingPathComponent("fleet").path, out: out.path)
        #expect(run.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["todo.txt"])
    }
}
