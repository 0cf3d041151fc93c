import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSCompiler

/// The streamed compile (`Compiler.compile(_:options:stagingFor:)`) writes exactly the in-memory compile's tree,
/// its manifest stream gives `CanonicalJSON`'s bytes, and a failed compile leaves the previous folder alone.
@Suite struct StreamedCompileTests {
    static func files(in folder: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let root = folder.standardizedFileURL.path
        guard let walk = FileManager.default.enumerator(atPath: root) else { return files }
        for case let path as String in walk {
            var isFolder: ObjCBool = false
            let full = root + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Array(Data(contentsOf: URL(fileURLWithPath: full)))
            }
        }
        return files
    }

    @Test func streamedFleetEqualsTheInMemoryTree() throws {
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let inMemory = try CompileTests.compile(try CompileTests.fleet())
        let result = Compiler.compile(try CompileTests.fleet(), options: CompileTests.options, stagingFor: out.path)
        #expect(result.failure == nil)
        let staged = try #require(result.staged)
        // Nothing is visible at the target before the commit.
        #expect(!FileManager.default.fileExists(atPath: out.path))
        try staged.commit()
        #expect(try Self.files(in: out) == inMemory.tree.files)
        #expect(result.summary?.fileCount == inMemory.tree.files.count)
        #expect(result.summary?.cohortCount == inMemory.manifest.cohorts.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["out"])
    }

    @Test func manifestStreamMatchesTheCanonicalWriter() throws {
        let output = try CompileTests.compile(try CompileTests.fleet())
        #expect(output.tree.files["manifest.json"] == CanonicalJSON.bytes(output.manifest.jsonValue))
    }

    @Test func manifestOfNoCohortsMatchesTheCanonicalWriter() throws {
        var bag = DiagnosticBag()
        let provenance = CompileProvenance(now: .testingNow, sourceDigest: "d", catalogDate: "2026-11-01")
        let output = planAndEmit(
            PlanIR(identifierPrefix: "mosc", cohorts: []), provenance: provenance, gates: .bundled, diagnostics: &bag)
        #expect(output.tree.files["manifest.json"] == CanonicalJSON.bytes(output.manifest.jsonValue))
        #expect(output.manifest.cohorts.isEmpty)
    }

    @Test func invalidRepositoryStagesNothing() throws {
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        try OutputWriter().write(OutputWriterTests.tree("previous"), to: out.path)
        let loaded = try RepositoryLoader().load(
            RepositoryPaths.examples.appendingPathComponent("invalid/unknown-key-typo").path)
        let result = Compiler.compile(loaded, options: CompileTests.options, stagingFor: out.path)
        #expect(result.hasErrors)
        #expect(result.staged == nil && result.failure == nil)
        #expect(OutputWriterTests.read(out.appendingPathComponent("cohorts/a/ddm/set.txt")) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["out"])
    }

    @Test func discardLeavesThePreviousTree() throws {
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        try OutputWriter().write(OutputWriterTests.tree("previous"), to: out.path)
        var staged = try OutputWriter().stage(out.path)
        try staged.add("cohorts/a/ddm/set.txt", Array("new\n".utf8))
        try staged.add("../escape.txt", Array("x".utf8))
        #expect(staged.rejectedPaths == ["../escape.txt"])
        #expect(staged.fileCount == 1)
        staged.discard()
        #expect(OutputWriterTests.read(out.appendingPathComponent("cohorts/a/ddm/set.txt")) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["out"])
    }

    @Test func stagingRefusesAFolderMoscDidNotWrite() throws {
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(
            FileManager.default.createFile(
                atPath: base.appendingPathComponent("notes.txt").path, contents: Data("x".utf8)))
        let result = Compiler.compile(try CompileTests.fleet(), options: CompileTests.options, stagingFor: base.path)
        #expect(result.staged == nil)
        guard case .outputRefused? = result.failure else {
            Issue.record("expected outputRefused, got \(String(describing: result.failure))")
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["notes.txt"])
    }
}

/// Cohorts out of order or named twice still give a sorted manifest with one entry per name (the last one).
@Suite struct ManifestOrderTests {
    @Test func unsortedAndRepeatedCohortsAreStreamedInKeyOrder() throws {
        let fleet = try CompileTests.compile(try CompileTests.fleet())
        let validation = Compiler.validate(try CompileTests.fleet(), options: CompileTests.options)
        var planning = DiagnosticBag()
        let plan = try #require(lowerRepository(validation.context, diagnostics: &planning))
        var shuffled = plan
        shuffled.cohorts = plan.cohorts.reversed() + [plan.cohorts[0]]
        var bag = DiagnosticBag()
        let provenance = CompileProvenance(
            now: .testingNow, sourceDigest: fleet.manifest.sourceDigest, catalogDate: fleet.manifest.catalogDate)
        let output = planAndEmit(shuffled, provenance: provenance, gates: .bundled, diagnostics: &bag)
        #expect(output.tree.files["manifest.json"] == CanonicalJSON.bytes(output.manifest.jsonValue))
        #expect(output.tree == fleet.tree)
    }
}

/// The staging writer creates each folder a file needs, in any order of files, sharing what already exists.
@Suite struct StagedOutputFolderTests {
    @Test(arguments: [
        ("cohorts/a/ddm", "cohorts/a/ddm/declarations", 13),
        ("cohorts/a/ddm/declarations", "cohorts/a/ddm", 13),
        ("cohorts/a/ddm", "cohorts/a/legacy", 9),
        ("cohorts/ab", "cohorts/a", 7),
        ("cohorts/a", "cohorts/ab", 7),
        ("x", "y", 0),
        ("", "cohorts", 0),
        ("cohorts", "", 0),
    ])
    func sharedFolder(_ next: String, _ last: String, _ expected: Int) {
        #expect(StagedOutput.sharedFolderLength(ArraySlice(next.utf8), Array(last.utf8)) == expected)
    }

    @Test func filesInAnyOrderLandInTheirFolders() throws {
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let paths = [
            "cohorts/b/ddm/declarations/x.json", "cohorts/b/ddm/set.txt", "cohorts/b/legacy/commands/01.plist",
            "cohorts/b/legacy/plan.json", "cohorts/a/ddm/set.txt", "cohorts/b/ddm/declarations/y.json", "top.txt",
            "cohorts/ab/z.txt", "cohorts/a/w.txt",
        ]
        var staged = try OutputWriter().stage(out.path)
        for path in paths { try staged.add(path, Array(path.utf8)) }
        try staged.commit()
        for path in paths {
            #expect(OutputWriterTests.read(out.appendingPathComponent(path)) == path)
        }
    }
}
