/// A day of the week, numbered as in ISO 8601 (Monday is 1, Sunday is 7).
public enum Weekday: Int, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// Monday.
    case monday = 1
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// Reads an English day name, full (`Monday`) or three letters (`Mon`), ignoring case.
    /// - Returns: The weekday, or `nil` for anything else (including `Tues`, `Thurs`).
    public static func parse(_ text: String) -> Weekday? {
        let lowered = text.lowercased()
        return allCases.first { $0.fullName.lowercased() == lowered || $0.shortName.lowercased() == lowered }
    }

    /// The three-letter English name, e.g. `Mon`.
    public var shortName: String { String(fullName.prefix(3)) }

    /// The full English name, e.g. `Monday`.
    public var fullName: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// Orders Monday first, as ISO 8601 does.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The weekday of the day `daysSinceEpoch` days after 1970-01-01 (a Thursday).
    package static func of(daysSinceEpoch days: Int64) -> Weekday {
        // 1970-01-01 is ISO weekday 4; shift to a 0-based Monday index and wrap negatives.
        let index = ((days + 3) % 7 + 7) % 7
        return Weekday(rawValue: Int(index) + 1) ?? .monday
    }
}
