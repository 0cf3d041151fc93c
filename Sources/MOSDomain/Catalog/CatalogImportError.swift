import MOSBasics
import MOSYAML

/// Why SOFA feeds could not be turned into a catalog. Feeds are numbered from 0 in the order given.
public enum CatalogImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No feeds were given.
    case noFeeds
    /// The feed is not JSON of the SOFA v2 shape.
    case undecodableFeed(feed: Int, reason: String)
    /// The platform hint or the feed's own product name is not a known platform.
    case unknownPlatform(feed: Int, name: String)
    /// A release's `ProductVersion` is not a dotted version.
    case invalidVersion(feed: Int, version: String)
    /// A build is not 1–16 ASCII letters and digits.
    case invalidBuild(feed: Int, version: String, build: String)
    /// A release's `ReleaseDate` is not a date.
    case invalidReleaseDate(feed: Int, version: String, date: String)
    /// No feed has a usable `LastCheck` date.
    case missingCheckDate

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .noFeeds:
            return "no SOFA feeds given"
        case .undecodableFeed(let feed, let reason):
            return "feed \(feed) is not a SOFA v2 feed: \(reason)"
        case .unknownPlatform(let feed, let name):
            return "feed \(feed): unknown platform '\(name)'; expected one of "
                + OSCatalog.platforms.map { "'\($0)'" }.joined(separator: ", ")
        case .invalidVersion(let feed, let version):
            return "feed \(feed): invalid version '\(version)'"
        case .invalidBuild(let feed, let version, let build):
            return "feed \(feed): release \(version) has invalid build '\(build)'"
        case .invalidReleaseDate(let feed, let version, let date):
            return "feed \(feed): release \(version) has invalid date '\(date)'; expected YYYY-MM-DD"
        case .missingCheckDate:
            return "no feed has a valid 'LastCheck' date"
        }
    }
}
