import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `examples/status` against the compiled example fleet: every status appears, and the JSON matches its golden.
@Suite struct StatusExampleTests {
    /// The instant the status example is judged at: after the mac-it and iphone-it deadlines.
    static let now = Instant.parseISO8601("2026-12-10T12:00:00Z") ?? .testingNow

    static func run() throws -> StatusResult {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let compiled = Compiler.compile(loaded, options: CompilerOptions(now: .testingNow))
        let manifest = try #require(compiled.output?.manifest)
        let folder = RepositoryPaths.examples.appendingPathComponent("status")
        let loader = StatusLoader()
        let devices = try loader.readFile(folder.appendingPathComponent("devices.csv").path, limit: 1 << 20)
        let reports = try loader.loadReports([folder.appendingPathComponent("reports").path])
        #expect(reports.diagnostics.isEmpty)
        // Show paths relative to the package, as the README command does.
        let root = RepositoryPaths.root.path + "/"
        func relative(_ file: SourceFile) -> SourceFile {
            SourceFile(path: file.path.replacingOccurrences(of: root, with: ""), contents: file.contents)
        }
        return Compiler.status(
            cohorts: CohortExpectation.all(from: manifest), devices: relative(devices),
            reports: reports.files.map(relative), options: StatusOptions(now: now))
    }

    @Test func everyStatusAppearsWithoutDiagnostics() throws {
        let result = try Self.run()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(Set(result.fleet.devices.map(\.status)) == Set(UpdateStatus.allCases))
        #expect(result.fleet.devices.contains { $0.late })
    }

    @Test func jsonMatchesGolden() throws {
        let result = try Self.run()
        var tree = OutputTree()
        tree.add("status.json", text: result.fleet.json)
        tree.add("status.txt", text: result.fleet.text)
        expectGoldenTree(
            tree,
            matches: RepositoryPaths.root.appendingPathComponent("Tests/ManagedOSTests/Golden/Fixtures/status-example"))
    }
}
