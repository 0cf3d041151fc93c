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
    /// The catalog's entry for `version`; nil when the catalog does not list it.
    public var release: OSRelease?

    /// Creates a resolved target.
    public init(platform: Platform, request: TargetRequest, version: OSVersion, release: OSRelease?) {
        self.platform = platform
        self.request = request
        self.version = version
        self.release = release
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
