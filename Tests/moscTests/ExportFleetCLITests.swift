import Foundation
import ManagedOSTestSupport
import Testing

/// `mosc export fleet` end to end: the built binary writes the golden files, refuses on errors without touching
/// the previous output, and refuses folders it did not write.
@Suite struct ExportFleetCLITests {
    static func export(_ input: String, out: String, _ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.run(
            ["export", "fleet", input, "--out", out, "--now", RepositoryPaths.examplesNow, "--color", "never"] + extra)
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mosc-export-\(UUID().uuidString)")
    }

    /// Every file below `folder`, by relative path.
    static func files(in folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder.path) else { return [:] }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            if fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = fm.contents(atPath: url.path)
            }
        }
        return files
    }

    @Test func writesTheGoldenFilesAndNamesWhatIsLeftOut() throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Self.export("examples/fleet", out: out.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        for line in [
            "examples/fleet/cohorts/macos.yaml:42:7: warning: cohort 'mac-frontdesk' is legacy-only",
            "examples/fleet/cohorts/macos.yaml:26:7: warning: cohort 'mac-office' is mixed",
            "examples/fleet/cohorts/ipados.yaml:7:7: warning: cohort 'ipad-kiosk' is legacy-only",
            "mosc: wrote 13 files for 8 cohorts in 3 Fleet teams to \(out.path)",
        ] {
            #expect(run.stderr.contains(line), "\(line)")
        }
        let golden = Self.files(
            in: RepositoryPaths.root.appendingPathComponent("Tests/ManagedOSTests/Golden/Fixtures/export-fleet"))
        #expect(!golden.isEmpty)
        #expect(Self.files(in: out) == golden, "the CLI writes exactly the golden export")
    }

    @Test func errorsWriteNothingAndLeaveThePreviousExport() throws {
        let out = Self.temporaryFolder()
        let repository = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: repository)
        }
        #expect(try Self.export("examples/fleet", out: out.path).status == 0)
        let before = Self.files(in: out)
        // The example's cohorts without Settings' default team: mac-eng and others name no team.
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        for folder in ["cohorts", "policies"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.examples.appendingPathComponent("fleet/\(folder)"),
                to: repository.appendingPathComponent(folder))
        }
        let run = try Self.export(repository.path, out: out.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: cohort 'mac-eng' names no Fleet team"))
        #expect(run.stderr.contains("[MOS803]"))
        #expect(Self.files(in: out) == before)
        let strict = try Self.export("examples/fleet", out: out.path, ["--warnings-as-errors"])
        #expect(strict.status == 1)
        #expect(Self.files(in: out) == before)
    }

    @Test func refusesAFolderMoscDidNotWrite() throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let run = try Self.export("examples/fleet", out: out.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("refusing to write"))
        #expect(Self.files(in: out).keys.sorted() == ["notes.txt"])
    }

    @Test func refusesToWriteOverThePolicies() throws {
        let run = try Self.export("examples/fleet", out: "examples")
        #expect(run.status == 64)
    }
}
