import MOSBasics

/// The parts of a SOFA v2 feed (`<platform>_data_feed.json`) the catalog reads; other keys are ignored.
struct SOFAFeed: Decodable {
    /// When SOFA last checked Apple's sources, e.g. `2026-08-22T18:45:03.05+00:00`.
    package var lastCheck: String?
    /// The platform name in the tvOS and visionOS feeds (`tvOS`); absent in macOS and iOS.
    var osName: String?
    /// One entry per OS major.
    package var osVersions: [OSVersionEntry]

    /// Background Security Improvements by major (`"26"`), newest first; absent in feeds before 2026.
    var backgroundSecurityImprovements: [String: [Improvement]]?

    package enum CodingKeys: String, CodingKey {
        case lastCheck = "LastCheck"
        case osName = "OSName"
        case osVersions = "OSVersions"
        case backgroundSecurityImprovements = "BackgroundSecurityImprovements"
    }

    /// One entry of `BackgroundSecurityImprovements`.
    struct Improvement: Decodable {
        /// The base version, e.g. `26.3.1`.
        var version: String
        /// `(a)`.
        var versionExtra: String
        /// The supplemental build, e.g. `25D771280a`.
        var build: String
        /// `2026-03-17`.
        var postingDate: String
        var prerequisiteBuild: String?
        var cves: [String]?
        var supersededBy: Supersession?

        enum CodingKeys: String, CodingKey {
            case version = "Version"
            case versionExtra = "VersionExtra"
            case build = "Build"
            case postingDate = "PostingDate"
            case prerequisiteBuild = "PrerequisiteBuild"
            case cves = "CVEs"
            case supersededBy = "SupersededBy"
        }
    }

    /// `SupersededBy`: the release that made an improvement obsolete.
    struct Supersession: Decodable {
        var productVersion: String
        /// `2026-03-24T00:00:00Z`.
        var releaseDate: String

        enum CodingKeys: String, CodingKey {
            case productVersion = "ProductVersion"
            case releaseDate = "ReleaseDate"
        }
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
