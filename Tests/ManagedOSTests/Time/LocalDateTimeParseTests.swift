import ManagedOS
import Testing

@Suite struct LocalDateTimeParseTests {
    static let validInputs: [(text: String, wire: String)] = [
        ("2026-03-01T09:00", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00:30", "2026-03-01T09:00:30"),
        ("2026-12-31T23:59:59", "2026-12-31T23:59:59"),
        ("2026-01-01T00:00", "2026-01-01T00:00:00"),
        ("2024-02-29T12:00", "2024-02-29T12:00:00"),  // leap year
        ("2000-02-29T12:00", "2000-02-29T12:00:00"),  // divisible by 400: leap
        ("0001-01-01T00:00", "0001-01-01T00:00:00"),
        ("9999-12-31T23:59:59", "9999-12-31T23:59:59"),
        ("2026-04-30T08:15", "2026-04-30T08:15:00"),
    ]

    @Test(arguments: validInputs)
    func parsesValidWallTimes(_ input: (text: String, wire: String)) {
        let value = LocalDateTime.parse(input.text).value
        #expect(value?.wireString == input.wire)
    }

    @Test func keepsEveryField() {
        #expect(
            LocalDateTime.parse("2026-11-25T07:08:09")
                == .valid(LocalDateTime(year: 2026, month: 11, day: 25, hour: 7, minute: 8, second: 9)))
    }

    static let offsetInputs: [(text: String, offset: String, wire: String?)] = [
        ("2026-03-01T09:00Z", "Z", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00:00z", "z", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00+01:00", "+01:00", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00:00-05:00", "-05:00", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00-0500", "-0500", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00+05", "+05", "2026-03-01T09:00:00"),
        ("2026-03-01T09:00:00+14:00", "+14:00", "2026-03-01T09:00:00"),
        // The wall time is reported only when it is valid on its own.
        ("2026-02-30T09:00Z", "Z", nil),
        ("2026-03-01T09:00:00.250Z", "Z", nil),
        ("2026-03-01 09:00+02:00", "+02:00", nil),
    ]

    @Test(arguments: offsetInputs)
    func reportsOffsets(_ input: (text: String, offset: String, wire: String?)) {
        guard case .hasOffset(let value, let offsetText) = LocalDateTime.parse(input.text) else {
            Issue.record("expected hasOffset for '\(input.text)', got \(LocalDateTime.parse(input.text))")
            return
        }
        #expect(offsetText == input.offset)
        #expect(value?.wireString == input.wire)
    }

    static let badInputs: [(text: String, reason: String)] = [
        // Calendar values
        ("2026-02-29T09:00", "February 2026 has 28 days"),
        ("2026-02-30T09:00", "February 2026 has 28 days"),
        ("2024-02-30T09:00", "February 2024 has 29 days"),
        ("2100-02-29T09:00", "February 2100 has 28 days"),  // divisible by 100, not 400: no leap day
        ("1900-02-29T09:00", "February 1900 has 28 days"),
        ("2026-04-31T09:00", "April 2026 has 30 days"),
        ("2026-01-32T09:00", "January 2026 has 31 days"),
        ("2026-03-00T09:00", "day 00 is out of range (01 to 31)"),
        ("2026-13-01T09:00", "month 13 is out of range (01 to 12)"),
        ("2026-00-10T09:00", "month 00 is out of range (01 to 12)"),
        ("0000-01-01T09:00", "year 0000 is out of range (0001 to 9999)"),
        (
            "2026-03-01T24:00",
            "24:00 is not a valid time; write '2026-03-02T00:00' for midnight at the end of 2026-03-01"
        ),
        (
            "2026-12-31T24:00:00",
            "24:00 is not a valid time; write '2027-01-01T00:00' for midnight at the end of 2026-12-31"
        ),
        ("2026-03-01T24:30", "hour 24 is out of range (00 to 23)"),
        ("2026-03-01T25:00", "hour 25 is out of range (00 to 23)"),
        ("2026-03-01T09:60", "minute 60 is out of range (00 to 59)"),
        ("2026-03-01T09:00:60", "second 60 is out of range (00 to 59); leap seconds are not supported"),
        ("2026-03-01T09:00:61", "second 61 is out of range (00 to 59)"),
        // Syntax
        ("", "expected a date and time like '2026-03-01T09:00', found nothing"),
        ("2026-03-01", "missing the time; add it after a 'T', as in '2026-03-01T09:00'"),
        ("2026-03-01 09:00", "use 'T' between the date and the time, not a space"),
        ("2026-03-01t09:00", "use an uppercase 'T' between the date and the time"),
        ("2026-03-01_09:00", "expected 'T' after the date, found '_'"),
        ("2026-03-01T09:00:00.5", "fractional seconds are not supported"),
        ("2026-03-01T09:00:00,5", "fractional seconds are not supported"),
        ("2026/03/01T09:00", "use '-' between year, month and day, as in '2026-03-01'"),
        (
            "2026-3-1T09:00",
            "expected the date as YYYY-MM-DD with a 4-digit year and 2-digit month and day, as in '2026-03-01'"
        ),
        (
            "26-03-01T09:00",
            "expected the date as YYYY-MM-DD with a 4-digit year and 2-digit month and day, as in '2026-03-01'"
        ),
        (
            "next tuesday",
            "expected the date as YYYY-MM-DD with a 4-digit year and 2-digit month and day, as in '2026-03-01'"
        ),
        ("2026-03-01T9:00", "expected the time as HH:MM or HH:MM:SS with 2-digit fields, as in 'T09:00'"),
        ("2026-03-01T09", "expected the time as HH:MM or HH:MM:SS with 2-digit fields, as in 'T09:00'"),
        ("2026-03-01T09:00:5", "expected the seconds as 2 digits, as in 'T09:00:30'"),
        ("2026-03-01T09:00 ", "unexpected ' ' after the time"),
        (
            " 2026-03-01T09:00",
            "expected the date as YYYY-MM-DD with a 4-digit year and 2-digit month and day, as in '2026-03-01'"
        ),
        ("2026-03-01T09:00+1", "unexpected '+1' after the time"),
        ("2026-03-01T09:00 EST", "unexpected ' EST' after the time"),
        (
            "２０２６-03-01T09:00",
            "expected the date as YYYY-MM-DD with a 4-digit year and 2-digit month and day, as in '2026-03-01'"
        ),
    ]

    @Test(arguments: badInputs)
    func rejectsBadInputs(_ input: (text: String, reason: String)) {
        #expect(LocalDateTime.parse(input.text) == .notADate(reason: input.reason))
    }

    @Test(arguments: validInputs)
    func wireStringParsesBackToTheSameValue(_ input: (text: String, wire: String)) {
        let value = LocalDateTime.parse(input.text).value
        #expect(value.map { LocalDateTime.parse($0.wireString) } == value.map { .valid($0) })
    }
}
