public import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// A deadline as a local wall time: written out, or computed from the target's release.
public struct ResolvedDeadline: Sendable, Hashable {
    /// The wall time devices enforce at.
    public var value: LocalDateTime
    /// Whether it was computed from `{afterRelease, time}` rather than written out.
    public var isComputed: Bool
    /// For a computed deadline that `skipDays` or a blackout moved, the wall time it would have had.
    public var movedFrom: LocalDateTime?
    /// The blackout that moved a computed deadline (the last one, when several did); nil when none did.
    public var movedBy: Blackout?

    /// The years a deadline may fall in (MOS220 otherwise, policy-language.md "Deadlines"): every instant of them
    /// has a four-digit year in UTC and in every zone, and no zone's offset then has seconds. A deadline
    /// outside them is a typo (`9999`, `2206`), not a plan.
    public static let supportedYears = 2000...2199

    /// Creates a resolved deadline.
    public init(
        value: LocalDateTime, isComputed: Bool, movedFrom: LocalDateTime? = nil, movedBy: Blackout? = nil
    ) {
        self.value = value
        self.isComputed = isComputed
        self.movedFrom = movedFrom
        self.movedBy = movedBy
    }
}

/// Why a deadline has no wall time. Validation reports each case; lowering only stops.
///
/// Indirect: problems are rare, and Resolve keeps every policy's deadlines, so a case's payload is stored apart
/// rather than widening every resolved deadline.
public indirect enum DeadlineProblem: Error, Sendable, Hashable {
    /// The wall time carries `Z` or an offset.
    case hasOffset(Located<String>, offset: String)
    /// The wall time is not a real local date and time.
    case notADate(Located<String>, reason: String)
    /// `afterRelease` (or `afterPreviousRing`, named by `key`) is not a duration.
    case invalidDelay(Located<String>, reason: String, key: String)
    /// The delay is a duration but not a whole number of days (the time of day is `time`'s).
    case delayNotWholeDays(Located<String>, key: String)
    /// `time` is not `HH:MM`.
    case invalidTime(Located<String>)
    /// The wall time lies outside `ResolvedDeadline.supportedYears`; `location` is the deadline's (its
    /// `afterRelease` for a computed one).
    case outOfRange(at: SourceMark, value: LocalDateTime)
    /// The catalog has no release date for the target, so nothing can be computed.
    case releaseUnknown(at: SourceMark, target: ResolvedTarget)
    /// The catalog lists the release but not when it shipped (its source date was implausible).
    case releaseDateUnknown(at: SourceMark, target: ResolvedTarget)
    /// `afterPreviousRing` on the policy's deadline or the first ring's: there is no previous ring.
    case noPreviousRing(Located<String>)
    /// A part is missing or the target did not resolve; another diagnostic already says so.
    case alreadyReported
}

/// Turns a deadline into a wall time: the one function validation and lowering share.
///
/// A relative deadline is the target's release date plus `afterRelease` (whole days), at `time`, then moved
/// forward, at the same time of day, past every blackout day and any day in `skipDays` (ignored when it holds
/// all seven days: that is reported on its own).
/// A ring offset is the previous ring's effective deadline plus `afterPreviousRing` (whole days), at `time` or the
/// previous ring's time of day, moved the same way (Fleet #49861: "ring 2 is ring 1 + 3 days, not on a Monday").
/// - Parameters:
///   - deadline: the deadline as written.
///   - target: the policy's resolved target; nil when it did not resolve.
///   - skipDays: the weekdays a computed deadline avoids.
///   - blackouts: the change freezes and holidays a computed deadline avoids.
///   - previousRing: the previous ring's effective deadline; nil for the policy's own and the first ring's.
///   - hasPreviousRing: whether there is a previous ring at all (its deadline may have failed to resolve).
public func resolveDeadline(
    _ deadline: DeadlineSyntax, target: ResolvedTarget?, skipDays: Set<Weekday>, blackouts: [Blackout] = [],
    previousRing: ResolvedDeadline? = nil, hasPreviousRing: Bool = false
) -> Result<ResolvedDeadline, DeadlineProblem> {
    switch deadline {
    case .wallTime(let text):
        switch LocalDateTime.parse(text.value) {
        case .valid(let value):
            guard ResolvedDeadline.supportedYears.contains(value.date.year) else {
                return .failure(.outOfRange(at: text.location, value: value))
            }
            return .success(ResolvedDeadline(value: value, isComputed: false))
        case .hasOffset(_, let offset): return .failure(.hasOffset(text, offset: offset))
        case .notADate(let reason): return .failure(.notADate(text, reason: reason))
        }
    case .relative(let relative) where relative.afterPreviousRing != nil && relative.afterRelease != nil:
        return .failure(.alreadyReported)  // two bases: MOS286, from the parser
    case .relative(let relative) where relative.afterPreviousRing != nil:
        guard let delayText = relative.afterPreviousRing else { return .failure(.alreadyReported) }
        let days: Int
        switch wholeDays(delayText, key: "afterPreviousRing") {
        case .success(let value): days = value
        case .failure(let problem): return .failure(problem)
        }
        var time: TimeOfDay?
        if let timeText = relative.time {
            switch timeOfDay(timeText) {
            case .success(let value): time = value
            case .failure(let problem): return .failure(problem)
            }
        }
        guard hasPreviousRing else { return .failure(.noPreviousRing(delayText)) }
        guard let previousRing else { return .failure(.alreadyReported) }
        let base = previousRing.value
        let computed = LocalDateTime(
            date: base.date.adding(days: days), hour: time?.hour ?? base.hour, minute: time?.minute ?? base.minute,
            second: time == nil ? base.second : 0)
        return moved(computed, skipDays: skipDays, blackouts: blackouts, at: delayText.location)
    case .relative(let relative):
        guard let delayText = relative.afterRelease, let timeText = relative.time else {
            return .failure(.alreadyReported)
        }
        let days: Int
        switch wholeDays(delayText, key: "afterRelease") {
        case .success(let value): days = value
        case .failure(let problem): return .failure(problem)
        }
        let time: TimeOfDay
        switch timeOfDay(timeText) {
        case .success(let value): time = value
        case .failure(let problem): return .failure(problem)
        }
        guard let target else { return .failure(.alreadyReported) }
        // A Background Security Improvement counts from its posting date, not from its base release's.
        let available: CatalogDate
        if target.request.securityImprovement != nil {
            guard let posted = target.improvement?.postingDate else {
                return .failure(.releaseUnknown(at: delayText.location, target: target))
            }
            available = posted
        } else {
            guard let release = target.release else {
                return .failure(.releaseUnknown(at: delayText.location, target: target))
            }
            guard let released = release.releaseDate else {
                return .failure(.releaseDateUnknown(at: delayText.location, target: target))
            }
            available = released
        }
        let date = available.localDate.adding(days: days)
        let computed = LocalDateTime(date: date, hour: time.hour, minute: time.minute)
        return moved(computed, skipDays: skipDays, blackouts: blackouts, at: delayText.location)
    }
}

