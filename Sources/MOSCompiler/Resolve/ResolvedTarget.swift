import MOSBasics
public import MOSDomain
import MOSOutput
import MOSYAML

/// A policy's target after the catalog has been consulted: the version to reach and, when the catalog lists
/// it, its release (for build, date and exploit checks and for relative deadlines).
public struct ResolvedTarget: Sendable, Hashable {
    /// The platform the target is for.
    public var platform: Platform
    /// What was asked for.
    public var request: TargetRequest
    /// The version to reach: as written, or what a `latest` form resolved to.
    public var version: OSVersion
    /// The catalog's entry for `version`; nil when the catalog does not list it. For a Background Security
    /// Improvement, `version` is its base release.
    public var release: OSRelease?
    /// The catalog's entry for a Background Security Improvement target; nil for other targets, or when the
    /// catalog does not list it.
    public var improvement: SecurityImprovement?

    /// Creates a resolved target.
    public init(
        platform: Platform, request: TargetRequest, version: OSVersion, release: OSRelease?,
        improvement: SecurityImprovement? = nil
    ) {
        self.platform = platform
        self.request = request
        self.version = version
        self.release = release
        self.improvement = improvement
    }

    /// The target as devices name it: `26.3.1 (a)` for a Background Security Improvement, else the version.
    public var name: String {
        request.securityImprovement != nil ? request.description : version.description
    }

    /// The day the target became available: a Background Security Improvement's posting date, else the
    /// release date; nil when the catalog lists neither.
    public var availableSince: CatalogDate? {
        if request.securityImprovement != nil { return improvement?.postingDate }
        return release?.releaseDate
    }

    /// The `latest` form as written (`latest-15`), for the manifest; nil for a version written out.
    public var latestRequest: String? { request.isLatest ? request.description : nil }
}

extension OSCatalog {
    /// Resolves a target: `latest` and `latest-<major>` to the newest matching release, a version to its
    /// release when the catalog lists it.
    /// - Returns: nil when a `latest` form matches no release (MOS278); a version written out always resolves.
    public func resolve(_ request: TargetRequest, platform: Platform) -> ResolvedTarget? {
        switch request {
        case .version(let version):
            return ResolvedTarget(
                platform: platform, request: request, version: version,
                release: release(platform: platform.rawValue, version: version.description))
        case .securityImprovement(let base, let letter):
            return ResolvedTarget(
                platform: platform, request: request, version: base,
                release: release(platform: platform.rawValue, version: base.description),
                improvement: improvement(platform: platform.rawValue, baseVersion: base.description, letter: letter))
        case .latest, .latestOfMajor:
            let newest: OSRelease?
            if case .latestOfMajor(let major) = request {
                newest = latest(platform: platform.rawValue, major: major)
            } else {
                newest = latest(platform: platform.rawValue)
            }
            guard let newest, let version = OSVersion(newest.version) else { return nil }
            return ResolvedTarget(platform: platform, request: request, version: version, release: newest)
        }
    }
}
