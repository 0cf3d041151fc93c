/// A change freeze or holiday: whole local days on which no computed deadline may fall. Either a range of
/// calendar dates (`2026-12-21` to `2027-01-01`) or the same days every year (`12-25`; `12-24` to `01-01`
/// wraps into the next year).
public struct Blackout: Sendable, Hashable, CustomStringConvertible {
    /// The days a blackout covers.
    public enum Days: Sendable, Hashable {
        /// From one date to another, both included.
        case dates(from: LocalDate, to: LocalDate)
        /// Every year from one month and day to another, both included (wrapping past December 31).
        case yearly(from: MonthDay, to: MonthDay)
    }

    /// The days covered.
    public var days: Days
    /// Why, as written (`Holiday change freeze`).
    public var reason: String

    /// Creates a blackout.
    public init(days: Days, reason: String) {
        self.days = days
        self.reason = reason
    }

    /// Whether `date` is one of its days.
    public func contains(_ date: LocalDate) -> Bool {
        switch days {
        case .dates(let from, let to):
            return from <= date && date <= to
        case .yearly(let from, let to):
            let day = MonthDay(month: date.month, day: date.day)
            return from <= to ? (from <= day && day <= to) : (day >= from || day <= to)
        }
    }

    /// The last covered day of the stretch that holds `date` (nil when `date` is not covered).
    public func lastDay(from date: LocalDate) -> LocalDate? {
        guard contains(date) else { return nil }
        return edge(from: date, step: 1)
    }

    /// The first covered day of the stretch that holds `date` (nil when `date` is not covered).
    public func firstDay(from date: LocalDate) -> LocalDate? {
        guard contains(date) else { return nil }
        return edge(from: date, step: -1)
    }

    /// Walks from a covered `date` by `step` days while the next day is covered too (a yearly blackout covering
    /// the whole year stops after 366 days).
    private func edge(from date: LocalDate, step: Int) -> LocalDate {
        var day = date
        var walked = 0
        while walked < 366, contains(day.adding(days: step)) {
            day = day.adding(days: step)
            walked += 1
        }
        return day
    }

    /// `'Holiday freeze' (2026-12-21 to 2027-01-01)` or `'Christmas Day' (every 12-25)`.
    public var description: String {
        switch days {
        case .dates(let from, let to):
            return from == to ? "'\(reason)' (\(from))" : "'\(reason)' (\(from) to \(to))"
        case .yearly(let from, let to):
            return from == to ? "'\(reason)' (every \(from))" : "'\(reason)' (every \(from) to \(to))"
        }
    }
}

/// A month and day without a year (`12-25`), for yearly blackouts.
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1...12.
    public var month: Int
    /// 1...31 depending on the month (February 29 allowed).
    public var day: Int

    /// Creates a month and day the caller has checked.
    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Reads exactly `MM-DD` of a day that exists in some year (`02-29` does, `02-30` does not).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let digit: (UInt8) -> Int? = { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil }
        guard bytes.count == 5, bytes[2] == UInt8(ascii: "-"), let m1 = digit(bytes[0]), let m2 = digit(bytes[1]),
            let d1 = digit(bytes[3]), let d2 = digit(bytes[4])
        else { return nil }
        let month = m1 * 10 + m2
        let day = d1 * 10 + d2
        guard (1...12).contains(month), day >= 1, day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        else { return nil }
        self.init(month: month, day: day)
    }

    /// `MM-DD`.
    public var description: String { CivilCalendar.padded(month, width: 2) + "-" + CivilCalendar.padded(day, width: 2) }

    /// Orders within a year.
    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }

    /// This day in `year`; nil for February 29 in a common year.
    public func date(in year: Int) -> LocalDate? {
        LocalDate(text: CivilCalendar.padded(year, width: 4) + "-" + description)
    }
}

extension LocalDate {
    /// Whole days from `other` to this date (negative when `other` is later).
    public func days(since other: LocalDate) -> Int { Int(daysSinceEpoch - other.daysSinceEpoch) }
}

extension LocalDateTime {
    /// The first wall time at or after this one, at the same time of day, that is on no blackout day and no
    /// skipped weekday, with the blackout that moved it last (nil when none did). Unchanged when nothing is
    /// allowed within ten years (every weekday skipped, or a blackout that never ends).
    public func movedPast(_ skipDays: Set<Weekday>, blackouts: [Blackout]) -> (value: LocalDateTime, by: Blackout?) {
        var moved = self
        var by: Blackout?
        for _ in 0..<3_660 {
            if let blackout = blackouts.first(where: { $0.contains(moved.date) }),
                let last = blackout.lastDay(from: moved.date)
            {
                moved = moved.adding(days: last.days(since: moved.date) + 1)
                by = blackout
            } else if skipDays.count < Weekday.allCases.count, skipDays.contains(moved.weekday) {
                moved = moved.adding(days: 1)
            } else {
                return (moved, by)
            }
        }
        return (self, nil)
    }
}
