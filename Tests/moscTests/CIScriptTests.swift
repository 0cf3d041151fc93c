import Foundation
import ManagedOSTestSupport
import Testing

/// `examples/ci/validate.sh` passes mosc's exit status through; the pre-commit hook runs on the whole repository.
@Suite struct CIScriptTests {
    static func runScript(_ arguments: [String]) throws -> Int32 {
        guard let executable = CLITests.executable else { throw CLITests.CLIError.noExecutable }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["examples/ci/validate.sh"] + arguments
        process.currentDirectoryURL = RepositoryPaths.root
        var environment = ProcessInfo.processInfo.environment
        environment["MOSC"] = executable.path
        environment["SOURCE_DATE_EPOCH"] = "1795608000"  // 2026-11-25T08:00:00Z, before every example deadline
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(arguments: [("examples/fleet", Int32(0)), ("examples/invalid/unknown-cohort", 1), ("no/such/folder", 2)])
    func validateScriptPassesTheStatusThrough(_ path: String, _ status: Int32) throws {
        #expect(try Self.runScript([path]) == status)
    }

    @Test func preCommitHookValidatesTheWholeRepository() throws {
        let text = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        for line in [
            "- id: mosc-validate", "entry: mosc validate", "pass_filenames: false", "files: \\.(ya?ml)$",
            "language: system",
        ] {
            #expect(text.contains(line), "\(line)")
        }
    }

    /// `scripts/install.sh --binary FILE PREFIX` puts `mosc` where the pre-commit hook finds it (PREFIX/bin on PATH).
    @Test func installScriptPutsMoscOnPath() throws {
        guard let executable = CLITests.executable else { throw CLITests.CLIError.noExecutable }
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "scripts/install.sh --binary \"$1\" \"$2\" && PATH=\"$2/bin:$PATH\" mosc --version", "sh",
            executable.path, prefix.path,
        ]
        process.currentDirectoryURL = RepositoryPaths.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == "\(try CLITests.run(["--version"]).stdout)")
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/mosc").path))
    }
}
