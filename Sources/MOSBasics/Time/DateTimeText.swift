/// The text grammar shared by deadlines and `--now`: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with an optional
/// `Z`/`z` or `±HH[:MM]`/`±HHMM` suffix. Only ASCII is accepted; scanning works on UTF-8 bytes.
enum DateTimeText {
    /// The outcome of reading a date and time: a checked wall time, or why the text is not one.
    enum Scan {
        case value(LocalDateTime)
        case problem(String)
    }

    /// Splits a trailing `Z`/`z` or well-formed numeric offset off `text`.
    ///
    /// A malformed suffix such as `+1` is left in place so ``scan(_:allowFraction:)`` reports it as junk.
    static func splitOffset(_ text: String) -> (base: Substring, offset: Substring?) {
        let bytes = Array(text.utf8)
        guard let last = bytes.last else { return (text[...], nil) }
        if last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
            return (text.dropLast(), text.suffix(1))
        }
        // Offsets can only start inside the time part, which begins after `YYYY-MM-DDT` (11 bytes).
        guard
            let signIndex = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
            signIndex >= 11, offsetSeconds(bytes[signIndex...]) != nil
        else { return (text[...], nil) }
        // Every byte from the sign on is ASCII, so the byte count is also the character count.
        let offsetLength = bytes.count - signIndex
        return (text.dropLast(offsetLength), text.suffix(offsetLength))
    }

    /// Reads `±HH`, `±HHMM`, `±HH:MM`, `Z` or `z` as seconds east of UTC; `nil` if malformed or out of range.
    package static func offsetSeconds(_ offset: some Collection<UInt8>) -> Int? {
        let b = Array(offset)
        if b == [UInt8(ascii: "Z")] || b == [UInt8(ascii: "z")] { return 0 }
        guard let sign = b.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let hours: Int?
        var minutes: Int? = 0
        switch b.count {
        case 3: hours = number(b, at: 1, digits: 2)
        case 5: (hours, minutes) = (number(b, at: 1, digits: 2), number(b, at: 3, digits: 2))
        case 6 where b[3] == UInt8(ascii: ":"):
            (hours, minutes) = (number(b, at: 1, digits: 2), number(b, at: 4, digits: 2))
        default: return nil
        }
        guard let hours, let minutes, hours <= 23, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// Reads `YYYY-MM-DDTHH:MM[:SS[.fraction]]` (no offset) and checks it against the calendar.
    ///
    /// Fractional seconds are dropped when `allowFraction` is true and rejected otherwise.
    package static func scan(_ text: Substring, allowFraction: Bool) -> Scan {
        let b = Array(text.utf8)
        if b.isEmpty { return .problem("expected a date and time like '2026-03-01T09:00', found nothing") }
        guard let year = number(b, at: 0, digits: 4), byte(b, 4, is: "-"),
            let month = number(b, at: 5, digits: 2), byte(b, 7, is: "-"),
            let day = number(b, at: 8, digits: 2)
        else {
            if b.contains(UInt8(ascii: "/")) {
                return .problem("use '-' between year, month and day, as in '2026-03-01'")
            }
            return .problem(
                "expected the date as YYYY-MM-DD with a 4-digit year and 2-digit month and day, as in '2026-03-01'")
        }
        let dateText = String(decoding: b[0..<10], as: UTF8.self)
        guard b.count > 10 else {
            return .problem("missing the time; add it after a 'T', as in '\(dateText)T09:00'")
        }
        switch b[10] {
        case UInt8(ascii: "T"): break
        case UInt8(ascii: " "): return .problem("use 'T' between the date and the time, not a space")
        case UInt8(ascii: "t"): return .problem("use an uppercase 'T' between the date and the time")
        default: return .problem("expected 'T' after the date, found '\(rest(b, from: 10).prefix(1))'")
        }
        guard let hour = number(b, at: 11, digits: 2), byte(b, 13, is: ":"),
            let minute = number(b, at: 14, digits: 2)
        else { return .problem("expected the time as HH:MM or HH:MM:SS with 2-digit fields, as in 'T09:00'") }
        var index = 16
        var second = 0
        if byte(b, index, is: ":") {
            guard let value = number(b, at: index + 1, digits: 2) else {
                return .problem("expected the seconds as 2 digits, as in 'T09:00:30'")
            }
            second = value
            index += 3
            if byte(b, index, is: ".") || byte(b, index, is: ",") {
                guard allowFraction else { return .problem("fractional seconds are not supported") }
                let digits = b[(index + 1)...].prefix(while: isDigit)
                guard !digits.isEmpty else {
                    return .problem("expected digits after '\(rest(b, from: index).prefix(1))'")
                }
                index += 1 + digits.count
            }
        }
        guard index == b.count else { return .problem("unexpected '\(rest(b, from: index))' after the time") }
        if let problem = calendarProblem(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, dateText: dateText)
        {
            return .problem(problem)
        }
        return .value(LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// Why syntactically fine fields are not a real date and time, or `nil` if they are.
    private static func calendarProblem(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, dateText: String
    ) -> String? {
        let two = { CivilCalendar.padded($0, width: 2) }
        if year == 0 { return "year 0000 is out of range (0001 to 9999)" }
        guard (1...12).contains(month) else { return "month \(two(month)) is out of range (01 to 12)" }
        let daysInMonth = CivilCalendar.daysInMonth(year: year, month: month)
        if day == 0 { return "day 00 is out of range (01 to \(daysInMonth))" }
        if day > daysInMonth {
            let monthName = CivilCalendar.monthNames[month - 1]
            return "\(monthName) \(CivilCalendar.padded(year, width: 4)) has \(daysInMonth) days"
        }
        if hour == 24 && minute == 0 && second == 0 {
            let nextDay = LocalDate(year: year, month: month, day: day).adding(days: 1)
            return "24:00 is not a valid time; write '\(nextDay)T00:00' for midnight at the end of \(dateText)"
        }
        if hour > 23 { return "hour \(two(hour)) is out of range (00 to 23)" }
        if minute > 59 { return "minute \(two(minute)) is out of range (00 to 59)" }
        if second == 60 { return "second 60 is out of range (00 to 59); leap seconds are not supported" }
        if second > 59 { return "second \(two(second)) is out of range (00 to 59)" }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func byte(_ b: [UInt8], _ index: Int, is scalar: Unicode.Scalar) -> Bool {
        index < b.count && b[index] == UInt8(ascii: scalar)
    }

    /// The decimal value of exactly `digits` ASCII digits at `start`, or `nil`.
    private static func number(_ b: [UInt8], at start: Int, digits: Int) -> Int? {
        guard start >= 0, start + digits <= b.count else { return nil }
        var value = 0
        for byte in b[start..<(start + digits)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The text from byte `index` on, for messages. Callers pass indices that follow ASCII bytes only.
    private static func rest(_ b: [UInt8], from index: Int) -> String {
        String(decoding: b[min(index, b.count)...], as: UTF8.self)
    }
}
