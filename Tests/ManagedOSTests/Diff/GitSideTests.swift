import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `git:REV` and `git:REV:path` sides, read from a temporary repository the test makes (two commits).
@Suite struct GitSideTests {
    /// Runs git in `folder` with a fixed identity; returns stdout.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-C", folder.path, "-c", "user.name=mosc", "-c", "user.email=mosc@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
            ] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    /// A repository whose `sub/fleet.yaml` is the base fleet at HEAD~1 and the edited one at HEAD, plus an
    /// uncommitted edit in the working tree.
    static func repository(head: DiffFleet, workingTree: DiffFleet? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-git-\(UUID().uuidString)")
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try git(["init", "-q"], in: folder)
        try DiffFleet().yaml.write(to: sub.appendingPathComponent("fleet.yaml"), atomically: true, encoding: .utf8)
        try "not: a policy\n".write(
            to: folder.appendingPathComponent(".hidden.yaml"), atomically: true, encoding: .utf8)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "base"], in: folder)
        try head.yaml.write(to: sub.appendingPathComponent("fleet.yaml"), atomically: true, encoding: .utf8)
        try git(["commit", "-q", "--allow-empty", "-am", "head"], in: folder)
        if let workingTree {
            try workingTree.yaml.write(to: sub.appendingPathComponent("fleet.yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func loaded(_ load: CompiledSideLoad) throws -> CompiledSide {
        guard case .loaded(let side) = load else { throw DiffFixtureError.invalid }
        return side
    }

    @Test func headTildeOneAgainstTheWorkingTree() throws {
        let head = DiffFleet().with { $0.policyDeadline = "2027-02-02T18:00" }
        let repo = try Self.repository(head: head)
        defer { try? FileManager.default.removeItem(at: repo) }
        let sub = repo.appendingPathComponent("sub").path
        let loader = CompiledSideLoader(options: .testing, git: GitRepository(directory: repo.path))
        // git:REV alone takes the other side's folder (sub/).
        let base = try Self.loaded(loader.load(.parse("git:HEAD~1"), other: .path(sub)))
        let working = try Self.loaded(loader.load(.path(sub)))
        #expect(base.kind == .git && base.label == "git:HEAD~1")
        let diff = Compiler.diff(base, working, options: DiffOptions(now: .testingNow))
        #expect(diff.cohorts.map(\.cohort) == ["mac-office"])
        #expect(diff.cohorts.first?.fields.first { $0.field == "deadline" }?.direction == "later")
    }

    @Test func revisionWithPathAndTheWorkingTreeUntouched() throws {
        let head = DiffFleet().with {
            $0.target = "26.6.2"; $0.build = "25G83"
        }
        let uncommitted = DiffFleet().with { $0.detailsURL = "https://it.example.com/uncommitted" }
        let repo = try Self.repository(head: head, workingTree: uncommitted)
        defer { try? FileManager.default.removeItem(at: repo) }
        let status = try Self.git(["status", "--porcelain"], in: repo)
        let loader = CompiledSideLoader(options: .testing, git: GitRepository(directory: repo.path))
        let base = try Self.loaded(loader.load(.parse("git:HEAD~1:sub")))
        let tip = try Self.loaded(loader.load(.parse("git:HEAD:sub")))
        let diff = Compiler.diff(base, tip, options: DiffOptions(now: .testingNow))
        #expect(Set(diff.cohorts.map(\.cohort)) == ["mac-it", "mac-office"])
        #expect(diff.cohorts.allSatisfy { $0.fields.contains { $0.field == "target.version" } })
        #expect(!diff.cohorts.contains { $0.fields.contains { $0.field.hasSuffix("DetailsURL") } })
        // Reading revisions leaves the working tree and the index as they were.
        #expect(try Self.git(["status", "--porcelain"], in: repo) == status)
        let text = try String(contentsOf: repo.appendingPathComponent("sub/fleet.yaml"), encoding: .utf8)
        #expect(text == uncommitted.yaml)
        // Locations name the revision and path.
        #expect(base.places["mac-it"]?.deadline.file == "git:HEAD~1:sub/fleet.yaml")
    }

    @Test func aTreeDiffedWithItselfHasNoChanges() throws {
        let repo = try Self.repository(head: DiffFleet())
        defer { try? FileManager.default.removeItem(at: repo) }
        let loader = CompiledSideLoader(options: .testing, git: GitRepository(directory: repo.path))
        let a = try Self.loaded(loader.load(.parse("git:HEAD~1:sub")))
        let b = try Self.loaded(loader.load(.path(repo.appendingPathComponent("sub").path)))
        #expect(!Compiler.diff(a, b, options: DiffOptions(now: .testingNow)).hasChanges)
    }

    @Test func aBadRevisionIsAClearError() throws {
        let repo = try Self.repository(head: DiffFleet())
        defer { try? FileManager.default.removeItem(at: repo) }
        let loader = CompiledSideLoader(options: .testing, git: GitRepository(directory: repo.path))
        #expect(
            throws: CompilerError.unreadable(
                "git:nope", "unknown revision 'nope' in the git repository at '\(repo.path)'")
        ) {
            try loader.load(.parse("git:nope:sub"))
        }
        #expect(throws: CompilerError.self) { try loader.load(.parse("git:--all")) }
        #expect(throws: CompilerError.self) { try loader.load(.parse("git:HEAD:../outside")) }
    }

    @Test func mergeBaseOfABranch() throws {
        let repo = try Self.repository(head: DiffFleet())
        defer { try? FileManager.default.removeItem(at: repo) }
        let main = try Self.git(["rev-parse", "HEAD"], in: repo).trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.git(["checkout", "-q", "-b", "feature"], in: repo)
        try "# a comment\n".write(to: repo.appendingPathComponent("sub/notes.yaml"), atomically: true, encoding: .utf8)
        try Self.git(["add", "-A"], in: repo)
        try Self.git(["commit", "-q", "-m", "feature"], in: repo)
        let git = GitRepository(directory: repo.path)
        #expect(try git.mergeBase("HEAD", "main") == main)
        #expect(try git.pathInRepository(repo.appendingPathComponent("sub").path) == "sub")
    }

    @Test(arguments: [
        ("git:HEAD", CompiledSideSpec.git(revision: "HEAD", path: nil)),
        ("git:main~2:policies/macos", .git(revision: "main~2", path: "policies/macos")),
        ("git:HEAD:", .git(revision: "HEAD", path: nil)),
        ("examples/fleet", .path("examples/fleet")),
    ])
    func parsesSideSpecs(_ text: String, _ expected: CompiledSideSpec) {
        #expect(CompiledSideSpec.parse(text) == expected)
    }
}
