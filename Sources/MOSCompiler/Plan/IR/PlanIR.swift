public import MOSBasics
public import MOSDomain
public import MOSOutput

/// The lowered model: for every enforced cohort, what its devices must reach and by when, on which paths.
public struct PlanIR: Sendable, Hashable {
    /// The prefix of every declaration Identifier.
    public var identifierPrefix: String
    /// The enforced cohorts, sorted by name.
    public var cohorts: [CohortPlanIR]
}

/// A computed deadline's move: the wall time it would have had, and what moved it (a blackout or `skipDays`).
public struct DeadlineMove: Sendable, Hashable {
    /// The unmoved wall time.
    public var from: LocalDateTime
    /// `'reason' (from to to)` for a blackout, `skipDays` for a skipped weekday.
    public var by: String
}

/// One cohort's enforcement: the target, its deadline and the options of each path.
public struct CohortPlanIR: Sendable, Hashable {
    /// The cohort.
    public var cohort: CohortModel
    /// The policy that enforces it.
    public var policy: String
    /// Its ring: its position in the policy's cohort list, from 0.
    public var ring: Int
    /// The OS version to reach, as written (e.g. "15.2"), or what `latest`/`latest-<major>` resolved to.
    public var targetVersion: String
    /// The `latest` form as written (e.g. "latest-15") when the catalog chose `targetVersion`; nil otherwise.
    /// The manifest records it with the catalog date, so the output stays reproducible for a given catalog.
    public var targetRequest: String?
    /// The build, when given; for a Background Security Improvement its supplemental build (`25D771280a`).
    public var targetBuild: String?
    /// The local wall-time deadline (a relative deadline computed from the target's release, past skipDays).
    public var deadline: LocalDateTime
    /// For a computed deadline that a blackout or skipDays moved: the unmoved wall time and what moved it.
    public var deadlineMoved: DeadlineMove? = nil
    /// The blackouts the policy's computed deadlines avoid (Settings' and its own).
    public var blackouts: [Blackout] = []
    /// The details page, when given.
    public var detailsURL: String?
    /// The software update settings payload (Apple's keys), when the policy has `settings:`.
    public var settings: [String: JSONValue]?
    /// The legacy options, when the cohort can hold pre-DDM devices.
    public var legacy: LegacyOptionsIR?
    /// For a Background Security Improvement target (`targetVersion` "26.3.1 (a)"), its base version
    /// ("26.3.1"): devices refuse the letter in `TargetOSVersion` and take the base plus the supplemental
    /// `targetBuild` (SUMMARY.md §9). Nil for other targets.
    public var securityImprovementBase: String? = nil

    /// For a policy with `tracks:`, each track that has devices in the cohort, by ascending major; this value's
    /// own target and deadline are its primary track's (the one its pre-DDM devices follow, else the newest).
    /// Empty for a policy with one target.
    public var tracks: [TrackIR] = []

    /// The enforcement declaration's `TargetOSVersion`.
    public var targetOSVersion: String { securityImprovementBase ?? targetVersion }
}

/// One track of a cohort: the devices on one OS major and the plan they follow (target, deadline, options),
/// lowered as a policy's would be for the cohort narrowed to that major.
public struct TrackIR: Sendable, Hashable {
    /// The major the track keeps its devices on.
    public var major: Int
    /// The track's plan; its `cohort` is the cohort narrowed to `major`.
    public var plan: CohortPlanIR

    /// The cohort narrowed to the track's major.
    public var cohort: CohortModel { plan.cohort }
}

/// How pre-DDM devices are driven: the zone of the deadline and the ScheduleOSUpdate options.
public struct LegacyOptionsIR: Sendable, Hashable {
    /// The IANA zone the deadline is read in.
    public var timeZone: ZoneRules
    /// The enforce step's install action.
    public var installAction: InstallAction
    /// macOS InstallLater deferrals, when set.
    public var maxUserDeferrals: Int?
    /// macOS priority, when set.
    public var priority: UpdatePriority?
    /// How long before the deadline the download step starts; nil for `0m`: no download step, the install
    /// downloads.
    public var downloadLeadTime: DurationSpec?
}
