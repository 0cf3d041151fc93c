import Foundation
import ManagedOS
import Testing

@Suite struct InstantTests {
    // Expected seconds from python3: int(datetime.fromisoformat(text).timestamp()).
    @Test(arguments: [
        ("2026-11-25T09:00:00Z", Int64(1_795_597_200)),
        ("2026-11-25T09:00:00z", Int64(1_795_597_200)),
        ("2026-11-25T09:00Z", Int64(1_795_597_200)),
        ("2026-11-25T09:00:00+01:00", Int64(1_795_593_600)),
        ("2026-11-25T09:00:00-0500", Int64(1_795_615_200)),
        ("2026-11-25T09:00:00-05", Int64(1_795_615_200)),
        ("2026-11-25T10:30+05:30", Int64(1_795_582_800)),
        ("2026-11-25T09:00:00-00:00", Int64(1_795_597_200)),
        ("2026-11-25T09:00:00.999Z", Int64(1_795_597_200)),  // fraction truncated
        ("2026-11-25T09:00:00,5+01:00", Int64(1_795_593_600)),
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("1969-12-31T23:59:59Z", Int64(-1)),
    ])
    func parsesISO8601(_ text: String, _ seconds: Int64) {
        #expect(Instant.parseISO8601(text) == Instant(unixSeconds: seconds))
    }

    @Test(arguments: [
        "2026-11-25T09:00:00",  // no zone: a wall time, not an instant
        "2026-11-25T09:00",
        "2026-11-25",
        "2026-11-25 09:00:00Z",
        "2026-11-25T09:00:00.Z",
        "2026-11-25T09:00:00+24:00",
        "2026-11-25T09:00:00+01:60",
        "2026-11-25T09:00:00+1",
        "2026-11-25T09:00:00 +01:00",
        "2026-02-29T09:00:00Z",
        "2026-11-25T24:00:00Z",
        "now",
        "",
    ])
    func rejectsNonInstants(_ text: String) {
        #expect(Instant.parseISO8601(text) == nil)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
        (Int64(1_795_597_200), "2026-11-25T09:00:00Z"),
        (Int64(253_402_300_799), "9999-12-31T23:59:59Z"),
    ])
    func formatsISO8601(_ seconds: Int64, _ text: String) {
        #expect(Instant(unixSeconds: seconds).iso8601 == text)
        #expect(Instant.parseISO8601(text) == Instant(unixSeconds: seconds))
    }

    @Test(arguments: [
        ("0", Int64?.some(0)),
        ("1795597200", 1_795_597_200),
        ("253402300799", 253_402_300_799),
        ("253402300800", nil),  // past 9999-12-31T23:59:59Z
        ("99999999999999999999", nil),
        ("", nil),
        ("-1", nil),
        ("+1", nil),
        (" 1", nil),
        ("1\n", nil),
        ("1.5", nil),
        ("1e9", nil),
        ("0x10", nil),
        ("١٢٣", nil),  // Arabic-Indic digits
    ])
    func readsSourceDateEpoch(_ text: String, _ seconds: Int64?) {
        #expect(Instant.fromEnvironmentEpoch(text) == seconds.map(Instant.init(unixSeconds:)))
    }

    @Test func arithmeticAndOrder() {
        let start = Instant(unixSeconds: 1_000)
        #expect(start.adding(seconds: 60) == Instant(unixSeconds: 1_060))
        #expect(start.adding(seconds: 60) > start)
        #expect(start.seconds(until: Instant(unixSeconds: 400)) == -600)
        if let day = DurationSpec(days: 1) {
            #expect(start.adding(day) == Instant(unixSeconds: 87_400))
        }
    }

    @Test func codesAsISO8601() throws {
        let value = Instant(unixSeconds: 1_795_597_200)
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-11-25T09:00:00Z"]"#)
        #expect(try JSONDecoder().decode([Instant].self, from: data) == [value])
    }
}
