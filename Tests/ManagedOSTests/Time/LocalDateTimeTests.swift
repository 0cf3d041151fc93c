import Foundation
import ManagedOS
import Testing

@Suite struct LocalDateTimeTests {
    private static func wall(_ text: String) -> LocalDateTime {
        LocalDateTime.parse(text).value ?? LocalDateTime(year: 1, month: 1, day: 1, hour: 0, minute: 0)
    }

    // Expected seconds from python3: int(datetime(..., tzinfo=timezone.utc).timestamp()).
    @Test(arguments: [
        ("1970-01-01T00:00", Int64(0)),
        ("1969-12-31T00:00", Int64(-86_400)),
        ("2000-02-29T00:00", Int64(951_782_400)),
        ("2026-03-01T09:00", Int64(1_772_355_600)),
        ("0001-01-01T00:00", Int64(-62_135_596_800)),
        ("9999-12-31T00:00", Int64(253_402_214_400)),
    ])
    func secondsSinceEpochAsIfUTC(_ text: String, _ seconds: Int64) {
        #expect(Self.wall(text).secondsSinceEpochAsIfUTC == seconds)
    }

    @Test(arguments: [
        ("1970-01-01T00:00", Weekday.thursday),
        ("1969-12-31T23:59", .wednesday),
        ("2000-02-29T00:00", .tuesday),
        ("2024-02-29T00:00", .thursday),
        ("2026-03-01T09:00", .sunday),
        ("2026-12-31T09:00", .thursday),
        ("0001-01-01T00:00", .monday),
        ("9999-12-31T00:00", .friday),
    ])
    func weekday(_ text: String, _ weekday: Weekday) {
        #expect(Self.wall(text).weekday == weekday)
    }

    @Test(arguments: [
        ("2026-01-31T09:30", 30, "2026-03-02T09:30:00"),
        ("2026-12-31T23:59", 1, "2027-01-01T23:59:00"),
        ("2024-03-01T00:00", -1, "2024-02-29T00:00:00"),
        ("2026-03-01T08:00", -365, "2025-03-01T08:00:00"),
        // Calendar days: the time of day stays put across the 2026-03-08 DST change.
        ("2026-03-07T02:30", 1, "2026-03-08T02:30:00"),
        ("2026-03-01T00:00", 0, "2026-03-01T00:00:00"),
    ])
    func addingDays(_ text: String, _ days: Int, _ expected: String) {
        #expect(Self.wall(text).adding(days: days).wireString == expected)
    }

    @Test func dateAndOrdering() {
        let earlier = Self.wall("2026-03-01T09:00")
        let later = Self.wall("2026-03-01T09:00:01")
        #expect(earlier.date == LocalDate(year: 2026, month: 3, day: 1))
        #expect(earlier.date.description == "2026-03-01")
        #expect(earlier < later)
        #expect(Self.wall("2025-12-31T23:59:59") < Self.wall("2026-01-01T00:00"))
        #expect(LocalDate(year: 2026, month: 2, day: 28) < LocalDate(year: 2026, month: 3, day: 1))
    }

    @Test func instantsAnywhere() {
        // UTC+14 reaches 2026-03-01T09:00 at 2026-02-28T19:00Z; UTC-12 at 2026-03-01T21:00Z.
        let deadline = Self.wall("2026-03-01T09:00")
        #expect(deadline.earliestInstantAnywhere.iso8601 == "2026-02-28T19:00:00Z")
        #expect(deadline.latestInstantAnywhere.iso8601 == "2026-03-01T21:00:00Z")
        #expect(deadline.earliestInstantAnywhere.seconds(until: deadline.latestInstantAnywhere) == 26 * 3600)
    }

    @Test func codesAsWireString() throws {
        let value = Self.wall("2026-03-01T09:00")
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-03-01T09:00:00"]"#)
        #expect(try JSONDecoder().decode([LocalDateTime].self, from: data) == [value])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDateTime].self, from: Data(#"["2026-02-30T09:00"]"#.utf8))
        }
        let date = try JSONEncoder().encode([value.date])
        #expect(String(decoding: date, as: UTF8.self) == #"["2026-03-01"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: date) == [value.date])
    }
    /// Apple's `TargetLocalDateTime` is `yyyy-mm-ddThh:mm:ss`: never fractional seconds, never an offset
    /// (SUMMARY.md §3). Every wall time mosc can hold prints as exactly 19 characters of that shape.
    @Test(arguments: [
        "0001-01-01T00:00", "1970-01-01T00:00:59", "2026-03-01T09:00", "2026-12-31T23:59:59", "9999-12-31T23:59:59",
    ])
    func wireStringHasNoFractionOrOffset(_ text: String) {
        let wire = Array(Self.wall(text).wireString.utf8)
        let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
        #expect(wire.count == shape.count)
        for (byte, expected) in zip(wire, shape) {
            if expected == UInt8(ascii: "d") {
                #expect((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
            } else {
                #expect(byte == expected)
            }
        }
        #expect(LocalDateTime.parse(text + ".5").value == nil)
    }
}

@Suite struct WeekdayTests {
    @Test(arguments: [
        ("Mon", Weekday.monday), ("monday", .monday), ("MONDAY", .monday), ("tue", .tuesday),
        ("Wednesday", .wednesday), ("thu", .thursday), ("Fri", .friday), ("saturday", .saturday), ("SUN", .sunday),
    ])
    func parsesNames(_ text: String, _ weekday: Weekday) {
        #expect(Weekday.parse(text) == weekday)
    }

    @Test(arguments: ["", "M", "Mo", "Tues", "Thurs", "Mondays", " Mon", "Lundi", "1"])
    func rejectsOtherNames(_ text: String) {
        #expect(Weekday.parse(text) == nil)
    }

    @Test func names() {
        #expect(Weekday.allCases.map(\.shortName) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        #expect(Weekday.sunday.fullName == "Sunday")
        #expect(Weekday.monday < .sunday)
    }

}
