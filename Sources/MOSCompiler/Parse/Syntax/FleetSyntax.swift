public import MOSBasics

/// A `fleet:` block on a Cohort, or one entry of Settings' `fleet.cohorts`: the Fleet team whose devices the
/// cohort holds and the Fleet label that selects them (`mosc export fleet`).
public struct FleetTargetSyntax: Sendable, Hashable {
    /// Where the block is written (its key).
    public var location: SourceMark
    /// The Fleet team's name, as its `name:` spells it.
    public var team: Located<String>?
    /// The Fleet label that stands for the cohort; default the cohort's name.
    public var label: Located<String>?

    /// Creates a block.
    public init(location: SourceMark, team: Located<String>? = nil, label: Located<String>? = nil) {
        self.location = location
        self.team = team
        self.label = label
    }
}

/// `fleet:` in the `Settings` document: a default team, and per-cohort teams and labels.
public struct FleetSettingsSyntax: Sendable, Hashable {
    /// One entry of `fleet.cohorts`.
    public struct Entry: Sendable, Hashable {
        /// The cohort's name, as the key spells it.
        public var cohort: Located<String>
        /// The team and label.
        public var target: FleetTargetSyntax
    }

    /// Where the block is written (its key).
    public var location: SourceMark
    /// The team of every cohort that names none.
    public var team: Located<String>?
    /// Teams and labels by cohort, in source order.
    public var cohorts: [Entry] = []
}
