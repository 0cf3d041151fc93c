import Foundation
import ManagedOSTestSupport
import Testing

/// The benchmark harness works end to end on a tiny corpus (a few seconds). No timings are asserted: these are
/// benchmarks, not tests. Skipped where the harness's tools (hyperfine, cc, libyaml headers) are missing, since
/// it would otherwise install them.
@Suite struct BenchmarkSmokeTests {
    static var toolsPresent: Bool {
        ["/usr/bin/hyperfine", "/usr/bin/cc", "/usr/include/yaml.h", "/usr/bin/time"].allSatisfy {
            FileManager.default.fileExists(atPath: $0)
        }
    }

    @Test(.enabled(if: toolsPresent)) func harnessRunsOnATinyCorpus() throws {
        let executable = try #require(CLITests.executable)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "Benchmarks/run.sh", "--sizes", "40", "--runs", "1", "--mosc", executable.path, "--dir", folder.path,
        ]
        process.currentDirectoryURL = RepositoryPaths.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log)")
        let results = try String(contentsOf: folder.appendingPathComponent("results.md"), encoding: .utf8)
        for row in [
            "## 40 policies", "| floor |", "| mosc validate |", "| mosc compile |", "| tree floor |",
            "| python alternative |",
        ] {
            #expect(results.contains(row), "\(results)")
        }
    }
}
