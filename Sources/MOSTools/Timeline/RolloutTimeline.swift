public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// One tree's rollout as a timeline: per enforced cohort, the span from its target's release to its deadline (the
/// time devices have to install; the notice window, `minimumNotice` before the deadline, when the release date is
/// unknown), its deadline, and whether that has passed at `now`, grouped by policy in ring order. `mosc timeline`
/// draws it with a line at `now`; `diff` draws two.
public struct RolloutTimeline: Sendable, Hashable {
    /// One cohort on the timeline.
    public struct Entry: Sendable, Hashable {
        /// The cohort.
        public var cohort: String
        /// The policy enforcing it.
        public var policy: String
        /// Its ring, from 1.
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
        /// Midnight of the day the target shipped, when the side's catalog knows it.
        public var released: LocalDateTime?
        /// Whether the deadline has passed at `now` for the first devices to reach it (UTC+14), as MOS221 judges.
        public var passed = false
        /// What moved a computed deadline (a blackout, or `skipDays`), as the manifest records it.
        public var movedBy: String?

        /// Where the drawn span starts: the release, else the notice window's start.
        var spanStart: LocalDateTime { released.map { min($0, deadline) } ?? noticeStart }
    }

    /// The instant the chart is drawn at (`--now`), when given.
    public var now: Instant?

    /// The chart's title.
    public var title: String
    /// The notice window's length in seconds (0: no window, only deadlines).
    public var minimumNoticeSeconds: Int64
    /// The cohorts, sorted by policy, ring and name.
    public var entries: [Entry]
    /// The change freezes and holidays within the chart's span, yearly ones as each year's days.
    public var blackouts: [Band] = []

    /// A blackout's days as drawn: from midnight of its first day to midnight after its last.
    public struct Band: Sendable, Hashable {
        /// Why, as written.
        public var reason: String
        /// Midnight of the first day.
        public var start: LocalDateTime
        /// Midnight after the last day.
        public var end: LocalDateTime
    }

    /// The timeline of a side; `minimumNoticeSeconds` overrides the side's Settings (default 72 hours). With
    /// `now`, passed deadlines are marked and the chart draws a line at `now`.
    public init(_ side: CompiledSide, title: String? = nil, minimumNoticeSeconds: Int64? = nil, now: Instant? = nil) {
        let notice = minimumNoticeSeconds ?? side.minimumNoticeSeconds ?? DiffOptions.defaultMinimumNoticeSeconds
        self.title = title ?? "Rollout of \(side.label)"
        self.minimumNoticeSeconds = notice
        self.now = now
        let catalog = side.catalog
        self.entries = side.manifest.cohorts.flatMap { name, cohort -> [Entry] in
            // A cohort whose policy has tracks is drawn once per track: its devices on each major follow their
            // own enforcement, with its own target and deadline.
            let tracks: [(label: String, version: String, deadline: String, movedBy: String?)] =
                cohort.tracks.map { tracks in
                    tracks.map {
                        ("\(name) (\(cohort.platform) \($0.major))", $0.targetVersion, $0.deadline, $0.deadlineMovedBy)
                    }
                } ?? [(name, cohort.targetVersion, cohort.deadline, cohort.deadlineMovedBy)]
            return tracks.compactMap { track in
                guard let deadline = LocalDateTime.parse(track.deadline).value else { return nil }
                var entry = Entry(
                    cohort: track.label, policy: cohort.policy, ring: cohort.ring, platform: cohort.platform,
                    targetVersion: track.version, deadline: deadline,
                    noticeStart: LocalDateTime(secondsSinceEpochAsIfUTC: deadline.secondsSinceEpochAsIfUTC - notice),
                    legacyEnforce: cohort.legacyPlan?.first { $0.step == "enforce" }?.utc)
                entry.movedBy = track.movedBy
                entry.released = catalog?.release(platform: cohort.platform, version: track.version)?.releaseDate
                    .map { LocalDateTime(date: $0.localDate, hour: 0, minute: 0) }
                if let now {
                    entry.passed = now.unixSeconds >= deadline.secondsSinceEpochAsIfUTC - Self.earliestOffsetSeconds
                }
                return entry
            }
        }.sorted { ($0.policy, $0.ring, $0.cohort) < ($1.policy, $1.ring, $1.cohort) }
        let spans = Set(side.manifest.cohorts.values.flatMap { $0.blackouts ?? [] })
        if !spans.isEmpty, let first = entries.map(\.spanStart).min(), let last = entries.map(\.deadline).max() {
            self.blackouts = spans.flatMap { Self.bands($0, from: first.date, to: last.date) }
                .sorted { ($0.start, $0.reason) < ($1.start, $1.reason) }
        }
    }

    /// A blackout's bands that touch `from`...`to`: one for dates, one per year for `MM-DD` days (a range that
    /// wraps past December 31 runs into the next year).
    static func bands(_ span: OutputManifest.BlackoutSpan, from: LocalDate, to: LocalDate) -> [Band] {
        func band(_ first: LocalDate, _ last: LocalDate) -> Band? {
            guard first <= to, last >= from else { return nil }
            return Band(
                reason: span.reason, start: LocalDateTime(date: first, hour: 0, minute: 0),
                end: LocalDateTime(date: last.adding(days: 1), hour: 0, minute: 0))
        }
        if let first = LocalDate(text: span.from), let last = LocalDate(text: span.to) {
            return band(first, last).map { [$0] } ?? []
        }
        guard let first = MonthDay(span.from), let last = MonthDay(span.to) else { return [] }
        return (from.year - 1...to.year).compactMap { year in
            guard let start = first.date(in: year), let end = last.date(in: last < first ? year + 1 : year) else {
                return nil
            }
            return band(start, end)
        }
    }

    /// UTC+14, the first zone to reach a wall-time deadline.
    static let earliestOffsetSeconds: Int64 = 14 * 3600

    /// `now` as a wall time in UTC, for drawing it on the as-if-UTC axis.
    var nowWallTime: LocalDateTime? { now.map { LocalDateTime(secondsSinceEpochAsIfUTC: $0.unixSeconds) } }

    /// The entries by cohort name.
    package var byCohort: [String: Entry] { Dictionary(entries.map { ($0.cohort, $0) }) { a, _ in a } }
}

extension LocalDateTime {
    /// `yyyy-mm-dd hh:mm`, the date format of the Mermaid charts.
    var mermaidText: String { "\(date) \(String(wireString.dropFirst(11).prefix(5)))" }
}
