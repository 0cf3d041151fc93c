/// The `Settings` document: repository-wide options.
public struct SettingsSyntax: Sendable, Hashable {
    /// Where the document starts.
    public var location: SourceLocation
    /// Prefix of every declaration Identifier (default "mosc").
    public var identifierPrefix: Located<String>?
    /// Warn when a deadline leaves less notice than this (default 72h).
    public var minimumNotice: Located<String>?
    /// Globs of files under the repository that are not policies.
    public var exclude: [Located<String>] = []
}

/// A `Cohort` document: a named group of devices.
public struct CohortSyntax: Sendable, Hashable {
    /// Where the document starts.
    public var location: SourceLocation
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
}

/// A deadline as written: a local wall time (a string).
public struct DeadlineSyntax: Sendable, Hashable {
    /// The raw text, e.g. `2026-12-15T17:00`.
    public var text: Located<String>
}

/// The `target:` of a policy.
public struct TargetSyntax: Sendable, Hashable {
    /// Where the mapping starts.
    public var location: SourceLocation
    /// The version as written (raw text).
    public var version: Located<String>?
    /// The build as written.
    public var build: Located<String>?
}

/// The `legacy:` block: how pre-DDM devices are upgraded.
public struct LegacySyntax: Sendable, Hashable {
    /// Where the mapping starts (the `legacy` key).
    public var location: SourceLocation
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
public struct PolicySyntax: Sendable, Hashable {
    /// Where the document starts.
    public var location: SourceLocation
    /// The policy's name.
    public var name: Located<String>?
    /// The platform of its cohorts.
    public var platform: Located<Platform>?
    /// Free text.
    public var description: Located<String>?
    /// The version to update to.
    public var target: TargetSyntax?
    /// The deadline.
    public var deadline: DeadlineSyntax?
    /// An https page about the update.
    public var detailsURL: Located<String>?
    /// Options for pre-DDM devices.
    public var legacy: LegacySyntax?
    /// The software update settings declaration, if any.
    public var settings: UpdateSettingsSyntax?
    /// The cohorts, in rollout order.
    public var cohorts: [CohortReferenceSyntax] = []
    /// Where the `cohorts` key is written.
    public var cohortsLocation: SourceLocation?
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

    /// Creates an empty repository.
    public init(root: String) {
        self.root = root
    }
}
