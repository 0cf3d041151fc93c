import Foundation

/// The UTC offsets of one IANA time zone over time, for turning legacy deadlines into instants.
///
/// Values compare by ``identifier``, so links such as `US/Eastern` and `America/New_York` stay distinct.
public struct ZoneRules: Sendable, Hashable, CustomStringConvertible {
    /// The IANA name as written, e.g. `Europe/Berlin`.
    public let identifier: String
    private let timeZone: TimeZone

    private init(identifier: String, timeZone: TimeZone) {
        self.identifier = identifier
        self.timeZone = timeZone
    }

    /// The zone with this exact IANA name (zone or link, case-sensitive), or `nil`.
    ///
    /// Only names in the IANA database are accepted, not everything Foundation would take: `GMT+5`,
    /// `new york`, `Factory` and ICU's `SystemV/…` names are rejected; `UTC`, `Etc/UTC`, `Etc/GMT+5` and
    /// `backward` links such as `US/Eastern` or `EST` are accepted.
    public static func named(_ identifier: String) -> ZoneRules? {
        guard candidateIdentifiers.contains(identifier), let timeZone = TimeZone(identifier: identifier) else {
            return nil
        }
        return ZoneRules(identifier: identifier, timeZone: timeZone)
    }

    /// Every name ``named(_:)`` accepts, sorted.
    public static var knownIdentifiers: [String] { knownIdentifierList }

    /// The version of the time zone data in use, e.g. `2025b`; manifests record it because offsets change.
    public static var databaseVersion: String { TimeZone.timeZoneDataVersion }

    /// The identifier.
    public var description: String { identifier }

    /// The UTC offset in force at `instant`, in seconds east of UTC (negative west).
    public func offsetSeconds(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.unixSeconds)))
    }

    /// The wall time that clocks in this zone show at `instant`.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(secondsSinceEpochAsIfUTC: instant.unixSeconds + Int64(offsetSeconds(at: instant)))
    }

    /// Finds the instants at which clocks in this zone show `local`.
    ///
    /// The offsets a day either side are the only candidates, which holds while a zone changes its
    /// offset at most once in any two days (true of every zone in current use).
    public func resolve(_ local: LocalDateTime) -> ZoneResolution {
        let wall = local.secondsSinceEpochAsIfUTC
        let offsetBefore = offsetSeconds(at: Instant(unixSeconds: wall - 86_400))
        let offsetAfter = offsetSeconds(at: Instant(unixSeconds: wall + 86_400))
        let matches = Set([offsetBefore, offsetAfter])
            .map { Instant(unixSeconds: wall - Int64($0)) }
            .filter { localDateTime(at: $0) == local }
            .sorted()
        if let earlier = matches.first, let later = matches.last {
            return earlier == later ? .unique(earlier) : .overlap(earlier: earlier, later: later)
        }
        let before = Instant(unixSeconds: wall - Int64(offsetAfter))
        let after = Instant(unixSeconds: wall - Int64(offsetBefore))
        return .gap(
            before: min(before, after), after: max(before, after), shiftSeconds: abs(offsetAfter - offsetBefore))
    }

    /// An offset as `+hh:mm` or `-hh:mm` (`+00:00` for UTC), with `:ss` when the seconds are not zero (local mean
    /// times before standard time, e.g. Amsterdam's +00:19:32): the plan's offset must give back its instant.
    public static func formatOffset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        let rest = abs(seconds) % 60
        return (seconds < 0 ? "-" : "+") + CivilCalendar.padded(minutes / 60, width: 2) + ":"
            + CivilCalendar.padded(minutes % 60, width: 2)
            + (rest == 0 ? "" : ":" + CivilCalendar.padded(rest, width: 2))
    }

    /// Compares by identifier only.
    public static func == (lhs: ZoneRules, rhs: ZoneRules) -> Bool { lhs.identifier == rhs.identifier }

    /// Hashes the identifier only.
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// IANA names plus any newer ones Foundation knows, kept only if Foundation can load them.
    static let knownIdentifierList: [String] = candidateIdentifiers.filter { TimeZone(identifier: $0) != nil }.sorted()
    /// IANA names plus Foundation's, unfiltered: `named(_:)` asks Foundation about the one name it is given, which
    /// is what `knownIdentifierList` asks about every name (loading each zone was most of the time zone names'
    /// cost, paid by every run that read a `legacy.timeZone`).
    private static let candidateIdentifiers = Set(IANATimeZoneNames.all)
        .union(TimeZone.knownTimeZoneIdentifiers.filter { $0 != "Factory" })
}
