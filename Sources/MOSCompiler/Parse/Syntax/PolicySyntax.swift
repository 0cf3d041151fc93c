public import MOSBasics
public import MOSDomain
import MOSOutput
import MOSYAML

/// The `Settings` document: repository-wide options.
public struct SettingsSyntax: Sendable, Hashable {
    /// Where the document starts.
    public var location: SourceMark
    /// Prefix of every declaration Identifier (default "mosc").
    public var identifierPrefix: Located<String>?
    /// Warn when a deadline leaves less notice than this (default 72h).
    public var minimumNotice: Located<String>?
    /// Globs of files under the repository that are not policies.
    public var exclude: [Located<String>] = []
    /// The default `skipDays` of every policy.
    public var skipDays: SkipDaysSyntax?
    /// Change freezes and holidays of every policy (a policy's own are added to them).
    public var blackouts: [Located<Blackout>] = []
    /// `limits:`: the input bounds this repository raises or lowers.
    public var limits: LimitsSyntax?
    /// `catalog:`: the OS release catalog file the repository pins, relative to its root.
    public var catalog: Located<String>?
    /// `fleet:`: the Fleet teams and labels of the cohorts (`mosc export fleet`).
    public var fleet: FleetSettingsSyntax?
}

/// `limits:` in the `Settings` document: input bounds by name, each already checked against its hard cap.
public struct LimitsSyntax: Sendable, Hashable {
    /// Where the mapping starts.
    public var location: SourceMark
    /// The bounds that were written and are within their caps; the others were reported.
    public var values: [InputLimits.Key: Located<Int>] = [:]

    /// `base` with these bounds in place of its own.
    public func applied(to base: InputLimits) -> InputLimits {
        var limits = base
        for (key, value) in values { limits[key] = value.value }
        return limits
    }
}

/// A `Cohort` document: a named group of devices.
public struct CohortSyntax: Sendable, Hashable {
    /// Where the document starts.
    public var location: SourceMark
    /// The cohort's name.
    public var name: Located<String>?
    /// The platform its devices run.
    public var platform: Located<Platform>?
    /// Free text.
    public var description: Located<String>?
    /// The OS versions its devices run today, as written.
    public var osVersions: Located<String>?
    /// How its devices are enrolled (default supervised).
    public var enrollment: Located<Enrollment>?
    /// `fleet:`: the Fleet team and label that stand for the cohort (`mosc export fleet`).
    public var fleet: FleetTargetSyntax?
}

/// A deadline as written: a local wall time (a string), or a delay after the target's release (a mapping).
public enum DeadlineSyntax: Sendable, Hashable {
    /// The raw text of a local wall time, e.g. `2026-12-15T17:00`.
    case wallTime(Located<String>)
    /// `{afterRelease: 14d, time: "17:00"}` or, on a ring, `{afterPreviousRing: 3d}`. Boxed: every cohort
    /// reference holds a deadline, and inline its three texts made each copy of a reference (the rules copy them
    /// by the thousand) four times larger.
    indirect case relative(RelativeDeadlineSyntax)

    /// Where the deadline's value starts.
    public var location: SourceMark {
        switch self {
        case .wallTime(let text): text.location
        case .relative(let relative): relative.location
        }
    }

    /// The text of a wall-time deadline; nil for a relative one.
    public var wallTimeText: Located<String>? {
        if case .wallTime(let text) = self { return text }
        return nil
    }
}

/// A computed deadline: the target's release date plus `afterRelease`, at `time`; or (a ring offset) the previous
/// ring's deadline plus `afterPreviousRing`, at `time` or the previous ring's time of day.
public struct RelativeDeadlineSyntax: Sendable, Hashable {
    /// Where the mapping starts.
    public var location: SourceMark
    /// The delay after the release as written, e.g. `14d`.
    public var afterRelease: Located<String>?
    /// The delay after the previous ring's deadline as written, e.g. `3d` (Fleet #49861).
    public var afterPreviousRing: Located<String>?
    /// The local time of day as written, e.g. `17:00`.
    public var time: Located<String>?

