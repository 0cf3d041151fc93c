/// A calendar date with no time and no zone, as read from a deadline.
///
/// It encodes as its ``description``.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999 for parsed values.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// Creates a date from fields the caller has already checked.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as `yyyy-mm-dd`.
    public var description: String {
        "\(CivilCalendar.padded(year, width: 4))-\(CivilCalendar.padded(month, width: 2))-"
            + CivilCalendar.padded(day, width: 2)
    }

    /// The day of the week of this date.
    public var weekday: Weekday { Weekday.of(daysSinceEpoch: daysSinceEpoch) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        let civil = CivilCalendar.civilDate(daysSinceEpoch: daysSinceEpoch + Int64(days))
        return LocalDate(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Compares dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days from 1970-01-01 to this date.
    var daysSinceEpoch: Int64 { CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) }
}

extension LocalDate {
    /// Reads a date as `yyyy-mm-dd`, for decoding; ``LocalDateTime/parse(_:)`` is the input path.
    package init?(text: String) {
        guard text.utf8.count == 10, case .valid(let value) = LocalDateTime.parse(text + "T00:00") else { return nil }
        self = value.date
    }
}

extension LocalDate: Codable {
    /// Decodes a `yyyy-mm-dd` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalDate(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date")
        }
        self = value
    }

    /// Encodes the ``description``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
