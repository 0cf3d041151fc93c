/// One Background Security Improvement (BSI, Apple's successor of Rapid Security Responses, first shipped
/// 2026-03-17): a supplemental update on top of a base release, e.g. macOS `26.3.1 (a)`, build `25D771280a`.
///
/// Devices refuse `TargetOSVersion: "26.3.1 (a)"`; the form that works is the base version with the
/// supplemental build as `TargetBuildVersion` (SUMMARY.md §9).
public struct SecurityImprovement: Sendable, Hashable {
    /// The base release it applies to, e.g. `26.3.1`.
    public var baseVersion: OSVersion
    /// The letter without parentheses, e.g. `a` (SOFA's `VersionExtra` is `(a)`).
    public var letter: String
    /// The supplemental build, e.g. `25D771280a`.
    public var build: String
    /// The build a device must run to take it (SOFA `PrerequisiteBuild`), when known.
    public var prerequisiteBuild: String?
    /// The day Apple posted it.
    public var postingDate: CatalogDate
    /// How many vulnerabilities it fixes, when known.
    public var cves: Int?
    /// The release that made it obsolete, as SOFA records it, when one has.
    public var supersededBy: Supersession?

    /// A release that superseded an improvement: devices should move to it instead.
    public struct Supersession: Sendable, Hashable {
        /// The release's version, e.g. `26.4`.
        public var version: OSVersion
        /// The day it was released.
        public var releaseDate: CatalogDate

        /// Creates a supersession.
        public init(version: OSVersion, releaseDate: CatalogDate) {
            self.version = version
            self.releaseDate = releaseDate
        }
    }

    /// Creates an improvement.
    public init(
        baseVersion: OSVersion, letter: String, build: String, prerequisiteBuild: String?,
        postingDate: CatalogDate, cves: Int?, supersededBy: Supersession?
    ) {
        self.baseVersion = baseVersion
        self.letter = letter
        self.build = build
        self.prerequisiteBuild = prerequisiteBuild
        self.postingDate = postingDate
        self.cves = cves
        self.supersededBy = supersededBy
    }

    /// The name admins and devices use, e.g. `26.3.1 (a)`.
    public var name: String { "\(baseVersion) (\(letter))" }

    /// Whether `letter` is a BSI letter: one or two lowercase ASCII letters.
    public static func isValidLetter(_ letter: String) -> Bool {
        (1...2).contains(letter.utf8.count)
            && letter.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    /// Orders by base version, then letter (`a` before `b`).
    static func precedes(_ lhs: Self, _ rhs: Self) -> Bool {
        if lhs.baseVersion != rhs.baseVersion { return lhs.baseVersion < rhs.baseVersion }
        return (lhs.letter.count, lhs.letter) < (rhs.letter.count, rhs.letter)
    }
}
