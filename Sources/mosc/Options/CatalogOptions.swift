import ArgumentParser
import Foundation
import ManagedOS

/// `--catalog FILE`: the OS release catalog to use instead of the one built into mosc.
struct CatalogOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "An OS release catalog in mosc's compact format, instead of the bundled one.",
            discussion: "Write one with 'mosc catalog import FEED.json… --output FILE'.",
            valueName: "file"))
    var catalog: String?

    /// The catalog to use; an unreadable or malformed file prints its problems and exits 2.
    func load() throws -> OSCatalog {
        guard let catalog else { return .bundled }
        let text: String
        do {
            text = try String(contentsOfFile: catalog, encoding: .utf8)
        } catch {
            StandardStreams.err("mosc: error: cannot read catalog '\(catalog)': \(error.localizedDescription)\n")
            throw ExitStatus.toolFailure
        }
        switch OSCatalog.parse(text) {
        case .success(let value):
            return value
        case .failure(let error):
            let lines = error.problems.map { "\(catalog):\($0.line): error: \($0.message)\n" }
            StandardStreams.err("mosc: error: '\(catalog)' is not an OS release catalog\n" + lines.joined())
            throw ExitStatus.toolFailure
        }
    }
}
