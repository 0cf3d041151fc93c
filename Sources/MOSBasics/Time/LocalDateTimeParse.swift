/// The outcome of reading a deadline's text with ``LocalDateTime/parse(_:)``.
public enum LocalDateTimeParse: Hashable, Sendable {
    /// A real local date and time.
    case valid(LocalDateTime)
    /// The text ends in `Z` or a UTC offset, which a deadline must not carry: the zone belongs in
    /// `legacy.timeZone`. The wall time before the suffix is included when it is valid.
    case hasOffset(LocalDateTime?, offsetText: String)
    /// Wrong syntax or impossible calendar values; `reason` is a lowercase phrase for a diagnostic,
    /// e.g. `February 2026 has 28 days`.
    case notADate(reason: String)

    /// The wall time when the text is ``valid(_:)``, else `nil`.
    public var value: LocalDateTime? {
        if case .valid(let value) = self { return value }
        return nil
    }
}

extension LocalDateTime {
    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, as policies write deadlines.
    ///
    /// Only an uppercase `T` separates date and time; fractional seconds, `24:00` and leap seconds are
    /// rejected. A trailing `Z` or offset gives ``LocalDateTimeParse/hasOffset(_:offsetText:)``.
    public static func parse(_ text: String) -> LocalDateTimeParse {
        let (base, offset) = DateTimeText.splitOffset(text)
        let scan = DateTimeText.scan(base, allowFraction: false)
        switch (scan, offset) {
        case (.value(let value), nil): return .valid(value)
        case (.value(let value), let offset?): return .hasOffset(value, offsetText: String(offset))
        case (.problem, let offset?): return .hasOffset(nil, offsetText: String(offset))
        case (.problem(let reason), nil): return .notADate(reason: reason)
        }
    }
}
