import MOSBasics

/// The parts of a SOFA v2 feed (`<platform>_data_feed.json`) the catalog reads; other keys are ignored.
struct SOFAFeed: Decodable {
    /// When SOFA last checked Apple's sources, e.g. `2026-08-22T18:45:03.05+00:00`.
    package var lastCheck: String?
    /// The platform name in the tvOS and visionOS feeds (`tvOS`); absent in macOS and iOS.
    var osName: String?
    /// One entry per OS major.
    package var osVersions: [OSVersionEntry]

    package enum CodingKeys: String, CodingKey {
        case lastCheck = "LastCheck"
        case osName = "OSName"
        case osVersions = "OSVersions"
    }

    /// One OS major (`Sequoia 15`) and its releases.
    struct OSVersionEntry: Decodable {
        /// Newest first, as SOFA lists them; may repeat a version.
        var securityReleases: [SecurityRelease]

        package enum CodingKeys: String, CodingKey {
            case securityReleases = "SecurityReleases"
        }
    }

    /// One release in `SecurityReleases`.
    struct SecurityRelease: Decodable {
        /// `macOS`, `iOS and iPadOS`, `tvOS`, `visionOS`.
        var productName: String?
        package var productVersion: String
        /// The primary build; empty for many older entries.
        package var build: String?
        /// Every build of this version, including forks (`22H6352`, `22H352`).
        var allBuilds: [String]?
        /// `2026-08-17T00:00:00Z` (macOS, iOS) or `2026-07-27` (tvOS, visionOS).
        package var releaseDate: String
        /// The CVE identifiers Apple marked as actively exploited.
        var activelyExploitedCVEs: [String]?
        var uniqueCVEsCount: Int?

        package enum CodingKeys: String, CodingKey {
            case productName = "ProductName"
            case productVersion = "ProductVersion"
            case build = "Build"
            case allBuilds = "AllBuilds"
            case releaseDate = "ReleaseDate"
            case activelyExploitedCVEs = "ActivelyExploitedCVEs"
            case uniqueCVEsCount = "UniqueCVEsCount"
        }
    }
}
