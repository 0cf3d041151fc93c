/// `manifest.json` of a Fleet export: what was written for which cohort, and which cohorts were left out and
/// why. Its `cohorts` entries have the shape of a compile's (platform, enrollment, artifacts with their lowest
/// OS), so `scripts/check-conformance.py` checks an export folder as it checks a compiled one.
public struct FleetExportManifest: Sendable, Hashable, Codable {
    /// The format this mosc writes.
    public static let currentFormatVersion = 1

    /// One declaration file.
    public struct Artifact: Sendable, Hashable, Codable {
        /// The path relative to the export folder.
        public var path: String
        /// Lowercase hex SHA-256 of the file.
        public var sha256: String
        /// The oldest OS the declaration applies to, as the compile recorded it.
        public var minimumOS: String
    }

    /// One exported cohort.
    public struct Cohort: Sendable, Hashable, Codable {
        /// The platform, as mosc names it.
        public var platform: String
        /// The enrollment.
        public var enrollment: String
        /// The policy enforcing it.
        public var policy: String
        /// The Fleet team (its `name:`).
        public var team: String
        /// The team file listing the declarations.
        public var teamFile: String
        /// The Fleet label the declarations are scoped to.
        public var label: String
        /// The declaration files.
        public var artifacts: [Artifact]
    }

    /// A cohort of the compiled output that is not exported.
    public struct Omitted: Sendable, Hashable, Codable {
        /// The cohort.
        public var cohort: String
        /// The part left out: `cohort` (all of it) or `legacy` (its pre-DDM devices).
        public var part: String
        /// The diagnostic code that says why.
        public var code: String
    }

    /// The manifest format version.
    public var formatVersion: Int
    /// Marks the folder as mosc's, so a later export or compile may replace it.
    public var generator: String
    /// What the folder holds: `fleet`.
    public var export: String
    /// The mosc version that wrote it.
    public var moscVersion: String
    /// The compile's `--now`.
    public var now: String
    /// The compile's digest of the policy sources.
    public var sourceDigest: String
    /// Exported cohorts by name.
    public var cohorts: [String: Cohort]
    /// Team files by team name.
    public var teams: [String: String]
    /// What was left out, by cohort name then part.
    public var omitted: [Omitted]
}
