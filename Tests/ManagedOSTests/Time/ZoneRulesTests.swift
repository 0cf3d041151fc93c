import ManagedOS
import Testing

/// A wall time in a zone and where it must land. Expected instants were worked out by hand from the
/// zones' rules and checked with python3 `zoneinfo` (fold=0 and fold=1), tzdata 2025b.
struct ResolutionCase: Sendable, CustomTestStringConvertible {
    let zone: String
    let wall: String
    let expected: Expected

    enum Expected: Sendable {
        case unique(String)
        case gap(before: String, after: String, shift: Int)
        case overlap(earlier: String, later: String)
    }

    init(_ zone: String, _ wall: String, _ expected: Expected) {
        self.zone = zone
        self.wall = wall
        self.expected = expected
    }

    var testDescription: String { "\(zone) \(wall)" }
}

@Suite struct ZoneRulesTests {
    static let cases: [ResolutionCase] = [
        // America/New_York: EST (-05:00) to EDT (-04:00) at 2026-03-08 02:00 local (07:00Z).
        .init("America/New_York", "2026-03-08T01:59:59", .unique("2026-03-08T06:59:59Z")),
        .init(
            "America/New_York", "2026-03-08T02:00",
            .gap(before: "2026-03-08T06:00:00Z", after: "2026-03-08T07:00:00Z", shift: 3600)),
        .init(
            "America/New_York", "2026-03-08T02:30",
            .gap(before: "2026-03-08T06:30:00Z", after: "2026-03-08T07:30:00Z", shift: 3600)),
        .init("America/New_York", "2026-03-08T03:00", .unique("2026-03-08T07:00:00Z")),
        // EDT back to EST at 2026-11-01 02:00 EDT (06:00Z): 01:00 to 01:59:59 happen twice.
        .init("America/New_York", "2026-11-01T00:59:59", .unique("2026-11-01T04:59:59Z")),
        .init(
            "America/New_York", "2026-11-01T01:00",
            .overlap(earlier: "2026-11-01T05:00:00Z", later: "2026-11-01T06:00:00Z")),
        .init(
            "America/New_York", "2026-11-01T01:30",
            .overlap(earlier: "2026-11-01T05:30:00Z", later: "2026-11-01T06:30:00Z")),
        .init("America/New_York", "2026-11-01T02:00", .unique("2026-11-01T07:00:00Z")),
        // Europe/Berlin: CET (+01:00) to CEST (+02:00) at 2026-03-29 01:00Z; back at 2026-10-25 01:00Z.
        .init("Europe/Berlin", "2026-03-29T01:59:59", .unique("2026-03-29T00:59:59Z")),
        .init(
            "Europe/Berlin", "2026-03-29T02:30",
            .gap(before: "2026-03-29T00:30:00Z", after: "2026-03-29T01:30:00Z", shift: 3600)),
        .init("Europe/Berlin", "2026-03-29T03:00", .unique("2026-03-29T01:00:00Z")),
        .init("Europe/Berlin", "2026-10-25T01:59:59", .unique("2026-10-24T23:59:59Z")),
        .init(
            "Europe/Berlin", "2026-10-25T02:30",
            .overlap(earlier: "2026-10-25T00:30:00Z", later: "2026-10-25T01:30:00Z")),
        .init("Europe/Berlin", "2026-10-25T03:00", .unique("2026-10-25T02:00:00Z")),
        // Australia/Sydney: AEST (+10:00) to AEDT (+11:00) at 2026-10-04 02:00 local (2026-10-03 16:00Z);
        // AEDT back to AEST at 2026-04-05 03:00 AEDT (2026-04-04 16:00Z).
        .init("Australia/Sydney", "2026-10-04T01:59:59", .unique("2026-10-03T15:59:59Z")),
        .init(
            "Australia/Sydney", "2026-10-04T02:30",
            .gap(before: "2026-10-03T15:30:00Z", after: "2026-10-03T16:30:00Z", shift: 3600)),
        .init("Australia/Sydney", "2026-10-04T03:00", .unique("2026-10-03T16:00:00Z")),
        .init("Australia/Sydney", "2026-04-05T01:59:59", .unique("2026-04-04T14:59:59Z")),
        .init(
            "Australia/Sydney", "2026-04-05T02:30",
            .overlap(earlier: "2026-04-04T15:30:00Z", later: "2026-04-04T16:30:00Z")),
        .init("Australia/Sydney", "2026-04-05T03:00", .unique("2026-04-04T17:00:00Z")),
        // Australia/Lord_Howe shifts by 30 minutes.
        .init(
            "Australia/Lord_Howe", "2026-10-04T02:15",
            .gap(before: "2026-10-03T15:15:00Z", after: "2026-10-03T15:45:00Z", shift: 1800)),
        .init(
            "Australia/Lord_Howe", "2026-04-05T01:45",
            .overlap(earlier: "2026-04-04T14:45:00Z", later: "2026-04-04T15:15:00Z")),
        // No DST: the same wall times are plain.
        .init("Asia/Tokyo", "2026-03-08T02:30", .unique("2026-03-07T17:30:00Z")),
        .init("Asia/Tokyo", "2026-11-01T01:30", .unique("2026-10-31T16:30:00Z")),
        .init("UTC", "2026-03-29T02:30", .unique("2026-03-29T02:30:00Z")),
        .init("Etc/UTC", "2026-10-25T02:30", .unique("2026-10-25T02:30:00Z")),
        .init("Asia/Kolkata", "2026-01-01T00:00", .unique("2025-12-31T18:30:00Z")),
        // Samoa skipped all of 2011-12-30 when it moved across the date line (-10:00 to +14:00).
        .init(
            "Pacific/Apia", "2011-12-30T12:00",
            .gap(before: "2011-12-29T22:00:00Z", after: "2011-12-30T22:00:00Z", shift: 86_400)),
    ]