    /// Creates a relative deadline from its parts.
    public init(
        location: SourceMark, afterRelease: Located<String>?, afterPreviousRing: Located<String>? = nil,
        time: Located<String>?
    ) {
        self.location = location
        self.afterRelease = afterRelease
        self.afterPreviousRing = afterPreviousRing
        self.time = time
    }
}

/// `skipDays:`: weekdays on which a computed deadline never falls.
public struct SkipDaysSyntax: Sendable, Hashable {
    /// Where the list starts.
    public var location: SourceMark
    /// The weekdays that were readable, as written.
    public var days: [Located<Weekday>]

    /// Creates the list.
    public init(location: SourceMark, days: [Located<Weekday>]) {
        self.location = location
        self.days = days
    }
}

/// The `target:` of a policy.
public struct TargetSyntax: Sendable, Hashable {
    /// Where the mapping starts.
    public var location: SourceMark
    /// The version as written (raw text).
    public var version: Located<String>?
    /// The build as written.
    public var build: Located<String>?
}

/// One entry of a policy's `tracks:`: the target and deadline of the devices on one OS major.
public struct TrackSyntax: Sendable, Hashable {
    /// Where the entry starts.
    public var location: SourceMark
    /// Its position in `tracks:`, from 0.
    public var index: Int
}

/// The `legacy:` block: how pre-DDM devices are upgraded.
public struct LegacySyntax: Sendable, Hashable {
    /// Where the mapping starts (the `legacy` key).
    public var location: SourceMark
    /// The IANA zone the deadline is read in.
    public var timeZone: Located<String>?
    /// The ScheduleOSUpdate install action.
    public var installAction: Located<InstallAction>?
    /// How often a macOS user may defer (InstallLater only).
    public var maxUserDeferrals: Located<Int>?
    /// Low or High (macOS only).
    public var priority: Located<UpdatePriority>?
    /// How long before the deadline to start a DownloadOnly, as written.
    public var downloadLeadTime: Located<String>?
}

/// One entry of a policy's `cohorts:` list.
public struct CohortReferenceSyntax: Sendable, Hashable {
    /// The cohort's name.
    public var name: Located<String>
    /// A per-cohort deadline override.
    public var deadline: DeadlineSyntax?
    /// The position in the list: the ring, first ring first.
    public var ring: Int
}

/// A `ManagedOSPolicy` document.
///
/// Its fields live in one shared, copy-on-write box: every rule and the planner walk the policies, and copying a
/// policy field by field (a reference count per string it holds) was a twentieth of validation at 5,000 policies.
public struct PolicySyntax: Sendable, Hashable {
    private struct Fields: Sendable, Hashable {
        var location: SourceMark
        var name: Located<String>? = nil
        var platform: Located<Platform>? = nil
        var description: Located<String>? = nil
        var target: TargetSyntax? = nil
        var deadline: DeadlineSyntax? = nil
        var detailsURL: Located<String>? = nil
        var legacy: LegacySyntax? = nil
        var settings: UpdateSettingsSyntax? = nil
        var skipDays: SkipDaysSyntax? = nil
        var blackouts: [Located<Blackout>] = []
        var cohorts: [CohortReferenceSyntax] = []
        var cohortsLocation: SourceMark? = nil
        var track: TrackSyntax? = nil
    }

    // Mutated only through `fields`, which copies it first unless this value holds the only reference. Read
    // through `_read`, so `policy.legacy?.timeZone` borrows the legacy block rather than copying all of it.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        /// The policy's index in the parsed repository's `policies` (-1: unknown). A copy that changes a field gets
        /// a new box, so a box with a place always holds the fields parsed there.
        var place = -1
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// A policy starting at `location` with nothing read yet.
    public init(location: SourceMark) {
        box = Box(Fields(location: location))
    }

