import MOSBasics
import MOSYAML

/// The OS versions a cohort's devices run: comparators joined by spaces, e.g. `>=13.0 <16`.
public struct VersionRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One end of the range.
    public struct Bound: Sendable, Hashable, Codable {
        /// The version at the bound.
        public var version: OSVersion
        /// Whether the bound's own version is in the range.
        public var inclusive: Bool

        /// Creates a bound.
        public init(version: OSVersion, inclusive: Bool) {
            self.version = version
            self.inclusive = inclusive
        }
    }

    /// The lowest versions in the range; nil means unbounded below.
    public var lower: Bound?
    /// The highest versions in the range; nil means unbounded above.
    public var upper: Bound?

    /// Creates a range from its bounds.
    public init(lower: Bound?, upper: Bound?) {
        self.lower = lower
        self.upper = upper
    }

    /// `>= version`, unbounded above.
    public static func atLeast(_ version: OSVersion) -> VersionRange {
        VersionRange(lower: Bound(version: version, inclusive: true), upper: nil)
    }

    /// Why a range text does not parse.
    public enum ParseError: Error, Hashable, Sendable {
        case empty
        case badComparator(String)
        case badVersion(String)
        /// A comparator with no version after it (`>=` at the end of the text).
        case missingVersion(String)
    }

    /// Parses terms joined by spaces. A term is a comparator (`>=`, `>`, `<=`, `<`), optionally followed by
    /// spaces (`">= 18.0"`), then a version. A version without a comparator, or after `=` or `==`, names a
    /// release line: every version that starts with the components written (`18` is any 18.x, i.e.
    /// `>=18.0 <19`; `18.2` is any 18.2.x; only `18.2.1` is that one version), because an exact `18.0.0` is
    /// almost never what a fleet runs.
    public static func parse(_ text: String) -> Result<VersionRange, ParseError> {
        // Bytes rather than Characters: every cohort's range is parsed on every run, and the grammar is ASCII
        // (splitting at ASCII bytes keeps any other UTF-8 whole for the messages).
        let bytes = Array(text.utf8)
        func isSpace(_ index: Int) -> Bool { bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var range = VersionRange(lower: nil, upper: nil)
        var terms = 0
        var index = 0
        while true {
            while index < bytes.count && isSpace(index) { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            var op = ""
            switch bytes[index] {
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                op = bytes[index] == UInt8(ascii: ">") ? ">" : "<"
                index += 1
                if index < bytes.count && bytes[index] == UInt8(ascii: "=") {
                    op += "="
                    index += 1
                }
            case UInt8(ascii: "="):
                op = "=="
                index += 1
                if index < bytes.count && bytes[index] == UInt8(ascii: "=") { index += 1 }
            default: break
            }
            let opEnd = index
            if !op.isEmpty { while index < bytes.count && isSpace(index) { index += 1 } }
            let versionStart = index
            while index < bytes.count && !isSpace(index) { index += 1 }
            guard versionStart < index else { return .failure(.missingVersion(string(start..<opEnd))) }
            if op.isEmpty && !(bytes[start] >= 0x30 && bytes[start] <= 0x39) {
                return .failure(.badComparator(string(start..<index)))
            }
            let written = string(versionStart..<index)
            guard let version = OSVersion(written) else { return .failure(.badVersion(written)) }
            range.narrow(op, version)
            terms += 1
        }
        return terms == 0 ? .failure(.empty) : .success(range)
    }

    /// Applies one term: `>=`, `>`, `<=`, `<`, or the release line the version names for anything else.
    private mutating func narrow(_ op: String, _ version: OSVersion) {
        switch op {
        case ">=": raiseLower(Bound(version: version, inclusive: true))
        case ">": raiseLower(Bound(version: version, inclusive: false))
        case "<=": lowerUpper(Bound(version: version, inclusive: true))
        case "<": lowerUpper(Bound(version: version, inclusive: false))
        default:
            raiseLower(Bound(version: version, inclusive: true))
            switch version.precision {
            case 1: lowerUpper(Bound(version: OSVersion(version.major + 1, 0), inclusive: false))
            case 2: lowerUpper(Bound(version: OSVersion(version.major, version.minor + 1), inclusive: false))
            default: lowerUpper(Bound(version: version, inclusive: true))
            }
        }
    }

    private mutating func raiseLower(_ bound: Bound) {
        guard let current = lower else { lower = bound; return }
        if bound.version > current.version || (bound.version == current.version && !bound.inclusive) {
            lower = bound
        }
    }

    private mutating func lowerUpper(_ bound: Bound) {
        guard let current = upper else { upper = bound; return }
        if bound.version < current.version || (bound.version == current.version && !bound.inclusive) {
            upper = bound
        }
    }

    /// Whether no version satisfies the range.
    public var isEmpty: Bool {
        guard let lower, let upper else { return false }
        if lower.version > upper.version { return true }
        if lower.version == upper.version { return !(lower.inclusive && upper.inclusive) }
        return false
    }

    /// Whether `version` is in the range.
    public func contains(_ version: OSVersion) -> Bool {
        if let lower {
            if version < lower.version || (version == lower.version && !lower.inclusive) { return false }
        }
        if let upper {
            if version > upper.version || (version == upper.version && !upper.inclusive) { return false }
        }
        return true
    }

    /// Whether every version in the range is at or above `version`.
    public func isWhollyAtOrAbove(_ version: OSVersion) -> Bool {
        guard let lower else { return false }
        return lower.version >= version
    }

    /// Whether every version in the range is below `version`.
    public func isWhollyBelow(_ version: OSVersion) -> Bool {
        guard let upper else { return false }
        return upper.version < version || (upper.version == version && !upper.inclusive)
    }

    /// Whether some version in the range is below `version`.
    public func hasVersions(below version: OSVersion) -> Bool { !isWhollyAtOrAbove(version) }

    /// Whether some version in the range is at or above `version`.
    public func hasVersions(atOrAbove version: OSVersion) -> Bool { !isWhollyBelow(version) }

    /// The part of the range below `version`.
    public func clipped(below version: OSVersion) -> VersionRange {
        var copy = self
        copy.lowerUpper(Bound(version: version, inclusive: false))
        return copy
    }

    /// The part of the range at or above `version`.
    public func clipped(atOrAbove version: OSVersion) -> VersionRange {
        var copy = self
        copy.raiseLower(Bound(version: version, inclusive: true))
        return copy
    }

    /// The canonical text, e.g. `>=13.0 <16.0`.
    public var description: String {
        var terms: [String] = []
        if let lower, let upper, lower.version == upper.version, lower.inclusive, upper.inclusive {
            return "=\(lower.version)"
        }
        if let lower { terms.append("\(lower.inclusive ? ">=" : ">")\(lower.version)") }
        if let upper { terms.append("\(upper.inclusive ? "<=" : "<")\(upper.version)") }
        return terms.isEmpty ? "any" : terms.joined(separator: " ")
    }
}
