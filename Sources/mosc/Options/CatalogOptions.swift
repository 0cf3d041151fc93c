import ArgumentParser
import Foundation
import ManagedOS

/// `--catalog FILE`: the OS release catalog to use instead of the one built into mosc.
struct CatalogOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "An OS release catalog in mosc's compact format, instead of the repository's or the bundled one.",
            discussion: """
                Write one with 'mosc catalog import FEED.json… --output FILE'. A repository pins its own with \
                'catalog: FILE' in its Settings; --catalog overrides that pin for this run (a note says so).
                """,
            valueName: "file"))
    var catalog: String?

    /// Compiler options at `now` with the catalog given on the command line, if any (it overrides a pin).
    func options(now: Instant) throws -> CompilerOptions {
        guard let catalog else { return CompilerOptions(now: now) }
        return CompilerOptions(now: now, catalog: try load(), catalogOrigin: .commandLine(path: catalog))
    }

    /// The catalog to use; an unreadable or malformed file throws `CommandFailure` with its problems (exit 2).
    func load() throws -> OSCatalog {
        guard let catalog else { return .bundled }
        let text: String
        do {
            text = try String(contentsOfFile: catalog, encoding: .utf8)
        } catch {
            throw CommandFailure(description: "cannot read catalog '\(catalog)': \(error.localizedDescription)")
        }
        switch OSCatalog.parse(text) {
        case .success(let value):
            return value
        case .failure(let error):
            throw CommandFailure(
                description: "'\(catalog)' is not an OS release catalog",
                details: error.problems.map { "\(catalog):\($0.line): error: \($0.message)" })
        }
    }
}
