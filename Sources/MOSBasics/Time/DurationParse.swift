/// The outcome of reading a duration with ``DurationSpec/parse(_:)``.
public enum DurationParse: Hashable, Sendable {
    /// A valid duration.
    case valid(DurationSpec)
    /// Not a duration; `reason` is a lowercase phrase for a diagnostic.
    case invalid(reason: String)

    /// The duration when ``valid(_:)``, else `nil`.
    public var value: DurationSpec? {
        if case .valid(let value) = self { return value }
        return nil
    }
}

extension DurationSpec {
    /// Reads `<n>d`, `<n>h`, `<n>m` or a combination in that order (`1d12h`, `2d30m`), each unit at most
    /// once, with no spaces, signs or fractions. A zero part (`1d0h`) and a total over ``maximumDays``
    /// are rejected, and so is a zero total unless `allowingZero` (then `0d`, `0h` or `0m` alone is ``zero``:
    /// `afterRelease: 0d` is the release day, `downloadLeadTime: 0m` no download step).
    public static func parse(_ text: String, allowingZero: Bool = false) -> DurationParse {
        if allowingZero && (text == "0d" || text == "0h" || text == "0m") { return .valid(.zero) }
        let example = "such as '1d12h', '90m' or '2d30m'"
        if text.isEmpty { return .invalid(reason: "expected a duration \(example), found nothing") }
        let characters = Array(text)
        if characters.first == "-" { return .invalid(reason: "a duration cannot be negative") }
        let units: [Character] = ["d", "h", "m"]
        let maximumDigits = 7  // 3650d is 5,256,000m: 7 digits, so 8 or more is always too long
        var index = 0
        var lastUnit = -1
        var totalMinutes: Int64 = 0
        var zeroPart: String?
        var tooLong = false
        while index < characters.count {
            let digits = characters[index...].prefix { $0.isASCII && $0.isNumber }
            let number = String(digits)
            index += digits.count
            guard index < characters.count else {
                return .invalid(reason: "missing a unit after '\(number)'; use d (days), h (hours) or m (minutes)")
            }
            let unitCharacter = characters[index]
            guard !digits.isEmpty else {
                if units.contains(unitCharacter) {
                    return .invalid(reason: "'\(unitCharacter)' needs a number before it, as in '1\(unitCharacter)'")
                }
                return .invalid(reason: "unexpected '\(unitCharacter)'; expected a number followed by d, h or m")
            }
            if unitCharacter == "." || unitCharacter == "," {
                return .invalid(reason: "fractional amounts are not supported; use smaller units, as in '1h30m'")
            }
            guard let unit = units.firstIndex(of: unitCharacter) else {
                if let lower = unitCharacter.lowercased().first, units.contains(lower) {
                    return .invalid(reason: "unit '\(unitCharacter)' must be lowercase '\(lower)'")
                }
                if unitCharacter.isLetter {
                    return .invalid(reason: "unknown unit '\(unitCharacter)'; use d (days), h (hours) or m (minutes)")
                }
                return .invalid(reason: "unexpected '\(unitCharacter)' after '\(number)'; expected d, h or m")
            }
            if unit == lastUnit { return .invalid(reason: "unit '\(unitCharacter)' appears twice") }
            if unit < lastUnit {
                return .invalid(
                    reason: "'\(unitCharacter)' must come before '\(units[lastUnit])'; write units in the order d, h, m"
                )
            }
            lastUnit = unit
            index += 1
            let significant = number.drop { $0 == "0" }
            if significant.count > maximumDigits {
                tooLong = true
            } else if let value = Int64(significant.isEmpty ? "0" : String(significant)) {
                if value == 0 && zeroPart == nil { zeroPart = "\(number)\(unitCharacter)" }
                totalMinutes += value * [1440, 60, 1][unit]
            }
        }
        if tooLong || totalMinutes > Int64(maximumDays) * 1440 {
            return .invalid(reason: "'\(text)' is longer than the maximum of \(maximumDays)d")
        }
        if totalMinutes == 0 { return .invalid(reason: "a duration must be longer than zero") }
        if let zeroPart { return .invalid(reason: "'\(zeroPart)' adds nothing; leave it out") }
        return .valid(DurationSpec(seconds: totalMinutes * 60))
    }

    /// Creates a duration from seconds the parser has already bounded.
    private init(seconds: Int64) {
        self.seconds = seconds
    }
}
