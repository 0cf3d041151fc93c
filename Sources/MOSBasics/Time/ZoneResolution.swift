/// Where a wall time falls in a zone: one instant, none (a spring-forward gap) or two (an autumn overlap).
public enum ZoneResolution: Hashable, Sendable {
    /// The wall time occurs exactly once.
    case unique(Instant)
    /// The wall time never occurs: clocks jump over it by `shiftSeconds` (positive).
    ///
    /// `after` reads it with the offset in force before the jump, which lands after the gap (02:30 in
    /// America/New_York on 2026-03-08 becomes 03:30 EDT, as Foundation and Python do); `before` reads it
    /// with the offset in force after the jump, which lands before the gap (01:30 EST).
    case gap(before: Instant, after: Instant, shiftSeconds: Int)
    /// The wall time occurs twice, because clocks were set back; `earlier` is the first occurrence.
    case overlap(earlier: Instant, later: Instant)

    /// The instant mosc schedules a wall time at: the only one, the earlier of an overlap, or just after a gap.
    ///
    /// mosc takes the first occurrence of an overlapped wall time, as Foundation, cron and most schedulers do,
    /// so a deadline is never met an hour later than written; validation warns about it (MOS225). A gap is an
    /// error in validation (MOS224); a plan built anyway reads it after the gap, as Foundation does. The check
    /// and the legacy planner both read this one property.
    public var scheduledInstant: Instant {
        switch self {
        case .unique(let instant): instant
        case .overlap(let earlier, _): earlier
        case .gap(_, let after, _): after
        }
    }

    /// `scheduledInstant`, except `nil` in a gap (which validation rejects).
    public var chosenInstant: Instant? {
        if case .gap = self { return nil }
        return scheduledInstant
    }
}
