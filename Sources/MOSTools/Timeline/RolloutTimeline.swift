public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// One tree's rollout as a timeline: per enforced cohort, its notice window (`minimumNotice` before the
/// deadline) and its deadline, grouped by policy in ring order. `mosc timeline` draws it; `diff` draws two.
public struct RolloutTimeline: Sendable, Hashable {
    /// One cohort on the timeline.
    public struct Entry: Sendable, Hashable {
        /// The cohort.
        public var cohort: String
        /// The policy enforcing it.
        public var policy: String
        /// Its ring, from 0.
        public var ring: Int
        /// The platform.
        public var platform: String
        /// The target version.
        public var targetVersion: String
        /// The deadline's wall time.
        public var deadline: LocalDateTime
        /// Where the notice window starts: `minimumNotice` before the deadline.
        public var noticeStart: LocalDateTime
        /// The legacy enforce step's UTC instant, when the cohort has a legacy path.
        public var legacyEnforce: String?
    }

    /// The chart's title.
    public var title: String
    /// The notice window's length in seconds (0: no window, only deadlines).
    public var minimumNoticeSeconds: Int64
    /// The cohorts, sorted by policy, ring and name.
    public var entries: [Entry]

    /// The timeline of a side; `minimumNoticeSeconds` overrides the side's Settings (default 72 hours).
    public init(_ side: DiffSide, title: String? = nil, minimumNoticeSeconds: Int64? = nil) {
        let notice = minimumNoticeSeconds ?? side.minimumNoticeSeconds ?? DiffOptions.defaultMinimumNoticeSeconds
        self.title = title ?? "Rollout of \(side.label)"
        self.minimumNoticeSeconds = notice
        self.entries = side.manifest.cohorts.compactMap { name, cohort in
            guard let deadline = LocalDateTime.parse(cohort.deadline).value else { return nil }
            return Entry(
                cohort: name, policy: cohort.policy, ring: cohort.ring, platform: cohort.platform,
                targetVersion: cohort.targetVersion, deadline: deadline,
                noticeStart: LocalDateTime(secondsSinceEpochAsIfUTC: deadline.secondsSinceEpochAsIfUTC - notice),
                legacyEnforce: cohort.legacyPlan?.first { $0.step == "enforce" }?.utc)
        }.sorted { ($0.policy, $0.ring, $0.cohort) < ($1.policy, $1.ring, $1.cohort) }
    }

    /// The entries by cohort name.
    package var byCohort: [String: Entry] { Dictionary(entries.map { ($0.cohort, $0) }) { a, _ in a } }
}

extension LocalDateTime {
    /// `yyyy-mm-dd hh:mm`, the date format of the Mermaid charts.
    var mermaidText: String { "\(date) \(String(wireString.dropFirst(11).prefix(5)))" }
}
