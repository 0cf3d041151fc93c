import Foundation
import ManagedOS
import Testing

/// Where the shared SOFA feeds and the bundled catalog live, relative to this file.
enum CatalogPaths {
    /// The repository root (this file is `Tests/ManagedOSTests/Catalog/SOFAImportTests.swift`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `../shared/catalog/sofa/` next to the repository root; not part of the repository.
    static let sofaFolder = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/catalog/sofa", isDirectory: true)
    /// The bundled catalog's source file.
    static let bundledCatalog = repositoryRoot.appendingPathComponent("Sources/MOSDomain/Catalog/Data/catalog.tsv")
    /// The feeds the catalog is built from, with their platforms.
    static let feedFiles = [
        ("macOS", "macos_data_feed.json"), ("iOS", "ios_data_feed.json"), ("tvOS", "tvos_data_feed.json"),
        ("visionOS", "visionos_data_feed.json"),
    ]

    static var sofaAvailable: Bool {
        feedFiles.allSatisfy { FileManager.default.fileExists(atPath: sofaFolder.appendingPathComponent($0.1).path) }
    }

    /// The shared feeds' bytes with their platforms.
    static func sharedFeeds() throws -> [(platformHint: String?, data: [UInt8])] {
        try feedFiles.map { platform, file in
            (
                platformHint: String?.some(platform),
                data: [UInt8](try Data(contentsOf: sofaFolder.appendingPathComponent(file)))
            )
        }
    }

    static func importSharedFeeds() throws -> OSCatalog {
        try OSCatalog.importSOFA(feeds: try sharedFeeds())
    }
}

@Suite struct SOFAImportTests {
    static let skipMessage = Comment(
        rawValue: "SOFA feeds not found in ../shared/catalog/sofa/ next to the repository root")

    @Test(.enabled(if: CatalogPaths.sofaAvailable, skipMessage))
    func sharedFeedsGiveTheBundledCatalog() throws {
        let imported = try CatalogPaths.importSharedFeeds()
        let file = try String(contentsOf: CatalogPaths.bundledCatalog, encoding: .utf8)
        let stale = "catalog.tsv is stale: REGENERATE_CATALOG=1 swift test --filter SOFAImportTests"
        let matchesBundled = imported == OSCatalog.bundled
        #expect(matchesBundled, "\(stale)")
        let generated = imported.serialized()
        #expect(generated == file, "\(stale); first difference: \(Self.firstDifference(generated, file))")
    }

    /// The first line where two texts differ, to keep failure messages short.
    static func firstDifference(_ left: String, _ right: String) -> String {
        let leftLines = left.split(separator: "\n", omittingEmptySubsequences: false)
        let rightLines = right.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(leftLines.count, rightLines.count) {
            let leftLine = index < leftLines.count ? String(leftLines[index]) : "<end>"
            let rightLine = index < rightLines.count ? String(rightLines[index]) : "<end>"
            if leftLine != rightLine { return "line \(index + 1): '\(leftLine)' vs '\(rightLine)'" }
        }
        return "none"
    }

    /// Rewrites `catalog.tsv` from the shared feeds, then fails so a regenerating run never passes silently.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REGENERATE_CATALOG"] == "1" && CatalogPaths.sofaAvailable))
    func regenerateBundledCatalog() throws {
        let text = try CatalogPaths.importSharedFeeds().serialized()
        try Data(text.utf8).write(to: CatalogPaths.bundledCatalog)
        Issue.record(
            "regenerated \(CatalogPaths.bundledCatalog.path); review with git diff and rerun without REGENERATE_CATALOG"
        )
    }

    struct ImprovementRow: Sendable, CustomTestStringConvertible {
        var platform: String
        var name: String
        var build: String
        var prerequisite: String
        var supersededBy: String
        var testDescription: String { "\(platform) \(name)" }
    }

