import ManagedOS
import Testing

/// Queries against the bundled catalog, with real entries from the SOFA feeds of 2026-08-22.
@Suite struct OSCatalogQueryTests {
    let catalog = OSCatalog.bundled

    @Test func bundledCatalogIsDatedAndCoversEveryPlatform() {
        #expect(catalog.date.description == "2026-08-22")
        #expect(catalog.presentPlatforms == OSCatalog.platforms)
    }

    @Test func macOS1578HasItsBuildAnd24G830BelongsTo1579() {
        let release = catalog.release(platform: "macOS", version: "15.7.8")
        #expect(release?.builds == ["24G824"])
        #expect(release?.releaseDate?.description == "2026-07-27")
        #expect(catalog.release(platform: "macOS", build: "24G830")?.version == "15.7.9")
        #expect(catalog.release(platform: "macOS", build: "24G824")?.version == "15.7.8")
    }

    @Test func macOS1543DoesNotExistAndNearestAreItsNeighbours() {
        #expect(catalog.release(platform: "macOS", version: "15.4.3") == nil)
        #expect(catalog.covers(platform: "macOS", version: "15.4.3"))
        #expect(catalog.nearestVersions(platform: "macOS", version: "15.4.3").map(\.version) == ["15.4.1", "15.5"])
    }

    @Test(arguments: [
        ("15.8", ["15.7.9"]), ("16.0", ["15.7.9", "26.0"]), ("11.0", ["12.0"]), ("27", ["26.6.2"]),
        ("15.7.8", ["15.7.8"]), ("15.7.6", ["15.7.5", "15.7.7"]), ("not.a.version", []),
    ])
    func nearestVersionsOnMacOS(_ version: String, _ expected: [String]) {
        #expect(catalog.nearestVersions(platform: "macOS", version: version).map(\.version) == expected)
    }

    @Test(arguments: ["iOS", "iPadOS"])
    func iOS1878IsForked(_ platform: String) {
        #expect(catalog.release(platform: platform, version: "18.7.8")?.builds == ["22H6352", "22H352"])
        #expect(catalog.release(platform: platform, build: "22H352")?.version == "18.7.8")
    }

    @Test func iPadOSCopiesIOS() {
        #expect(catalog.releases(platform: "iPadOS") == catalog.releases(platform: "iOS"))
    }

    @Test func latestOfAMajorIsItsNewestRelease() {
        let major15 = catalog.releases(platform: "macOS", major: 15)
        #expect(major15.count == 22)
        #expect(major15.allSatisfy { $0.major == 15 })
        let latest = catalog.latest(platform: "macOS", major: 15)
        #expect(latest?.version == "15.7.9")
        #expect(major15.allSatisfy { release in latest.map { !($0.versionNumber < release.versionNumber) } ?? false })
        #expect(catalog.latest(platform: "macOS")?.version == "26.6.2")
        #expect(catalog.latest(platform: "iOS", major: 18)?.version == "18.7.10")
        #expect(catalog.latest(platform: "macOS", major: 11) == nil)
    }

    @Test(arguments: [
        ("macOS", 12, [12, 13, 14, 15, 26]), ("iOS", 17, [17, 18, 26]), ("iPadOS", 17, [17, 18, 26]),
        ("tvOS", 18, [18, 26]), ("visionOS", 2, [2, 26]),
    ])
    func coverageStartsWhereSOFADoes(_ platform: String, _ oldest: Int, _ majors: [Int]) {
        #expect(catalog.oldestMajor(platform: platform) == oldest)
        #expect(catalog.majors(platform: platform) == majors)
        #expect(!catalog.covers(platform: platform, version: String(oldest - 1) + ".9"))
        #expect(catalog.covers(platform: platform, version: String(oldest) + ".0"))
    }

    @Test func unknownPlatformFindsNothing() {
        #expect(catalog.releases(platform: "watchOS").isEmpty)
        #expect(catalog.latest(platform: "macos") == nil)
        #expect(!catalog.covers(platform: "watchOS", version: "11.0"))
    }

    @Test func newerPatchesFixingExploitsStayInTheMajor() {
        let fixes = catalog.newerPatchesFixingExploits(platform: "macOS", version: "15.6")
        #expect(fixes.map(\.version) == ["15.6.1", "15.7.2", "15.7.9"])
        #expect(fixes.allSatisfy { $0.exploitedCVEs > 0 })
        #expect(catalog.newerPatchesFixingExploits(platform: "macOS", version: "15.7.9").isEmpty)
        #expect(catalog.newerPatchesFixingExploits(platform: "macOS", version: "15.7.8").map(\.version) == ["15.7.9"])
    }

    @Test func versionsWithAndWithoutTrailingZeroMatch() {
        #expect(catalog.release(platform: "macOS", version: "15")?.version == "15.0")
        #expect(catalog.release(platform: "macOS", version: "15.0.0")?.version == "15.0")
    }

    @Test func repeatedSOFAEntriesAreMerged() {
        #expect(catalog.releases(platform: "iOS").filter { $0.version == "18.7.7" }.count == 1)
        // SOFA lists iOS 17.0.2 twice (2023-09-21 and 2023-09-26); the earlier date wins.
        let release1702 = catalog.releases(platform: "iOS").filter { $0.version == "17.0.2" }
        #expect(release1702.map { $0.releaseDate?.description } == ["2023-09-21"])
    }

    @Test func releasesAreSortedByVersion() {
        for platform in OSCatalog.platforms {
            let versions = catalog.releases(platform: platform).map(\.versionNumber)
            #expect(zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 }, "\(platform)")
        }
    }
}
