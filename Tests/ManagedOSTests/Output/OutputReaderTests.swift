import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The output contract's reader: the marker is read first, newer formats and foreign folders are refused, and
/// nothing that is not a regular file is ever waited on.
@Suite struct OutputReaderTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func compiledFleet() throws -> URL {
        let out = try folder().appendingPathComponent("out")
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let result = Compiler.compile(loaded, options: CompilerOptions(now: .testingNow))
        let output = try #require(result.output)
        try OutputWriter().write(output.tree, to: out.path)
        return out
    }

    @Test func aCompileWritesTheMarkerAndTheReaderReadsItFirst() throws {
        let out = try Self.compiledFleet()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let bytes = try #require(
            FileManager.default.contents(atPath: out.appendingPathComponent("mosc-output.json").path))
        #expect(
            String(decoding: bytes, as: UTF8.self) == "{\n  \"formatVersion\" : 2,\n  \"generator\" : \"mosc\"\n}\n")
        let reader = OutputReader(folder: out.path)
        #expect(try reader.marker() == OutputMarker.current)
        #expect(try reader.manifest().generator == "mosc")
        #expect(OutputFolderCheck(out).problems.isEmpty, "\(OutputFolderCheck(out).problems)")
    }

    @Test func aNewerFormatIsRefusedBeforeTheManifestIsRead() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        try Data("{\"formatVersion\":3,\"generator\":\"mosc\"}".utf8)
            .write(to: out.appendingPathComponent("mosc-output.json"))
        // A manifest that would not decode: the marker alone must decide.
        try Data("not json".utf8).write(to: out.appendingPathComponent("manifest.json"))
        #expect(throws: CompilerError.self) { try OutputReader(folder: out.path).manifest() }
        do {
            _ = try OutputReader(folder: out.path).marker()
            Issue.record("a newer format was accepted")
        } catch {
            #expect("\(error)".contains("formatVersion 3 is newer"))
        }
    }

    @Test func anOutputWrittenBeforeTheMarkerIsRecognisedByItsManifest() throws {
        let out = try Self.compiledFleet()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: out.appendingPathComponent("mosc-output.json"))
        #expect(OutputMarker.isMoscOutput(out.path))
        #expect(try OutputReader(folder: out.path).manifest().cohorts.isEmpty == false)
        // And a compile may still replace it.
        try OutputWriter().write(OutputWriterTests.tree("again"), to: out.path)
        #expect(OutputMarker.read(folder: out.path) == OutputMarker.current)
    }

    @Test func aForeignFolderIsNotAnOutput() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        try Data("{\"formatVersion\":1,\"generator\":\"other\"}".utf8)
            .write(to: out.appendingPathComponent("manifest.json"))
        #expect(!OutputMarker.isMoscOutput(out.path))
        #expect(throws: CompilerError.self) { try OutputReader(folder: out.path).marker() }
    }

    @Test func aFIFONamedLikeTheMarkerIsNotWaitedOn() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(mkfifo(out.appendingPathComponent("mosc-output.json").path, 0o644) == 0)
        #expect(mkfifo(out.appendingPathComponent("manifest.json").path, 0o644) == 0)
        #expect(OutputMarker.read(folder: out.path) == nil)
        #expect(OutputReader(folder: out.path).bytes("manifest.json") == nil)
    }

    @Test(arguments: ["../x", "/etc/passwd", "a/../b"])
    func artifactsOutsideTheFolderAreNotRead(_ path: String) throws {
        #expect(OutputReader(folder: NSTemporaryDirectory()).bytes(path) == nil)
    }
}
