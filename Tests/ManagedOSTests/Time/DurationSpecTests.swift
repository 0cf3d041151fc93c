import Foundation
import ManagedOS
import Testing

@Suite struct DurationSpecTests {
    @Test(arguments: [
        ("1d", Int64(86_400), "1d"),
        ("12h", Int64(43_200), "12h"),
        ("90m", Int64(5_400), "1h30m"),
        ("1d12h", Int64(129_600), "1d12h"),
        ("36h", Int64(129_600), "1d12h"),
        ("2d30m", Int64(174_600), "2d30m"),
        ("1d2h3m", Int64(93_780), "1d2h3m"),
        ("1m", Int64(60), "1m"),
        ("07d", Int64(604_800), "7d"),
        ("3650d", Int64(315_360_000), "3650d"),
        ("87600h", Int64(315_360_000), "3650d"),
        ("5256000m", Int64(315_360_000), "3650d"),
    ])
    func parsesDurations(_ text: String, _ seconds: Int64, _ canonical: String) {
        let value = DurationSpec.parse(text).value
        #expect(value?.seconds == seconds)
        #expect(value?.description == canonical)
    }

    @Test(arguments: [
        ("", "expected a duration such as '1d12h', '90m' or '2d30m', found nothing"),
        ("d", "'d' needs a number before it, as in '1d'"),
        ("1dh", "'h' needs a number before it, as in '1h'"),
        ("12", "missing a unit after '12'; use d (days), h (hours) or m (minutes)"),
        ("1d12", "missing a unit after '12'; use d (days), h (hours) or m (minutes)"),
        ("12h1d", "'d' must come before 'h'; write units in the order d, h, m"),
        ("30m1h", "'h' must come before 'm'; write units in the order d, h, m"),
        ("1d2d", "unit 'd' appears twice"),
        ("-1d", "a duration cannot be negative"),
        ("+1d", "unexpected '+'; expected a number followed by d, h or m"),
        ("1.5h", "fractional amounts are not supported; use smaller units, as in '1h30m'"),
        ("1D", "unit 'D' must be lowercase 'd'"),
        ("30s", "unknown unit 's'; use d (days), h (hours) or m (minutes)"),
        ("1w", "unknown unit 'w'; use d (days), h (hours) or m (minutes)"),
        ("1d 12h", "unexpected ' '; expected a number followed by d, h or m"),
        ("1 d", "unexpected ' ' after '1'; expected d, h or m"),
        ("0m", "a duration must be longer than zero"),
        ("0d0h", "a duration must be longer than zero"),
        ("1d0h", "'0h' adds nothing; leave it out"),
        ("3651d", "'3651d' is longer than the maximum of 3650d"),
        ("3650d1m", "'3650d1m' is longer than the maximum of 3650d"),
        ("99999999999999999999d", "'99999999999999999999d' is longer than the maximum of 3650d"),
        ("٣d", "unexpected '٣'; expected a number followed by d, h or m"),
    ])
    func rejectsBadDurations(_ text: String, _ reason: String) {
        #expect(DurationSpec.parse(text) == .invalid(reason: reason))
    }

    @Test func equalityAndOrderAreByLength() throws {
        #expect(DurationSpec.parse("90m") == DurationSpec.parse("1h30m"))
        #expect(DurationSpec(hours: 36) == DurationSpec(days: 1, hours: 12))
        #expect(try #require(DurationSpec(hours: 1)) < #require(DurationSpec(minutes: 61)))
    }

    @Test func memberwiseBounds() {
        #expect(DurationSpec() == nil)
        #expect(DurationSpec(days: -1, hours: 30) == nil)
        #expect(DurationSpec(days: 3651) == nil)
        #expect(DurationSpec(days: 3650)?.description == "3650d")
        #expect(DurationSpec(minutes: 1441)?.description == "1d1m")
    }

    @Test func codesAsCanonicalText() throws {
        let value = DurationSpec.parse("36h").value
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["1d12h"]"#)
        #expect(try JSONDecoder().decode([DurationSpec].self, from: data) == [value].compactMap(\.self))
    }
}
