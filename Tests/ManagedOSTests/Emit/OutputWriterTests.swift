import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The atomic writer: a complete tree or none, never into a folder mosc did not write.
@Suite struct OutputWriterTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func tree(_ marker: String) -> OutputTree {
        var tree = OutputTree()
        tree.add("manifest.json", text: "{\"run\":\"\(marker)\"}\n")
        tree.add(OutputMarker.fileName, OutputMarker.current.bytes)
        tree.add("cohorts/a/ddm/set.txt", text: "\(marker)\n")
        return tree
    }

    static func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesANewFolderAndReplacesItsOwnTree() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        try OutputWriter().write(Self.tree("one"), to: out.path)
        #expect(Self.read(out.appendingPathComponent("cohorts/a/ddm/set.txt")) == "one\n")
        var second = Self.tree("two")
        second.add("cohorts/b/ddm/set.txt", text: "b\n")
        try OutputWriter().write(second, to: out.path)
        #expect(Self.read(out.appendingPathComponent("cohorts/a/ddm/set.txt")) == "two\n")
        #expect(Self.read(out.appendingPathComponent("cohorts/b/ddm/set.txt")) == "b\n")
        // Nothing is left beside the output: no staging or old trees.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: base.path)
        #expect(leftovers == ["out"])
    }

    @Test func refusesAFolderMoscDidNotWrite() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(
            FileManager.default.createFile(
                atPath: base.appendingPathComponent("notes.txt").path, contents: Data("x".utf8)))
        #expect(throws: CompilerError.self) { try OutputWriter().write(Self.tree("one"), to: base.path) }
        #expect(Self.read(base.appendingPathComponent("notes.txt")) == "x")
    }

    @Test func removesStaleStagingFolders() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let stale = base.appendingPathComponent(".out.mosc-staging-99999")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try OutputWriter().write(Self.tree("one"), to: base.appendingPathComponent("out").path)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test(arguments: ["../x", "/etc/passwd", "a/../../b", "a//b", "", "./a"])
    func unsafePathsAreRejected(_ path: String) {
        #expect(!OutputTree.isSafe(path))
    }
}

/// A fallback run killed between its two renames leaves no tree at the target and the previous one beside it.
@Suite struct OutputWriterRecoveryTests {
    @Test func theNextWriteRestoresThePreviousTreeBeforeReplacingIt() throws {
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let old = base.appendingPathComponent(".out.mosc-old-4242")
        try OutputWriter().write(OutputWriterTests.tree("previous"), to: old.path)
        let out = base.appendingPathComponent("out")
        try OutputWriter().write(OutputWriterTests.tree("new"), to: out.path)
        #expect(OutputWriterTests.read(out.appendingPathComponent("cohorts/a/ddm/set.txt")) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["out"])
    }
}
