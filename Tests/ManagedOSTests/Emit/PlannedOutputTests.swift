import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `compileManifest` gives the in-memory compile's manifest, and its `PlannedOutput` emits every cohort file
/// again with the same bytes (what `diff` compares when hashes differ).
@Suite struct PlannedOutputTests {
    @Test func plannedFilesEqualTheCompiledTree() throws {
        let loaded = try CompileTests.fleet()
        let compiled = try CompileTests.compile(loaded)
        let planned = Compiler.compileManifest(root: loaded.root, files: loaded.files, options: CompileTests.options)
        #expect(planned.manifest == compiled.manifest)
        let files = try #require(planned.files)
        for (path, bytes) in compiled.tree.files where path != "manifest.json" {
            #expect(files.file(path) == bytes, "\(path)")
        }
        #expect(files.file("manifest.json") == nil)
        #expect(files.file("cohorts/no-such-cohort/ddm/set.txt") == nil)
        #expect(files.file("cohorts/") == nil)
    }

    @Test func invalidPoliciesPlanNothing() throws {
        let loaded = try RepositoryLoader().load(
            RepositoryPaths.examples.appendingPathComponent("invalid/unknown-key-typo").path)
        let planned = Compiler.compileManifest(root: loaded.root, files: loaded.files, options: CompileTests.options)
        #expect(planned.hasErrors)
        #expect(planned.manifest == nil && planned.files == nil)
    }
}
