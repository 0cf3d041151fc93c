import Foundation
import ManagedOSTestSupport
import Testing

@testable import ManagedOS

/// Parsing and checking on several threads gives exactly what one thread gives: the same repository and the
/// same diagnostics in the same order.
@Suite struct ParallelParseTests {
    /// The example repositories: the fleet and each invalid case.
    static let repositories: [String] =
        ["fleet"]
        + RepositoryPaths.subfolders(of: RepositoryPaths.examples.appendingPathComponent("invalid"))
        .map { "invalid/\($0.lastPathComponent)" }

    @Test(arguments: repositories) func parallelValidationMatchesOneWorker(_ name: String) throws {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent(name).path)
        expectSameResult(root: loaded.root, files: loaded.files)
    }

    /// Every example file in one repository: many files per chunk, and diagnostics from every stage.
    @Test func parallelValidationMatchesOneWorkerOnEveryExample() throws {
        let files = try Self.repositories.flatMap { name in
            try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent(name).path).files
        }
        #expect(files.count > 40)
        expectSameResult(root: RepositoryPaths.examples.path, files: files.sorted { $0.path < $1.path })
    }

    private func expectSameResult(root: String, files: [SourceFile]) {
        let options = CompilerOptions(now: .testingNow)
        let serial = Compiler.validate(root: root, files: files, options: options, workers: 1)
        for workers in [2, 3, 8] {
            let parallel = Compiler.validate(root: root, files: files, options: options, workers: workers)
            #expect(parallel.repository == serial.repository)
            #expect(parallel.diagnostics == serial.diagnostics)
        }
        var serialBag = DiagnosticBag()
        var parallelBag = DiagnosticBag()
        let one = parseRepository(root: root, files: files, limits: .defaults, workers: 1, diagnostics: &serialBag)
        let two = parseRepository(root: root, files: files, limits: .defaults, workers: 2, diagnostics: &parallelBag)
        #expect(one == two)
        #expect(serialBag == parallelBag)
    }
}
