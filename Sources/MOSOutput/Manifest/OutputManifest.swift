import MOSBasics
public import MOSDomain

/// `manifest.json`: what a compile wrote and how devices are routed, so a server needs nothing else.
///
/// Written from `jsonValue` (OutputManifest+JSON.swift), read by synthesized `Decodable`. Adding an optional
/// field is two lines: the property with `= nil` here and `object.setIfPresent("name", name)` in `jsonValue`;
/// callers set it after `init`. Set it in `OutputRoundTripTests`' filled variant too: it fails when the two
/// disagree.
public struct OutputManifest: Sendable, Hashable, Decodable {
    /// The manifest format this mosc writes; `diff` and `status` refuse newer ones. 2: `ring` counts from 1, as
    /// every other output and the policy language do (format 1 counted from 0; reading one adds 1).
    public static let currentFormatVersion = 2

    /// One file of the output.
    public struct Artifact: Sendable, Hashable, Decodable {
        /// The path relative to the output folder.
        public var path: String
        /// Lowercase hex SHA-256 of the file.
        public var sha256: String {
            get { digest.text }
            set { digest = HexDigest(newValue) }
        }
        /// The oldest OS the artifact applies to (what conformance checks run it at).
        public var minimumOS: String
        /// The OS from which the artifact no longer applies (an activation whose predicate selects older devices
        /// only); nil when every OS from `minimumOS` up takes it.
        public var belowOS: String?
        /// `sha256`, held as its bytes.
        private var digest: HexDigest

        /// An artifact.
        public init(path: String, sha256: String, minimumOS: String, belowOS: String? = nil) {
            self.path = path
            self.digest = HexDigest(sha256)
            self.minimumOS = minimumOS
            self.belowOS = belowOS
        }

        // The digest is written and read as its text, under `sha256`.
        private enum CodingKeys: String, CodingKey {
            case path, digest = "sha256", minimumOS, belowOS
        }
    }

    /// A change freeze or holiday as written: dates `YYYY-MM-DD`, or `MM-DD` for the same days every year.
    public struct BlackoutSpan: Sendable, Hashable, Decodable {
        /// Why.
        public var reason: String
        /// The first day.
        public var from: String
        /// The last day, included.
        public var to: String

        /// A span.
        public init(reason: String, from: String, to: String) {
            self.reason = reason
            self.from = from
            self.to = to
        }
    }

    /// One track of a cohort whose policy has `tracks:`: what the cohort's devices on one OS major enforce.
    public struct Track: Sendable, Hashable, Decodable {
        /// The major its devices run.
        public var major: Int
        /// The target version.
        public var targetVersion: String
        /// The `latest-<major>` form the policy wrote, when the catalog chose `targetVersion`.
        public var targetRequest: String? = nil
        /// The target build, when given or known.
        public var targetBuild: String? = nil
        /// The local wall-time deadline.
        public var deadline: String
        /// For a computed deadline that a blackout or `skipDays` moved, the wall time it would have had.
        public var deadlineMovedFrom: String? = nil
        /// What moved it.
        public var deadlineMovedBy: String? = nil
        /// The enforcement declaration's Identifier; nil when the track's devices are all pre-DDM.
        public var enforcement: String? = nil

        /// Creates a track.
        public init(major: Int, targetVersion: String, deadline: String) {
            self.major = major
            self.targetVersion = targetVersion
            self.deadline = deadline
        }
    }

    /// One step of a legacy plan as the manifest records it.
    public struct PlanInstant: Sendable, Hashable, Decodable {
        /// The step name.
        public var step: String
        /// The UTC instant, absent for the publish step (relative to loading the plan).
        public var utc: String?

        /// Creates a value from every stored property.
        package init(step: String, utc: String? = nil) {
            self.step = step
            self.utc = utc
        }
    }

    /// Which devices take which path.
    public struct Routing: Sendable, Hashable, Decodable {
        /// The rule in words, e.g. "DDM when OS >= 14.0, else legacy MDM commands".
        public var rule: String
        /// The OS versions that take the DDM declaration, if any.
        public var ddm: String?
        /// The OS versions that take legacy commands, if any.
        public var legacy: String?

        /// Creates a value from every stored property.
        package init(rule: String, ddm: String? = nil, legacy: String? = nil) {
            self.rule = rule
            self.ddm = ddm
            self.legacy = legacy
        }
    }