/// A computed wall time moved past blackouts and skipped weekdays, within the supported years.
private func moved(
    _ computed: LocalDateTime, skipDays: Set<Weekday>, blackouts: [Blackout], at location: SourceMark
) -> Result<ResolvedDeadline, DeadlineProblem> {
    let moved = computed.movedPast(skipDays, blackouts: blackouts)
    guard ResolvedDeadline.supportedYears.contains(moved.value.date.year) else {
        return .failure(.outOfRange(at: location, value: moved.value))
    }
    return .success(
        ResolvedDeadline(
            value: moved.value, isComputed: true, movedFrom: moved.value == computed ? nil : computed,
            movedBy: moved.by))
}

/// A delay that must be whole days (the time of day is `time`'s).
private func wholeDays(_ text: Located<String>, key: String) -> Result<Int, DeadlineProblem> {
    switch DurationSpec.parse(text.value, allowingZero: true) {
    case .valid(let delay) where delay.hours == 0 && delay.minutes == 0: .success(delay.days)
    case .valid: .failure(.delayNotWholeDays(text, key: key))
    case .invalid(let reason): .failure(.invalidDelay(text, reason: reason, key: key))
    }
}

/// `time:` as a time of day; `17:00Z` or `17:00-05:00` (a time of day with an offset) is MOS213, as on a
/// written-out deadline.
private func timeOfDay(_ text: Located<String>) -> Result<TimeOfDay, DeadlineProblem> {
    if let time = TimeOfDay(text.value) { return .success(time) }
    if let offset = TimeOfDay.offset(in: text.value) { return .failure(.hasOffset(text, offset: offset)) }
    return .failure(.invalidTime(text))
}

/// A time of day `HH:MM`, as `time:` of a relative deadline is written.
struct TimeOfDay: Hashable, Sendable {
    /// 0...23.
    package var hour: Int
    /// 0...59.
    package var minute: Int

    /// The offset after a valid `HH:MM` (`Z`, `+02:00`, `-0500`), or nil when the text is not a time of day
    /// followed by an offset.
    static func offset(in text: String) -> String? {
        guard text.utf8.count > 5, TimeOfDay(String(text.prefix(5))) != nil else { return nil }
        let rest = String(text.dropFirst(5))
        if rest == "Z" || rest == "z" { return rest }
        let bytes = Array(rest.utf8)
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            (2...4).contains(digits.count),
            digits.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        return rest
    }

    /// Reads exactly `HH:MM`, 00:00 to 23:59.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        let digit: (UInt8) -> Int? = { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil }
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"), let h1 = digit(bytes[0]), let h2 = digit(bytes[1]),
            let m1 = digit(bytes[3]), let m2 = digit(bytes[4])
        else { return nil }
        hour = h1 * 10 + h2
        minute = m1 * 10 + m2
        guard hour < 24, minute < 60 else { return nil }
    }
}

extension LocalDateTime {
    /// The same time of day on the first date at or after this one whose weekday is not in `skipDays`;
    /// unchanged when every weekday is skipped.
    public func movedPast(_ skipDays: Set<Weekday>) -> LocalDateTime {
        guard skipDays.count < Weekday.allCases.count else { return self }
        var moved = self
        while skipDays.contains(moved.weekday) { moved = moved.adding(days: 1) }
        return moved
    }
}
