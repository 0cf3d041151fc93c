import MOSBasics
import MOSYAML

/// Apple's OS releases per platform, as of one date: which versions and builds exist.
///
/// Platforms are keyed by their raw names (`macOS`, `iOS`, `iPadOS`, `tvOS`, `visionOS`).
public struct OSCatalog: Sendable, Hashable {
    /// The platform names a catalog knows, in the order the compact format writes them.
    public static let platforms: [String] = ["macOS", "iOS", "iPadOS", "tvOS", "visionOS"]

    /// The day the source data was checked; releases after it are unknown to the catalog.
    public var date: CatalogDate
    /// The releases per platform, oldest version first, one entry per version.
    public private(set) var releasesByPlatform: [String: [OSRelease]]
    /// The Background Security Improvements per platform, oldest first, one entry per base version and letter.
    public private(set) var improvementsByPlatform: [String: [SecurityImprovement]]

    /// Creates a catalog, sorting each platform's releases by version and merging repeated versions, and its
    /// improvements by base version and letter (a repeated one keeps its first entry).
    /// Platforms with no releases (or no improvements) are left out.
    public init(
        date: CatalogDate, releases: [String: [OSRelease]], improvements: [String: [SecurityImprovement]] = [:]
    ) {
        self.date = date
        var normalized: [String: [OSRelease]] = [:]
        for (platform, list) in releases where !list.isEmpty {
            normalized[platform] = Self.sortedMergingDuplicates(list)
        }
        self.releasesByPlatform = normalized
        var byPlatform: [String: [SecurityImprovement]] = [:]
        for (platform, list) in improvements where !list.isEmpty {
            var unique: [SecurityImprovement] = []
            for improvement in list
            where !unique.contains(where: {
                $0.baseVersion == improvement.baseVersion && $0.letter == improvement.letter
            }) {
                unique.append(improvement)
            }
            byPlatform[platform] = unique.sorted(by: SecurityImprovement.precedes)
        }
        self.improvementsByPlatform = byPlatform
    }

    /// The platforms present, in the catalog's canonical order (known platforms first, then others by name).
    public var presentPlatforms: [String] {
        Self.ordered(Set(releasesByPlatform.keys))
    }

    /// The platforms with improvements, in the same order.
    public var platformsWithImprovements: [String] {
        Self.ordered(Set(improvementsByPlatform.keys))
    }

    private static func ordered(_ names: Set<String>) -> [String] {
        platforms.filter { names.contains($0) } + names.filter { !platforms.contains($0) }.sorted()
    }

    private static func sortedMergingDuplicates(_ list: [OSRelease]) -> [OSRelease] {
        var byVersion: [OSVersion: OSRelease] = [:]
        for release in list {
            byVersion[release.versionNumber] = byVersion[release.versionNumber]?.merged(with: release) ?? release
        }
        return byVersion.values.sorted { $0.versionNumber < $1.versionNumber }
    }
}
