public import MOSBasics

/// The Fleet team and label of every cohort, read from the `fleet:` blocks once: what `FleetMappingRule` checks
/// and what `mosc export fleet` writes, so the two never disagree about which block wins.
///
/// A cohort's own `fleet:` block comes first, then its entry under Settings' `fleet.cohorts`, then Settings'
/// `fleet.team`; the label defaults to the cohort's name.
public struct FleetMapping: Sendable {
    /// Where one cohort's devices live in Fleet.
    public struct Target: Sendable, Hashable {
        /// The team's name; nil when no block gives one.
        public var team: Located<String>?
        /// The label's name.
        public var label: String
    }

    /// Settings' `fleet:` block (the first Settings document's).
    let settings: FleetSettingsSyntax?
    /// Settings' `fleet.cohorts` entries by cohort name (the first of duplicates).
    let entries: [String: FleetSettingsSyntax.Entry]

    /// Reads the mapping of `repository`.
    public init(_ repository: RepositorySyntax) {
        settings = repository.settings.first?.fleet
        var entries: [String: FleetSettingsSyntax.Entry] = [:]
        for entry in settings?.cohorts ?? [] where entries[entry.cohort.value] == nil {
            entries[entry.cohort.value] = entry
        }
        self.entries = entries
    }

    /// The team and label of the cohort named `name`, whose own block is `own`.
    public func target(cohort name: String, own: FleetTargetSyntax?) -> Target {
        let entry = entries[name]?.target
        return Target(
            team: own?.team ?? entry?.team ?? settings?.team,
            label: own?.label?.value ?? entry?.label?.value ?? name)
    }

    /// Where the cohort's label is given (its own block, else its Settings entry); nil when it is the default.
    func location(cohort name: String, own: FleetTargetSyntax?) -> SourceMark? {
        if let own, own.label != nil || own.team != nil { return own.location }
        return entries[name]?.cohort.location
    }

    /// Settings' entry for the cohort named `name`, if any.
    func entry(cohort name: String) -> FleetSettingsSyntax.Entry? { entries[name] }
}
