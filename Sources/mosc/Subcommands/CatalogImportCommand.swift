import ArgumentParser
import Foundation
import ManagedOS

/// `mosc catalog import FEED.json… [--output FILE]`.
struct CatalogImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a catalog from SOFA v2 feeds.",
        discussion: """
            Reads SOFA v2 feeds (macos_data_feed.json, ios_data_feed.json, tvos_data_feed.json, \
            visionos_data_feed.json from macadmins/sofa) and writes mosc's compact catalog format. The iOS \
            feed also gives iPadOS. A release dated after a higher version of its major (or, in a major's .0 \
            series, after the next major's first release) gets an unknown date, with a note on stderr. Pin the \
            result in the repository's Settings ('catalog: FILE'), or pass it to one run with --catalog FILE.
            Exit status: 0 success, 2 a feed that cannot be read or is not a SOFA v2 feed, or an output that \
            cannot be written, 64 usage error. There is no status 1: a bad feed is refused whole.
            """
    )

    @Argument(help: ArgumentHelp("The SOFA v2 feeds to read.", valueName: "feed.json"))
    var feeds: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the catalog here. Default: stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if feeds.isEmpty { throw ValidationError("give at least one SOFA feed") }
    }

    func run() throws {
        try reportingFailures(importFeeds)
    }

    private func importFeeds() throws {
        var data: [(platformHint: String?, data: [UInt8])] = []
        for path in feeds {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CompilerError.unreadable(path, "not a readable file")
            }
            data.append((platformHint: nil, data: [UInt8](contents)))
        }
        let catalog: OSCatalog
        do {
            let imported = try OSCatalog.importSOFAReportingDates(feeds: data)
            catalog = imported.catalog
            for entry in imported.unknownDates {
                StandardStreams.err("mosc: note: \(entry); its release date is left unknown\n")
            }
        } catch {
            var failure = CommandFailure(description: "\(error)")
            if let index = (error as? CatalogImportError)?.feedIndex, feeds.indices.contains(index) {
                failure.details.append("mosc: note: feed \(index) is '\(feeds[index])'")
            }
            throw failure
        }
        let text = catalog.serialized()
        guard let output else {
            StandardStreams.out(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CompilerError.writeFailed(output, error.localizedDescription)
        }
    }
}

extension CatalogImportError {
    /// The 0-based position of the feed at fault, to name its file.
    fileprivate var feedIndex: Int? {
        switch self {
        case .undecodableFeed(let feed, _), .unknownPlatform(let feed, _), .invalidVersion(let feed, _),
            .invalidBuild(let feed, _, _), .invalidReleaseDate(let feed, _, _):
            feed
        case .noFeeds, .missingCheckDate:
            nil
        }
    }
}
