/// A wall-clock date and time with no zone or offset: how policies write deadlines.
///
/// DDM devices read it in their own local time; legacy plans resolve it through ``ZoneRules``.
/// It encodes as its ``wireString``.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999 for parsed values.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month.
    public let day: Int
    /// The hour, 0...23.
    public let hour: Int
    /// The minute, 0...59.
    public let minute: Int
    /// The second, 0...59.
    public let second: Int

    /// Creates a wall time from fields the caller has already checked; ``parse(_:)`` checks text.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Creates a wall time at `hour:minute:second` on `date`.
    public init(date: LocalDate, hour: Int, minute: Int, second: Int = 0) {
        self.init(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
    }

    /// The calendar date part.
    public var date: LocalDate { LocalDate(year: year, month: month, day: day) }

    /// The day of the week of ``date``.
    public var weekday: Weekday { date.weekday }

    /// `yyyy-mm-ddThh:mm:ss`, seconds always present: Apple's `TargetLocalDateTime` format.
    public var wireString: String {
        "\(date)T\(CivilCalendar.padded(hour, width: 2)):\(CivilCalendar.padded(minute, width: 2)):"
            + CivilCalendar.padded(second, width: 2)
    }

    /// The same as ``wireString``.
    public var description: String { wireString }

    /// The same wall time `days` calendar days later (earlier when negative).
    ///
    /// Days are calendar days, not 24-hour spans, so a DST change in between does not move the time of day.
    public func adding(days: Int) -> LocalDateTime {
        LocalDateTime(date: date.adding(days: days), hour: hour, minute: minute, second: second)
    }

    /// Seconds since 1970-01-01T00:00:00Z if this wall time were read in UTC.
    ///
    /// Not an instant on its own; it is the base for zone math (subtract the offset to get the instant).
    public var secondsSinceEpochAsIfUTC: Int64 {
        date.daysSinceEpoch * CivilCalendar.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The first instant at which some clock on Earth shows this wall time: in UTC+14 (Pacific/Kiritimati,
    /// the most advanced offset in use), so the wall time read as UTC minus 14 hours.
    ///
    /// A DDM deadline fires in each device's own zone, so no device can reach it before this instant.
    public var earliestInstantAnywhere: Instant {
        Instant(unixSeconds: secondsSinceEpochAsIfUTC - Self.mostAdvancedOffsetSeconds)
    }

    /// The last instant at which some clock on Earth first shows this wall time: in UTC-12 (Etc/GMT+12,
    /// the furthest-behind offset in use), so the wall time read as UTC plus 12 hours.
    ///
    /// A DDM deadline fires in each device's own zone, so every device has reached it by this instant.
    public var latestInstantAnywhere: Instant {
        Instant(unixSeconds: secondsSinceEpochAsIfUTC + Self.furthestBehindOffsetSeconds)
    }

    /// Orders wall times chronologically, as if read in one zone.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// UTC+14:00, in seconds.
    static let mostAdvancedOffsetSeconds: Int64 = 14 * 3600
    /// UTC-12:00, as a positive number of seconds.
    static let furthestBehindOffsetSeconds: Int64 = 12 * 3600

    /// The wall time `seconds` after 1970-01-01T00:00:00 on the same wall clock.
    package init(secondsSinceEpochAsIfUTC seconds: Int64) {
        let civil = CivilCalendar.civilDateTime(secondsSinceEpoch: seconds)
        self.init(
            year: civil.year, month: civil.month, day: civil.day,
            hour: civil.hour, minute: civil.minute, second: civil.second)
    }
}

extension LocalDateTime: Codable {
    /// Decodes a ``wireString`` (or any form ``parse(_:)`` accepts as valid).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .valid(let value) = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a local date and time")
        }
        self = value
    }

    /// Encodes the ``wireString``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wireString)
    }
}
