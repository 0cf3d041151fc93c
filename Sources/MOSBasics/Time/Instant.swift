/// A point in time: whole seconds since 1970-01-01T00:00:00Z, leap seconds not counted.
///
/// It encodes as its ``iso8601`` string.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z (negative before it).
    public let unixSeconds: Int64

    /// Creates the instant `unixSeconds` seconds after 1970-01-01T00:00:00Z.
    public init(unixSeconds: Int64) {
        self.unixSeconds = unixSeconds
    }

    /// The instant in UTC as `yyyy-mm-ddThh:mm:ssZ`, without fractional seconds.
    public var iso8601: String { LocalDateTime(secondsSinceEpochAsIfUTC: unixSeconds).wireString + "Z" }

    /// The same as ``iso8601``.
    public var description: String { iso8601 }

    /// The instant `seconds` seconds later (earlier when negative).
    public func adding(seconds: Int64) -> Instant { Instant(unixSeconds: unixSeconds + seconds) }

    /// The instant `duration` later.
    public func adding(_ duration: DurationSpec) -> Instant { adding(seconds: duration.seconds) }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    public func seconds(until later: Instant) -> Int64 { later.unixSeconds - unixSeconds }

    /// Compares instants chronologically.
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.unixSeconds < rhs.unixSeconds }

    /// Reads an ISO 8601 instant for `--now`: `2026-11-25T09:00:00Z`, `…+01:00`, `…-0500`, `…+01`.
    ///
    /// The `Z` or offset is required, because a bare wall time names no instant. Seconds are optional;
    /// fractional seconds are accepted and truncated.
    /// - Returns: The instant, or `nil` if the text is not one.
    public static func parseISO8601(_ text: String) -> Instant? {
        let (base, offset) = DateTimeText.splitOffset(text)
        guard let offset, let offsetSeconds = DateTimeText.offsetSeconds(offset.utf8),
            case .value(let wallTime) = DateTimeText.scan(base, allowFraction: true)
        else { return nil }
        return Instant(unixSeconds: wallTime.secondsSinceEpochAsIfUTC - Int64(offsetSeconds))
    }

    /// Reads a `SOURCE_DATE_EPOCH` value: decimal digits only (no sign, space or fraction), as
    /// `date +%s` prints them, up to the end of year 9999.
    /// - Parameter text: The variable's value; the caller reads the environment, this never does.
    /// - Returns: The instant, or `nil` if the text is not such a number.
    public static func fromEnvironmentEpoch(_ text: String) -> Instant? {
        // 253402300799 is 9999-12-31T23:59:59Z; past that iso8601 would need a 5-digit year.
        guard !text.isEmpty, text.utf8.count <= 12,
            text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let seconds = Int64(text), seconds <= 253_402_300_799
        else { return nil }
        return Instant(unixSeconds: seconds)
    }
}

extension Instant: Codable {
    /// Decodes an ISO 8601 string with `Z` or an offset.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self.parseISO8601(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an instant")
        }
        self = value
    }

    /// Encodes the ``iso8601`` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
