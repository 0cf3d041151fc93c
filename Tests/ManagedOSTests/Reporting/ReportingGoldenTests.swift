import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Byte-for-byte renderings of `ReportingFixtures.diagnostics` in each machine format, under
/// `Golden/Fixtures/reporting/`; re-record with `RECORD_GOLDENS=1 swift test --filter ReportingGoldenTests`.
@Suite struct ReportingGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/Fixtures/reporting")

    static let renderers: [(file: String, renderer: any DiagnosticRenderer)] = [
        ("diagnostics.github.txt", GitHubRenderer()),
        ("diagnostics.json", JSONRenderer()),
        ("diagnostics.sarif", SARIFRenderer()),
        ("diagnostics.txt", TextRenderer()),
    ]

    @Test(arguments: renderers.map(\.file)) func renderingMatchesGolden(_ file: String) throws {
        let renderer = try #require(Self.renderers.first { $0.file == file }?.renderer)
        GoldenFile(Self.folder.appendingPathComponent(file)).expectMatches(
            renderer.render(ReportingFixtures.diagnostics))
    }

    @Test func renderingIsDeterministic() {
        for (_, renderer) in Self.renderers {
            #expect(renderer.render(ReportingFixtures.diagnostics) == renderer.render(ReportingFixtures.diagnostics))
        }
    }
}
