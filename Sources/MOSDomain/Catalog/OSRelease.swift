import MOSBasics
import MOSYAML

/// One OS release Apple shipped: a version, its builds, and what it fixed.
public struct OSRelease: Sendable, Hashable {
    /// The version, compared numerically.
    public var versionNumber: OSVersion
    /// The build numbers of this version, primary first; forked releases have several
    /// (iOS 18.7.8: `22H6352`, `22H352`). Empty when the source left them blank.
    public var builds: [String]
    /// The day Apple released it; nil when unknown (the source's date contradicts the other releases, see
    /// ``OSCatalog/implausibleReleaseDates()``), so no check or computed deadline relies on it.
    public var releaseDate: CatalogDate?
    /// How many actively exploited vulnerabilities it fixed (0 when none are known).
    public var exploitedCVEs: Int
    /// How many vulnerabilities it fixed in total, when known.
    public var cves: Int?

    /// Creates a release.
    public init(
        version: OSVersion, builds: [String], releaseDate: CatalogDate?, exploitedCVEs: Int, cves: Int?
    ) {
        self.versionNumber = version
        self.builds = builds
        self.releaseDate = releaseDate
        self.exploitedCVEs = exploitedCVEs
        self.cves = cves
    }

    /// The version as written, e.g. `15.7.8`.
    public var version: String { versionNumber.description }

    /// The major version, e.g. `15`.
    public var major: Int { versionNumber.major }

    /// Whether `build` looks like an Apple build number: 1–16 ASCII letters and digits (`24G824`).
    public static func isValidBuild(_ build: String) -> Bool {
        (1...16).contains(build.utf8.count)
            && build.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            }
    }

    /// Combines two entries for the same version: all builds (in order, once each), the earlier date,
    /// (a known date over an unknown one), and the larger counts, because SOFA repeats some releases with differing details.
    func merged(with other: OSRelease) -> OSRelease {
        var result = self
        for build in other.builds where !result.builds.contains(build) {
            result.builds.append(build)
        }
        result.releaseDate = [releaseDate, other.releaseDate].compactMap { $0 }.min()
        result.exploitedCVEs = max(exploitedCVEs, other.exploitedCVEs)
        switch (cves, other.cves) {
        case (let left?, let right?): result.cves = max(left, right)
        case (let left?, nil): result.cves = left
        case (nil, let right): result.cves = right
        }
        return result
    }
}
