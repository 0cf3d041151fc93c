import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `Golden/Fixtures/diff-<case>/{old,new}/` compiled in memory and diffed; the markdown and JSON renderings
/// and the new side's timeline (Mermaid and SVG) must equal `expected/` byte for byte.
/// Re-record with `RECORD_GOLDENS=1 swift test --filter DiffGoldenTests`.
@Suite struct DiffGoldenTests {
    static let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/ManagedOSTests/Golden/Fixtures")

    static var cases: [String] {
        RepositoryPaths.subfolders(of: fixtures).map(\.lastPathComponent).filter { $0.hasPrefix("diff-") }
    }

    /// The side in `folder/name`, its files named `name/<relative path>`.
    static func side(_ folder: URL, _ name: String) throws -> CompiledSide {
        let root = folder.appendingPathComponent(name)
        let loaded = try RepositoryLoader().load(root.path)
        let files = loaded.files.map {
            SourceFile(path: name + "/" + String($0.path.dropFirst(root.path.count + 1)), contents: $0.contents)
        }
        let load = CompiledSideLoader(options: .testing).compile(root: name, files: files, label: name)
        guard case .loaded(let side) = load else { throw DiffFixtureError.invalid }
        return side
    }

    @Test func casesExist() {
        #expect(Self.cases.count >= 2)
    }

    @Test(arguments: cases)
    func renderingsMatchGoldens(_ name: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let old = try Self.side(folder, "old")
        let new = try Self.side(folder, "new")
        let diff = Compiler.diff(old, new, options: DiffOptions(now: .testingNow))
        let expected = folder.appendingPathComponent("expected")
        GoldenFile(expected.appendingPathComponent("diff.json")).expectMatches(diff.json)
        GoldenFile(expected.appendingPathComponent("diff.md"))
            .expectMatches(diff.markdown(before: RolloutTimeline(old), after: RolloutTimeline(new)))
        GoldenFile(expected.appendingPathComponent("diff.txt")).expectMatches(diff.text())
        let timeline = RolloutTimeline(new)
        GoldenFile(expected.appendingPathComponent("timeline.mmd")).expectMatches(timeline.mermaid)
        GoldenFile(expected.appendingPathComponent("timeline.svg")).expectMatches(timeline.svg)
    }

    @Test(arguments: cases)
    func jsonDecodesBack(_ name: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let diff = Compiler.diff(
            try Self.side(folder, "old"), try Self.side(folder, "new"), options: DiffOptions(now: .testingNow))
        let decoded = try JSONDecoder().decode(RolloutDiff.self, from: Data(diff.json.utf8))
        #expect(decoded == diff)
        #expect(decoded.formatVersion == RolloutDiff.currentFormatVersion)
    }
}
