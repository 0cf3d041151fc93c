/// Activation `Predicate`s that select devices by OS version, read from the status item
/// `device.operating-system.version` (SUMMARY.md §2: NSPredicate format syntax with `@status(…)`).
///
/// The status value is a string, and NSPredicate compares strings as strings: `"15.10" < "15.9"` and
/// `"9.0" > "15.0"`. So no comparison operator is used. Each predicate is a `MATCHES` (ICU regular expression,
/// matched against the whole string) that spells the numeric order out digit by digit: `>= 15.4` is "a major of
/// 16 or more, or 15 with a minor of 4 or more". The expressions use `[.]` rather than `\.`, so the predicate
/// string needs no backslash escapes.
public enum OSVersionPredicate {
    /// The status item the predicates read.
    public static let statusItem = "device.operating-system.version"

    /// True on devices running `version` or later.
    public static func atLeast(_ version: OSVersion) -> String {
        matches(atLeastPattern(version))
    }

    /// True on devices running a version below `version`.
    public static func below(_ version: OSVersion) -> String {
        "NOT (\(atLeast(version)))"
    }

    /// True on devices running major `major` (`15`, `15.0`, `15.10.1`).
    public static func major(_ major: Int) -> String {
        matches("\(major)([.][0-9]+)*")
    }

    /// True on devices whose version lies in `range`; nil for a range without bounds (every device).
    public static func within(_ range: VersionRange) -> String? {
        var parts: [String] = []
        if let lower = range.lower {
            parts.append(atLeast(lower.version))
            if !lower.inclusive { parts.append("NOT (\(matches(equalPattern(lower.version))))") }
        }
        if let upper = range.upper {
            parts.append(
                upper.inclusive
                    ? "(\(below(upper.version)) OR \(matches(equalPattern(upper.version))))" : below(upper.version))
        }
        guard !parts.isEmpty else { return nil }
        return parts.count == 1 ? parts[0] : parts.map { "(\($0))" }.joined(separator: " AND ")
    }

    /// `@status(device.operating-system.version) MATCHES '<pattern>'`.
    static func matches(_ pattern: String) -> String {
        "@status(\(statusItem)) MATCHES '\(pattern)'"
    }

    /// A regular expression matching exactly the dotted versions at or above `version` (missing components
    /// count as zero, so `15` is `15.0`).
    static func atLeastPattern(_ version: OSVersion) -> String {
        "((\(integers(atLeast: version.major + 1)))([.][0-9]+)*|\(version.major)\(tail(atLeast: [version.minor, version.patch])))"
    }

    /// The versions equal to `version`: `15.4`, `15.4.0`, …
    static func equalPattern(_ version: OSVersion) -> String {
        var components = [version.major, version.minor, version.patch]
        while components.count > 1, components.last == 0 { components.removeLast() }
        return components.map(String.init).joined(separator: "[.]") + "([.]0)*"
    }

    /// The rest of a version after its major (`""`, `.4`, `.4.1`) whose components are at or above `components`.
    private static func tail(atLeast components: [Int]) -> String {
        guard let first = components.first, components.contains(where: { $0 != 0 }) else { return "([.][0-9]+)*" }
        let rest = Array(components.dropFirst())
        return "([.](\(integers(atLeast: first + 1)))([.][0-9]+)*|[.]\(first)\(tail(atLeast: rest)))"
    }

    /// A regular expression matching the decimal integers (no leading zeros) at or above `value` (>= 0); an
    /// alternation, so callers group it.
    static func integers(atLeast value: Int) -> String {
        guard value > 0 else { return "0|[1-9][0-9]*" }
        let digits = Array(String(value).utf8).map { Int($0) - 48 }
        var alternatives = [String(value)]
        for index in digits.indices where digits[index] < 9 {
            let prefix = digits[..<index].map(String.init).joined()
            let remaining = digits.count - index - 1
            alternatives.append(
                prefix + "[\(digits[index] + 1)-9]" + (remaining > 0 ? "[0-9]{\(remaining)}" : ""))
        }
        alternatives.append("[1-9][0-9]{\(digits.count),}")
        return alternatives.joined(separator: "|")
    }
}
