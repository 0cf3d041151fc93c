/// A positive length of time written as days, hours and minutes: `1d12h`, `90m`, `2d30m`.
///
/// Values are equal when their total length is equal, so `90m` and `1h30m` are the same duration and
/// ``description`` gives the one canonical spelling. It encodes as that spelling.
public struct DurationSpec: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in seconds; a positive whole number of minutes (0 only for ``zero``).
    public let seconds: Int64

    /// The longest duration mosc accepts: 3650 days, about ten years.
    public static let maximumDays = 3650

    /// Creates a duration from its parts.
    /// - Returns: `nil` when a part is negative, the total is zero, or it exceeds ``maximumDays``.
    public init?(days: Int = 0, hours: Int = 0, minutes: Int = 0) {
        let limit = Int64(Self.maximumDays) * 1440
        guard days >= 0, hours >= 0, minutes >= 0, days <= Self.maximumDays, hours <= limit, minutes <= limit
        else { return nil }
        let totalMinutes = Int64(days) * 1440 + Int64(hours) * 60 + Int64(minutes)
        guard totalMinutes > 0, totalMinutes <= limit else { return nil }
        seconds = totalMinutes * 60
    }

    /// No time at all: only `parse(_:allowingZero:)` gives it, for the settings where zero means something.
    public static let zero = DurationSpec(constantDays: 0)

    /// The duration, or nil when it is ``zero``.
    public var nonZero: DurationSpec? { seconds == 0 ? nil : self }

    /// A constant duration of whole days or hours known to be in range (defaults in code, not input).
    package init(constantDays days: Int = 0, hours: Int = 0) {
        seconds = (Int64(days) * 24 + Int64(hours)) * 3600
    }

    /// The whole days in the duration.
    public var days: Int { Int(seconds / 86_400) }
    /// The hours left over after ``days`` (0...23).
    public var hours: Int { Int(seconds % 86_400 / 3600) }
    /// The minutes left over after ``hours`` (0...59).
    public var minutes: Int { Int(seconds % 3600 / 60) }

    /// The canonical spelling: largest units first, zero parts left out, e.g. `1d12h` for `36h`.
    public var description: String {
        [(days, "d"), (hours, "h"), (minutes, "m")].filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
    }

    /// Compares durations by length.
    public static func < (lhs: DurationSpec, rhs: DurationSpec) -> Bool { lhs.seconds < rhs.seconds }
}

extension DurationSpec: Codable {
    /// Decodes a duration string such as `1d12h`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .valid(let value) = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a duration")
        }
        self = value
    }

    /// Encodes the canonical ``description``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