    /// The real entries of the shared feeds' `BackgroundSecurityImprovements` (iPadOS copies iOS).
    @Test(
        .enabled(if: CatalogPaths.sofaAvailable, skipMessage),
        arguments: [
            ImprovementRow(
                platform: "macOS", name: "26.3.1 (a)", build: "25D771280a", prerequisite: "25D2128",
                supersededBy: "26.4 2026-03-24"),
            ImprovementRow(
                platform: "macOS", name: "26.3.2 (a)", build: "25D771400a", prerequisite: "25D2140",
                supersededBy: "26.4 2026-03-24"),
            ImprovementRow(
                platform: "iOS", name: "26.3.1 (a)", build: "23D771330a", prerequisite: "23D8133",
                supersededBy: "26.5 2026-05-11"),
            ImprovementRow(
                platform: "iPadOS", name: "26.3.1 (a)", build: "23D771330a", prerequisite: "23D8133",
                supersededBy: "26.5 2026-05-11"),
        ])
    func sharedFeedsCarryImprovements(_ row: ImprovementRow) throws {
        let catalog = try CatalogPaths.importSharedFeeds()
        let found = try #require(catalog.improvements(platform: row.platform).first { $0.name == row.name })
        #expect(found.build == row.build)
        #expect(found.prerequisiteBuild == row.prerequisite)
        #expect(found.postingDate.description == "2026-03-17")
        #expect(found.supersededBy.map { "\($0.version) \($0.releaseDate)" } == row.supersededBy)
        #expect(OSCatalog.bundled.improvements(platform: row.platform).contains(found))
    }

    @Test(.enabled(if: CatalogPaths.sofaAvailable, skipMessage))
    func platformsAreInferredWithoutHints() throws {
        let hinted = try CatalogPaths.importSharedFeeds()
        let feeds = try CatalogPaths.feedFiles.reversed().map { _, file in
            (
                platformHint: String?.none,
                data: [UInt8](try Data(contentsOf: CatalogPaths.sofaFolder.appendingPathComponent(file)))
            )
        }
        #expect(try OSCatalog.importSOFA(feeds: feeds) == hinted)
    }

    static func feed(_ releases: String, lastCheck: String = "2026-08-22T18:45:03.057991718+00:00") -> [UInt8] {
        Array(
            """
            {"LastCheck": "\(lastCheck)", "OSVersions": [{"OSVersion": "Sequoia 15", "SecurityReleases": [\(releases)]}]}
            """.utf8)
    }

    @Test func normalisesDatesAndMergesRepeatedVersions() throws {
        let releases = """
            {"ProductName": "macOS", "ProductVersion": "15.1", "Build": "24B83", "AllBuilds": ["24B83", "24B2083"],
             "ReleaseDate": "2024-10-28T00:00:00Z", "ActivelyExploitedCVEs": ["CVE-1"], "UniqueCVEsCount": 82},
            {"ProductName": "macOS", "ProductVersion": "15.1", "Build": "24B91", "AllBuilds": [],
             "ReleaseDate": "2024-10-27", "ActivelyExploitedCVEs": [], "UniqueCVEsCount": 80},
            {"ProductName": "macOS", "ProductVersion": "15.0", "Build": "", "AllBuilds": [],
             "ReleaseDate": "2024-09-16", "ActivelyExploitedCVEs": []}
            """
        let catalog = try OSCatalog.importSOFA(feeds: [(platformHint: nil, data: Self.feed(releases))])
        #expect(catalog.date.description == "2026-08-22")
        let expected1 = try #require(OSVersion("15.1"))
        let expected0 = try #require(OSVersion("15.0"))
        #expect(
            catalog.releases(platform: "macOS") == [
                OSRelease(
                    version: expected0, builds: [], releaseDate: try #require(CatalogDate("2024-09-16")),
                    exploitedCVEs: 0, cves: nil),
                OSRelease(
                    version: expected1, builds: ["24B83", "24B2083", "24B91"],
                    releaseDate: try #require(CatalogDate("2024-10-27")), exploitedCVEs: 1, cves: 82),
            ])
        #expect(catalog.releases(platform: "iPadOS").isEmpty)
    }

    @Test func iOSFeedFillsIPadOS() throws {
        let releases = """
            {"ProductName": "iOS and iPadOS", "ProductVersion": "18.7.8", "Build": "22H6352",
             "AllBuilds": ["22H6352", "22H352"], "ReleaseDate": "2026-04-22T00:00:00Z", "ActivelyExploitedCVEs": []}
            """
        let catalog = try OSCatalog.importSOFA(feeds: [(platformHint: nil, data: Self.feed(releases))])
        #expect(catalog.presentPlatforms == ["iOS", "iPadOS"])
        #expect(catalog.release(platform: "iPadOS", version: "18.7.8")?.builds == ["22H6352", "22H352"])
    }

