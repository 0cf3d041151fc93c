import Foundation
import ManagedOSTestSupport
import Testing

/// `mosc compile` killed with SIGKILL at many moments, most of them while it writes: the output folder always
/// holds one complete tree, the previous or the new one, matching its own manifest file for file.
@Suite(.serialized) struct CrashSafetyTests {
    /// Cohorts (and policies) in the generated repository: about 700 output files, so a debug build spends most
    /// of a run writing and removing trees (more would only make the test slower on a loaded machine).
    static let size = 120
    /// Runs that must be killed while still running; each at a different moment.
    static let kills = 20
    /// Runs started at most: a run that ends before its kill time counts as finished, not killed.
    static let maximumRuns = 40

    /// Writes a repository of `size` macOS cohorts, one policy each, with deadlines on `day` of December.
    static func generate(at root: URL, day: Int) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try Data("apiVersion: mosc/v1\nkind: Settings\nidentifierPrefix: com.example\n".utf8)
            .write(to: root.appendingPathComponent("settings.yaml"))
        for chunk in stride(from: 0, to: size, by: 100) {
            let documents = (chunk..<min(size, chunk + 100)).map { index in
                """
                apiVersion: mosc/v1
                kind: Cohort
                name: cohort-\(index)
                platform: macOS
                osVersions: ">=14.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: policy-\(index)
                platform: macOS
                target: {version: "15.7.9"}
                deadline: "2026-12-\(day)T17:00"
                cohorts: [cohort-\(index)]

                """
            }
            try Data(documents.joined(separator: "---\n").utf8)
                .write(to: root.appendingPathComponent("policies/part-\(chunk / 100).yaml"))
        }
    }

    static func start(_ input: URL, out: URL) throws -> Process {
        guard let executable = CLITests.executable else { throw CLITests.CLIError.noExecutable }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["compile", input.path, "--out", out.path, "--now", RepositoryPaths.examplesNow]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a compile to the end, returning when the staging folder appeared and when the run ended.
    static func calibrate(_ input: URL, out: URL) throws -> (staging: Duration, end: Duration) {
        let clock = ContinuousClock()
        let started = clock.now
        let process = try start(input, out: out)
        let parent = out.deletingLastPathComponent().path
        var staging: Duration?
        while process.isRunning {
            if staging == nil,
                (try? FileManager.default.contentsOfDirectory(atPath: parent))?.contains(where: {
                    $0.hasPrefix(".out.mosc-staging-")
                }) == true
            {
                staging = clock.now - started
            }
            usleep(2_000)
        }
        let end = clock.now - started
        #expect(process.terminationStatus == 0)
        return (staging ?? end / 2, end)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func killedCompilesLeaveACompleteTree() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let inputs = [base.appendingPathComponent("a"), base.appendingPathComponent("b")]
        try Self.generate(at: inputs[0], day: 15)
        try Self.generate(at: inputs[1], day: 16)
        let out = base.appendingPathComponent("out")

        // Two complete runs: the digests of both trees, and how long a run takes to reach its writing phase.
        _ = try Self.calibrate(inputs[0], out: out)
        let digestA = try #require(OutputFolderCheck(out).sourceDigest)
        let timing = try Self.calibrate(inputs[1], out: out)
        let digestB = try #require(OutputFolderCheck(out).sourceDigest)
        #expect(digestA != digestB)

        // Kill times spread from a little before the staging folder appears to the end of the run, so most kills
        // land while files are written, swapped in, or the old tree is removed. Load on the machine changes how
        // long a run takes: a run that ends before its kill time shortens the window for the next ones.
        var random = SeededGenerator(seed: 7)
        let from = Self.seconds(timing.staging) * 0.7
        var to = Self.seconds(timing.end) * 0.97
        var outcomes: [String: Int] = [:]
        var killed = 0
        var runs = 0
        while killed < Self.kills && runs < Self.maximumRuns {
            let process = try Self.start(inputs[runs % 2], out: out)
            let delay = Double.random(in: from...max(from, to), using: &random)
            usleep(UInt32(delay * 1_000_000))
            let wasRunning = process.isRunning
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning { killed += 1 } else { to = max(from, delay * 0.9) }
            let check = OutputFolderCheck(out)
            #expect(check.problems.isEmpty, "run \(runs) killed after \(delay) s: \(check.problems.prefix(5))")
            let digest = check.sourceDigest ?? "none"
            #expect(digest == digestA || digest == digestB, "run \(runs): a tree from neither input")
            let tree = digest == digestA ? "a" : digest == digestB ? "b" : "?"
            outcomes["\(wasRunning ? "killed" : "finished"), tree \(tree)", default: 0] += 1
            runs += 1
        }
        #expect(
            killed >= Self.kills,
            "\(outcomes.sorted { $0.key < $1.key }) (staging at \(timing.staging), end \(timing.end))")

        // A clean run afterwards removes whatever the killed runs left beside the output.
        _ = try Self.calibrate(inputs[0], out: out)
        #expect(OutputFolderCheck(out).problems.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["a", "b", "out"])
    }
}
