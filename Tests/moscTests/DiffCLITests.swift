import Foundation
import ManagedOSTestSupport
import Testing

/// End-to-end runs of `mosc diff` and `mosc timeline` in a temporary git repository: the diff-rollout and
/// diff-broken golden fixtures' `old/` committed, their `new/` in the working tree.
@Suite struct DiffCLITests {
    static let now = RepositoryPaths.examplesNow
    static let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/ManagedOSTests/Golden/Fixtures")

    /// Runs the built `mosc` in `folder`.
    static func run(_ arguments: [String], in folder: URL) throws -> CLITests.Run {
        guard let executable = CLITests.executable else { throw CLITests.CLIError.noExecutable }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-C", folder.path, "-c", "user.name=mosc", "-c", "user.email=mosc@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
            ] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    /// A git repository at `main` holding `fixture/old` as `policies/`, with `fixture/new` in the working tree.
    static func repository(_ fixture: String) throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("mosc-diff-cli-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let policies = folder.appendingPathComponent("policies")
        try fm.copyItem(at: fixtures.appendingPathComponent("\(fixture)/old"), to: policies)
        try git(["init", "-q"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "old"], in: folder)
        try git(["checkout", "-q", "-b", "change"], in: folder)
        try fm.removeItem(at: policies)
        try fm.copyItem(at: fixtures.appendingPathComponent("\(fixture)/new"), to: policies)
        return folder
    }

    @Test func workingTreeAgainstHEAD() throws {
        let repo = try Self.repository("diff-rollout")
        defer { try? FileManager.default.removeItem(at: repo) }
        let plain = try Self.run(["diff", "git:HEAD", "policies", "--now", Self.now], in: repo)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("+ mac-lab (macos-26, ring 2, macOS): newly enforced"))
        #expect(
            plain.stdout.contains(
                "policies/policies/macos-26.yaml:8:11: warning: cohort 'mac-office' deadline moved earlier"))
        let strict = try Self.run(["diff", "git:HEAD", "policies", "--now", Self.now, "--exit-code"], in: repo)
        #expect(strict.status == 1)
        let json = try Self.run(
            ["diff", "--base", "main", "policies", "--now", Self.now, "--format", "json"], in: repo)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 2)
        let label = (object?["base"] as? [String: Any])?["label"] as? String ?? ""
        #expect(label.hasPrefix("merge-base of HEAD and main"), "\(label)")
        let markdown = try Self.run(
            ["diff", "git:HEAD", "policies", "--now", Self.now, "--format", "markdown"], in: repo)
        #expect(markdown.stdout.hasPrefix("## mosc diff\n") && markdown.stdout.contains("```mermaid\ngantt\n"))
    }

    @Test func aTreeWithItselfPrintsNoChanges() throws {
        let repo = try Self.repository("diff-rollout")
        defer { try? FileManager.default.removeItem(at: repo) }
        let run = try Self.run(["diff", "policies", "policies", "--now", Self.now, "--exit-code"], in: repo)
        #expect(run.status == 0 && run.stdout == "no changes\n", "\(run.stderr)")
    }

    @Test func brokenExitsThree() throws {
        let repo = try Self.repository("diff-broken")
        defer { try? FileManager.default.removeItem(at: repo) }
        let risky = try Self.run(["diff", "git:HEAD", "policies", "--now", Self.now], in: repo)
        #expect(risky.status == 3)
        #expect(risky.stdout.contains("error: cohort 'mac-it' deadline 2026-11-20T18:00:00 has already passed"))
        try "kind: Nonsense\n".write(
            to: repo.appendingPathComponent("policies/bad.yaml"), atomically: true, encoding: .utf8)
        let invalid = try Self.run(["diff", "git:HEAD", "policies", "--now", Self.now], in: repo)
        #expect(invalid.status == 3)
        #expect(invalid.stderr.contains("mosc: error: the head side 'policies' does not validate:"))
        let badRevision = try Self.run(["diff", "git:no-such-branch", "policies", "--now", Self.now], in: repo)
        #expect(badRevision.status == 2 && badRevision.stderr.contains("unknown revision 'no-such-branch'"))
        let badJSON = try Self.run(
            ["diff", "git:no-such-branch", "policies", "--now", Self.now, "--format", "json"], in: repo)
        let failure = try JSONSerialization.jsonObject(with: Data(badJSON.stdout.utf8)) as? [String: Any]
        #expect(badJSON.status == 2 && failure?["formatVersion"] as? Int == 2, "\(badJSON.stdout)")
        #expect((failure?["error"] as? String)?.contains("no-such-branch") == true)
        let usage = try Self.run(["diff", "policies"], in: repo)
        #expect(usage.status == 64)
    }

    @Test func compiledSides() throws {
        let repo = try Self.repository("diff-rollout")
        defer { try? FileManager.default.removeItem(at: repo) }
        let compile = try Self.run(["compile", "policies", "--out", "out", "--now", Self.now], in: repo)
        #expect(compile.status == 0, "\(compile.stderr)")
        let same = try Self.run(["diff", "out", "policies", "--now", Self.now, "--exit-code"], in: repo)
        #expect(same.status == 0 && same.stdout == "no changes\n", "\(same.stdout)\(same.stderr)")
        let manifest = repo.appendingPathComponent("out/manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 99")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let newer = try Self.run(["diff", "out", "policies", "--now", Self.now], in: repo)
        #expect(newer.status == 2 && newer.stderr.contains("formatVersion 99 is newer"), "\(newer.stderr)")
    }

    @Test func timelineFormats() throws {
        let repo = try Self.repository("diff-rollout")
        defer { try? FileManager.default.removeItem(at: repo) }
        let mermaid = try Self.run(["timeline", "policies", "--now", Self.now], in: repo)
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("gantt\n"), "\(mermaid.stderr)")
        let svg = try Self.run(["timeline", "git:HEAD:policies", "--now", Self.now, "--format", "svg"], in: repo)
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<svg "))
        let html = try Self.run(["timeline", "policies", "--now", Self.now, "--format", "html"], in: repo)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.stdout.contains("<script") && !html.stdout.contains("<link"))
    }
}