    /// One enforced cohort.
    public struct Cohort: Sendable, Hashable, Decodable {
        /// The platform.
        public var platform: String
        /// The enrollment.
        public var enrollment: String
        /// The policy enforcing it.
        public var policy: String
        /// The ring within the policy, from 1 (the first cohort listed).
        public var ring: Int
        /// `ddm`, `legacy` or both.
        public var paths: [String]
        /// The routing rule.
        public var routing: Routing
        /// The target version.
        public var targetVersion: String
        /// The `latest` form the policy wrote (`latest-15`) when the catalog chose `targetVersion`; nil otherwise.
        public var targetRequest: String? = nil
        /// The target build, when given.
        public var targetBuild: String?
        /// The local wall-time deadline.
        public var deadline: String
        /// The legacy zone, when there is a legacy path.
        public var timeZone: String?
        /// The legacy plan's instants, when there is a legacy path.
        public var legacyPlan: [PlanInstant]?
        /// The cohort's DeclarationsToken, when there is a DDM path.
        public var declarationsToken: String?
        /// Every file of the cohort.
        public var artifacts: [Artifact]
        /// For a computed deadline that a blackout or `skipDays` moved, the wall time it would have had.
        public var deadlineMovedFrom: String? = nil
        /// What moved it: a blackout as `'reason' (from to to)` (the last, when several did), or `skipDays`.
        public var deadlineMovedBy: String? = nil
        /// The blackouts the cohort's policy avoids (Settings' and its own), as written, for the timeline.
        public var blackouts: [BlackoutSpan]? = nil
        /// For a policy with `tracks:`, each track with devices in the cohort, by ascending major; the cohort's own
        /// target and deadline are then its primary track's (the one its pre-DDM devices follow, else the newest).
        public var tracks: [Track]? = nil

        /// The track a device running `version` follows: its major's; nil when the cohort has no tracks, or none
        /// for that major.
        public func track(for version: OSVersion) -> Track? {
            tracks?.first { $0.major == version.major }
        }

        /// Creates a value from every stored property.
        package init(
            platform: String, enrollment: String, policy: String, ring: Int, paths: [String], routing: Routing,
            targetVersion: String, targetRequest: String? = nil, targetBuild: String? = nil, deadline: String,
            timeZone: String? = nil,
            legacyPlan: [PlanInstant]? = nil, declarationsToken: String? = nil, artifacts: [Artifact]
        ) {
            self.platform = platform
            self.enrollment = enrollment
            self.policy = policy
            self.ring = ring
            self.paths = paths
            self.routing = routing
            self.targetVersion = targetVersion
            self.targetRequest = targetRequest
            self.targetBuild = targetBuild
            self.deadline = deadline
            self.timeZone = timeZone
            self.legacyPlan = legacyPlan
            self.declarationsToken = declarationsToken
            self.artifacts = artifacts
        }
    }

    /// The manifest format version.
    public var formatVersion: Int
    /// Marks the folder as mosc's, so a later compile may replace it.
    public var generator: String
    /// The mosc version that wrote it.
    public var moscVersion: String
    /// The `--now` of the compile.
    public var now: String
    /// SHA-256 over the sorted source paths and their contents' hashes.
    public var sourceDigest: String
    /// The tz database version used for legacy instants.
    public var tzdataVersion: String
    /// The date of the OS release catalog used.
    public var catalogDate: String
    /// The Apple schema the gates were read from.
    public var appleSchema: String
    /// The prefix of every declaration Identifier.
    public var identifierPrefix: String
    /// Every enforced cohort by name.
    public var cohorts: [String: Cohort]

    /// Creates a value from every stored property.
    package init(
        formatVersion: Int, generator: String, moscVersion: String, now: String, sourceDigest: String,
        tzdataVersion: String, catalogDate: String, appleSchema: String, identifierPrefix: String,
        cohorts: [String: Cohort]
    ) {
        self.formatVersion = formatVersion
        self.generator = generator
        self.moscVersion = moscVersion
        self.now = now
        self.sourceDigest = sourceDigest
        self.tzdataVersion = tzdataVersion
        self.catalogDate = catalogDate
        self.appleSchema = appleSchema
        self.identifierPrefix = identifierPrefix
        self.cohorts = cohorts
    }
}
