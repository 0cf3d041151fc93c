import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSBasics
@testable import MOSCompiler

/// Cohorts are emitted a batch at a time, the next batch while the previous one is handed over: with several
/// batches the compile must still write every cohort once, in manifest order, with the bytes each cohort has on
/// its own.
@Suite struct BatchedEmitTests {
    /// 520 iPhone cohorts (batches of 256, 256 and 8), mixed and DDM-only, ten to a policy.
    static func largeRepository() -> [SourceFile] {
        let count = 520
        let cohorts = (0..<count).map { index in
            """
            apiVersion: mosc/v1
            kind: Cohort
            name: phones-\(String(format: "%04d", index))
            platform: iOS
            osVersions: "\(index.isMultiple(of: 2) ? ">=16.0" : ">=18.0")"
            """
        }.joined(separator: "\n---\n")
        var files = [SourceFile(path: "repo/cohorts.yaml", contents: Array(cohorts.utf8))]
        for policy in 0..<(count / 10) {
            let names = (0..<10).map { "  - phones-\(String(format: "%04d", policy * 10 + $0))" }
            let text = """
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: policy-\(policy)
                platform: iOS
                target:
                  version: "26.6.1"
                deadline: "2027-02-03T19:00"
                legacy:
                  timeZone: America/New_York
                cohorts:
                \(names.joined(separator: "\n"))
                """
            files.append(SourceFile(path: "repo/policies/p\(policy).yaml", contents: Array(text.utf8)))
        }
        return files
    }

    @Test func everyBatchIsEmittedOnceInOrder() throws {
        let files = Self.largeRepository()
        let result = Compiler.compile(root: "repo", files: files, options: CompileTests.options)
        let problems = result.diagnostics.filter { $0.severity != .note }
        #expect(problems.isEmpty, "\(problems.prefix(3).map(\.message))")
        let output = try #require(result.output)
        #expect(output.manifest.cohorts.count == 520)
        #expect(output.tree.files["manifest.json"] == CanonicalJSON.bytes(output.manifest.jsonValue))
        // A file of every cohort (a different one each time) as that cohort emits it alone.
        let planned = try #require(
            Compiler.compileManifest(root: "repo", files: files, options: CompileTests.options).files)
        let byCohort = Dictionary(grouping: output.tree.files.keys.filter { $0.hasPrefix("cohorts/") }.sorted()) {
            $0.split(separator: "/")[1]
        }
        #expect(byCohort.count == 520)
        for (index, name) in byCohort.keys.sorted().enumerated() {
            let paths = byCohort[name] ?? []
            let path = paths[index % paths.count]
            #expect(planned.file(path) == output.tree.files[path], "\(path)")
        }
        // The streamed compile writes the same tree.
        let base = try OutputWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let loaded = RepositoryLoader.Loaded(root: "repo", files: files, focus: nil, diagnostics: [])
        let streamed = Compiler.compile(loaded, options: CompileTests.options, stagingFor: out.path)
        try #require(streamed.staged).commit()
        #expect(try StreamedCompileTests.files(in: out) == output.tree.files)
    }
}
