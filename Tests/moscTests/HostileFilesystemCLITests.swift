import Foundation
import ManagedOSTestSupport
import Testing

/// `mosc` against a hostile file system: FIFOs that would block, `--out` as a symbolic link, paths the system
/// refuses, long names, and an empty repository compiled over a populated output.
@Suite struct HostileFilesystemCLITests {
    static let now = ["--now", RepositoryPaths.examplesNow, "--color", "never"]

    /// Runs the built CLI, killing it after `seconds`: a blocked `open(2)` fails the test instead of hanging it.
    static func run(_ arguments: [String], seconds: Double = 60) throws -> (status: Int32, stderr: String) {
        guard let executable = CLITests.executable else { throw CLITests.CLIError.noExecutable }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = RepositoryPaths.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationReason == .exit, "mosc \(arguments) did not finish within \(seconds)s")
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func compile(_ input: String, out: String, _ extra: [String] = []) throws -> (status: Int32, stderr: String)
    {
        try run(["compile", input, "--out", out] + now + extra)
    }

    static var fleet: String { RepositoryPaths.examples.appendingPathComponent("fleet").path }

    @Test func aFIFONamedLikeAPolicyIsRefusedNotWaitedOn() throws {
        let base = try OutputPathCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let fifo = base.appendingPathComponent("fleet/policies/blocked.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let validate = try Self.run(["validate", base.appendingPathComponent("fleet").path] + Self.now)
        #expect(validate.status == 1)
        #expect(
            validate.stderr.contains("blocked.yaml: error: cannot read file: it is a FIFO, not a regular file [MOS501]")
        )
        let named = try Self.run(["validate", fifo] + Self.now)
        #expect(named.status == 1)
        #expect(named.stderr.contains("[MOS501]"))
        let compile = try Self.compile(
            base.appendingPathComponent("fleet").path, out: base.appendingPathComponent("out").path)
        #expect(compile.status == 1)
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("out").path))
    }

    @Test func aFIFOManifestInTheOutputIsNoMarker() throws {
        let base = try OutputPathCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(mkfifo(out.appendingPathComponent("manifest.json").path, 0o644) == 0)
        let run = try Self.compile(base.appendingPathComponent("fleet").path, out: out.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("was not written by mosc"))
    }

    /// `current -> releases/1`: the folder the link leads to is replaced, the link stays a link.
    @Test func anOutputLinkUpdatesItsTarget() throws {
        let base = try OutputPathCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let fm = FileManager.default
        let releases = base.appendingPathComponent("releases")
        try fm.createDirectory(at: releases.appendingPathComponent("1"), withIntermediateDirectories: true)
        let link = base.appendingPathComponent("current").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "releases/1")
        for _ in 0..<2 {
            let run = try Self.compile(base.appendingPathComponent("fleet").path, out: link)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try fm.destinationOfSymbolicLink(atPath: link) == "releases/1")
            #expect(OutputFolderCheck(releases.appendingPathComponent("1")).problems.isEmpty)
            #expect(try fm.contentsOfDirectory(atPath: releases.path) == ["1"])
        }
        // A link to a release not made yet creates it.
        try fm.removeItem(atPath: link)
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "releases/2")
        let run = try Self.compile(base.appendingPathComponent("fleet").path, out: link)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(OutputFolderCheck(releases.appendingPathComponent("2")).problems.isEmpty)
        // A loop is refused.
        let loop = base.appendingPathComponent("loop").path
        try fm.createSymbolicLink(atPath: loop, withDestinationPath: "loop")
        let looped = try Self.compile(base.appendingPathComponent("fleet").path, out: loop)
        #expect(looped.status == 2)
        #expect(looped.stderr.contains("loops"))
    }

    /// A path the system refuses leaves none of the folders mosc made for it; a 250-byte name works.
    @Test func refusedPathsLeaveNothingAndLongNamesWork() throws {
        let base = try OutputPathCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let fm = FileManager.default
        let tooLong = String(repeating: "y", count: 300)
        let refused = base.appendingPathComponent("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/\(tooLong)/out").path
        let run = try Self.compile(base.appendingPathComponent("fleet").path, out: refused)
        #expect(run.status == 2)
        #expect(try fm.contentsOfDirectory(atPath: base.path) == ["fleet"])
        let refusedLeaf = base.appendingPathComponent("a/b/\(tooLong)").path
        #expect(try Self.compile(base.appendingPathComponent("fleet").path, out: refusedLeaf).status == 2)
        #expect(try fm.contentsOfDirectory(atPath: base.path) == ["fleet"])

        let long = base.appendingPathComponent(String(repeating: "x", count: 250))
        for _ in 0..<2 {
            let written = try Self.compile(base.appendingPathComponent("fleet").path, out: long.path)
            #expect(written.status == 0, "\(written.stderr)")
            #expect(OutputFolderCheck(long).problems.isEmpty)
        }
        #expect(try fm.contentsOfDirectory(atPath: base.path).sorted() == ["fleet", long.lastPathComponent])
    }

    /// An empty repository does not wipe a populated output unless asked to.
    @Test func anEmptyCompileNeedsAllowEmptyToReplaceAnOutput() throws {
        let base = try OutputPathCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: base) }
        let fm = FileManager.default
        let out = base.appendingPathComponent("out")
        let empty = base.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try Self.compile(base.appendingPathComponent("fleet").path, out: out.path).status == 0)
        let before = try fm.contentsOfDirectory(atPath: out.appendingPathComponent("cohorts").path).sorted()
        #expect(!before.isEmpty)

        let refused = try Self.compile(empty.path, out: out.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--allow-empty"))
        #expect(try fm.contentsOfDirectory(atPath: out.appendingPathComponent("cohorts").path).sorted() == before)

        let allowed = try Self.compile(empty.path, out: out.path, ["--allow-empty"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("cohorts").path))
        // A new output needs no flag.
        #expect(try Self.compile(empty.path, out: base.appendingPathComponent("new").path).status == 0)
    }
}