    static let validRelease = """
        {"ProductVersion": "15.0", "Build": "", "ReleaseDate": "2024-09-16", "ActivelyExploitedCVEs": []}
        """

    @Test(
        arguments: [
            ("no feeds", nil, nil, CatalogImportError.noFeeds),
            ("not JSON", "macOS", "{", nil),
            ("unknown hint", "watchOS", validRelease, .unknownPlatform(feed: 0, name: "watchOS")),
            ("no product name", nil, validRelease, .unknownPlatform(feed: 0, name: "")),
            (
                "bad version", "macOS", #"{"ProductVersion": "15.x", "ReleaseDate": "2024-09-16"}"#,
                .invalidVersion(feed: 0, version: "15.x")
            ),
            (
                "bad date", "macOS", #"{"ProductVersion": "15.0", "ReleaseDate": "September 16, 2024"}"#,
                .invalidReleaseDate(feed: 0, version: "15.0", date: "September 16, 2024")
            ),
            (
                "bad build", "macOS", #"{"ProductVersion": "15.0", "Build": "24A 335", "ReleaseDate": "2024-09-16"}"#,
                .invalidBuild(feed: 0, version: "15.0", build: "24A 335")
            ),
        ] as [(String, String?, String?, CatalogImportError?)])
    func rejectsBadFeeds(_ name: String, _ hint: String?, _ releases: String?, _ expected: CatalogImportError?) {
        let feeds = releases.map { [(platformHint: hint, data: $0 == "{" ? Array("{".utf8) : Self.feed($0))] } ?? []
        do {
            _ = try OSCatalog.importSOFA(feeds: feeds)
            Issue.record("\(name): imported")
        } catch let error as CatalogImportError {
            if let expected {
                #expect(error == expected, "\(name)")
            } else if case .undecodableFeed = error {
            } else {
                Issue.record("\(name): \(error)")
            }
        } catch {
            Issue.record("\(name): \(error)")
        }
    }

    /// A feed that is not SOFA's shape is named by its JSON path, not dumped as a Swift `DecodingError`.
    @Test(
        arguments: [
            (
                Self.feed(#"{"ProductVersion": 15, "ReleaseDate": "2024-09-16"}"#),
                "feed 0 is not a SOFA v2 feed: at OSVersions[0].SecurityReleases[0].ProductVersion: expected a string"
            ),
            (
                Self.feed(#"{"ProductVersion": "15.0"}"#),
                "feed 0 is not a SOFA v2 feed: missing key 'ReleaseDate' in OSVersions[0].SecurityReleases[0]"
            ),
            (
                Array(#"{"LastCheck": "2026-08-22", "OSVersions": {}}"#.utf8),
                "feed 0 is not a SOFA v2 feed: at OSVersions: expected an array"
            ),
            (
                Array(#"{"LastCheck": "2026-08-22"}"#.utf8),
                "feed 0 is not a SOFA v2 feed: missing key 'OSVersions' at the top level"
            ),
            (
                Self.feed(#"{"ProductVersion": null, "ReleaseDate": "2024-09-16"}"#),
                "feed 0 is not a SOFA v2 feed: at OSVersions[0].SecurityReleases[0].ProductVersion: expected a string, found null"
            ),
        ])
    func undecodableFeedNamesThePath(_ data: [UInt8], _ expected: String) {
        do {
            _ = try OSCatalog.importSOFA(feeds: [(platformHint: "macOS", data: data)])
            Issue.record("imported")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func notJSONSaysSoOnOneLine() {
        do {
            _ = try OSCatalog.importSOFA(feeds: [(platformHint: "macOS", data: Array("{\n  \"LastCheck\": ,\n}".utf8))])
            Issue.record("imported")
        } catch {
            let text = "\(error)"
            // Where: "around character 17" (Linux's Foundation) or a line and column (Apple's).
            #expect(text.hasPrefix("feed 0 is not a SOFA v2 feed: not JSON: invalid value around "), "\(text)")
            #expect(!text.contains("\n") && !text.contains("DecodingError") && !text.contains("codingPath"), "\(text)")
        }
    }

    @Test func missingCheckDateIsAnError() {
        #expect(throws: CatalogImportError.missingCheckDate) {
            try OSCatalog.importSOFA(feeds: [
                (platformHint: "macOS", data: Self.feed(Self.validRelease, lastCheck: "soon"))
            ])
        }
    }
}
