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

    /// Creates a catalog, sorting each platform's releases by version and merging repeated versions.
    /// Platforms with no releases are left out.
    public init(date: CatalogDate, releases: [String: [OSRelease]]) {
        self.date = date
        var normalized: [String: [OSRelease]] = [:]
        for (platform, list) in releases where !list.isEmpty {
            normalized[platform] = Self.sortedMergingDuplicates(list)
        }
        self.releasesByPlatform = normalized
    }

    /// The platforms present, in the catalog's canonical order (known platforms first, then others by name).
    public var presentPlatforms: [String] {
        let known = Self.platforms.filter { releasesByPlatform[$0] != nil }
        let others = releasesByPlatform.keys.filter { !Self.platforms.contains($0) }.sorted()
        return known + others
    }

    private static func sortedMergingDuplicates(_ list: [OSRelease]) -> [OSRelease] {
        var byVersion: [CatalogVersion: OSRelease] = [:]
        for release in list {
            byVersion[release.versionNumber] = byVersion[release.versionNumber]?.merged(with: release) ?? release
        }
        return byVersion.values.sorted { $0.versionNumber < $1.versionNumber }
    }
}