    /// Its index in `RepositorySyntax.policies` as parsed (-1 when unknown): how Resolve finds what it derived
    /// for the policy without hashing it. Not part of the value: `==` and `hash(into:)` ignore it.
    package var place: Int {
        get { box.place }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.place = newValue
        }
    }

    /// Whether both values share one box: the same parsed policy, not merely equal fields.
    package func isIdentical(to other: PolicySyntax) -> Bool { box === other.box }

    /// Equal when every field is.
    public static func == (lhs: PolicySyntax, rhs: PolicySyntax) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// Where the document starts.
    public var location: SourceMark {
        _read { yield box.fields.location }
        _modify { yield &fields.location }
    }

    /// The policy's name.
    public var name: Located<String>? {
        _read { yield box.fields.name }
        _modify { yield &fields.name }
    }

    /// The platform of its cohorts.
    public var platform: Located<Platform>? {
        _read { yield box.fields.platform }
        _modify { yield &fields.platform }
    }

    /// Free text.
    public var description: Located<String>? {
        _read { yield box.fields.description }
        _modify { yield &fields.description }
    }

    /// The version to update to.
    public var target: TargetSyntax? {
        _read { yield box.fields.target }
        _modify { yield &fields.target }
    }

    /// The deadline.
    public var deadline: DeadlineSyntax? {
        _read { yield box.fields.deadline }
        _modify { yield &fields.deadline }
    }

    /// An https page about the update.
    public var detailsURL: Located<String>? {
        _read { yield box.fields.detailsURL }
        _modify { yield &fields.detailsURL }
    }

    /// Options for pre-DDM devices.
    public var legacy: LegacySyntax? {
        _read { yield box.fields.legacy }
        _modify { yield &fields.legacy }
    }

    /// The software update settings declaration, if any.
    public var settings: UpdateSettingsSyntax? {
        _read { yield box.fields.settings }
        _modify { yield &fields.settings }
    }

    /// Weekdays a computed deadline avoids; nil when not written (Settings' default applies).
    public var skipDays: SkipDaysSyntax? {
        _read { yield box.fields.skipDays }
        _modify { yield &fields.skipDays }
    }

    /// The policy's own change freezes and holidays, in addition to Settings'.
    public var blackouts: [Located<Blackout>] {
        _read { yield box.fields.blackouts }
        _modify { yield &fields.blackouts }
    }

    /// The cohorts, in rollout order.
    public var cohorts: [CohortReferenceSyntax] {
        _read { yield box.fields.cohorts }
        _modify { yield &fields.cohorts }
    }

    /// Where the `cohorts` key is written.
    public var cohortsLocation: SourceMark? {
        _read { yield box.fields.cohortsLocation }
        _modify { yield &fields.cohortsLocation }
    }

    /// For a policy with `tracks:`, the track this value stands for: the parser reads such a policy as one value
    /// per track, each with the track's target and deadline, so every rule and the planner judge a track as they
    /// judge a policy. Nil for a policy with one `target`.
    public var track: TrackSyntax? {
        _read { yield box.fields.track }
        _modify { yield &fields.track }
    }
}

/// Everything read from a policy repository, before any cross-document check.
public struct RepositorySyntax: Sendable, Hashable {
    /// The repository's root as given.
    public var root: String
    /// The files read, in order.
    public var files: [String] = []
    /// Every `Settings` document (more than one is an error).
    public var settings: [SettingsSyntax] = []
    /// Every cohort, in file order.
    public var cohorts: [CohortSyntax] = []
    /// Every policy, in file order.
    public var policies: [PolicySyntax] = []
    /// Whether some file could not be read in full (syntax error or bound), so cross-file checks are partial.
    public var isIncomplete = false
    /// The input bounds the files were parsed under: the options' limits with the Settings' `limits:` applied.
    public var limits: InputLimits = .defaults
    /// The files of this run, which every `SourceMark` of the syntax refers to.
    public var sources = SourceTable()

    /// One value per policy document: a policy with tracks is read as one value per track (next to each other,
    /// all starting where the document does), and a check of the document as a whole reads only the first.
    public var policyDocuments: [PolicySyntax] {
        var documents: [PolicySyntax] = []
        documents.reserveCapacity(policies.count)
        for policy in policies where documents.last.map({ $0.track == nil || $0.location != policy.location }) ?? true {
            documents.append(policy)
        }
        return documents
    }

    /// Creates an empty repository.
    public init(root: String) {
        self.root = root
    }
}