    @Test(arguments: cases)
    func resolvesWallTimes(_ c: ResolutionCase) throws {
        let zone = try #require(ZoneRules.named(c.zone))
        let wall = try #require(LocalDateTime.parse(c.wall).value)
        let instant = { (text: String) throws in try #require(Instant.parseISO8601(text)) }
        let expected: ZoneResolution =
            switch c.expected {
            case .unique(let at): .unique(try instant(at))
            case .gap(let before, let after, let shift):
                .gap(before: try instant(before), after: try instant(after), shiftSeconds: shift)
            case .overlap(let earlier, let later): .overlap(earlier: try instant(earlier), later: try instant(later))
            }
        #expect(zone.resolve(wall) == expected)
    }

    @Test func chosenInstant() throws {
        let newYork = try #require(ZoneRules.named("America/New_York"))
        let overlap = try #require(LocalDateTime.parse("2026-11-01T01:30").value)
        let gap = try #require(LocalDateTime.parse("2026-03-08T02:30").value)
        let plain = try #require(LocalDateTime.parse("2026-06-01T09:00").value)
        #expect(newYork.resolve(overlap).chosenInstant?.iso8601 == "2026-11-01T05:30:00Z")  // the earlier, EDT
        #expect(newYork.resolve(gap).chosenInstant == nil)
        #expect(newYork.resolve(plain).chosenInstant?.iso8601 == "2026-06-01T13:00:00Z")
    }

    @Test(arguments: [
        ("America/New_York", "2026-03-08T06:59:59Z", -18_000, "2026-03-08T01:59:59"),
        ("America/New_York", "2026-03-08T07:00:00Z", -14_400, "2026-03-08T03:00:00"),
        ("America/New_York", "2026-11-01T05:30:00Z", -14_400, "2026-11-01T01:30:00"),
        ("America/New_York", "2026-11-01T06:30:00Z", -18_000, "2026-11-01T01:30:00"),
        ("Europe/Berlin", "2026-07-01T12:00:00Z", 7_200, "2026-07-01T14:00:00"),
        ("Australia/Sydney", "2026-01-01T00:00:00Z", 39_600, "2026-01-01T11:00:00"),
        ("Asia/Tokyo", "2026-01-01T00:00:00Z", 32_400, "2026-01-01T09:00:00"),
        ("UTC", "2026-01-01T00:00:00Z", 0, "2026-01-01T00:00:00"),
    ])
    func offsetsAndWallTimes(_ zoneName: String, _ at: String, _ offset: Int, _ wall: String) throws {
        let zone = try #require(ZoneRules.named(zoneName))
        let instant = try #require(Instant.parseISO8601(at))
        #expect(zone.offsetSeconds(at: instant) == offset)
        #expect(zone.localDateTime(at: instant).wireString == wall)
    }

    /// Every hour of 2026 maps to a wall time that resolves back to that hour.
    @Test(arguments: ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Tokyo"])
    func everyInstantRoundTrips(_ zoneName: String) throws {
        let zone = try #require(ZoneRules.named(zoneName))
        let start = try #require(Instant.parseISO8601("2026-01-01T00:00:00Z"))
        var overlaps = 0
        for hour in 0..<(365 * 24) {
            let instant = start.adding(seconds: Int64(hour) * 3600)
            switch zone.resolve(zone.localDateTime(at: instant)) {
            case .unique(let found): #expect(found == instant)
            case .overlap(let earlier, let later):
                #expect(instant == earlier || instant == later)
                overlaps += 1
            case .gap: Issue.record("\(zoneName): the wall time at \(instant) resolved to a gap")
            }
        }
        // One repeated hour a year (counted from both of its instants) in zones with DST, none in Tokyo;
        // Lord Howe repeats only half an hour, which whole-hour steps hit once.
        let expected = ["Asia/Tokyo": 0, "Australia/Lord_Howe": 1][zoneName] ?? 2
        #expect(overlaps == expected)
    }

    @Test func formatsOffsets() {
        #expect(ZoneRules.formatOffset(0) == "+00:00")
        #expect(ZoneRules.formatOffset(-18_000) == "-05:00")
        #expect(ZoneRules.formatOffset(19_800) == "+05:30")
        #expect(ZoneRules.formatOffset(-34_200) == "-09:30")
    }

    @Test func databaseVersionLooksLikeATzRelease() {
        let version = ZoneRules.databaseVersion
        #expect(version.count == 5)
        #expect(version.hasPrefix("20"))
        #expect(version.last?.isLetter == true)
    }
}
