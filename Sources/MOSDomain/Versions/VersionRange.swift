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
    }

    /// Parses comparators (`>=`, `>`, `<=`, `<`, `=`, or a bare version meaning `=`) joined by spaces.
    public static func parse(_ text: String) -> Result<VersionRange, ParseError> {
        // Every cohort's range is parsed for every run; for ASCII text (all real ranges) bytes are Characters,
        // so the byte-level reading gives the same result without Character segmentation.
        text.utf8.allSatisfy({ $0 < 0x80 }) ? parseASCII(text) : parseCharacters(text)
    }

    /// `parse(_:)` by Characters, for any text.
    package static func parseCharacters(_ text: String) -> Result<VersionRange, ParseError> {
        let terms = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !terms.isEmpty else { return .failure(.empty) }
        var range = VersionRange(lower: nil, upper: nil)
        for term in terms {
            var op = ""
            var rest = Substring(term)
            for candidate in [">=", "<=", ">", "<", "=="] where rest.hasPrefix(candidate) {
                op = candidate
                rest = rest.dropFirst(candidate.count)
                break
            }
            if op.isEmpty, rest.hasPrefix("=") {
                op = "=="
                rest = rest.dropFirst()
            }
            if op.isEmpty, let first = rest.first, !first.isNumber {
                return .failure(.badComparator(String(term)))
            }
            guard let version = OSVersion(String(rest)) else { return .failure(.badVersion(String(rest))) }
            range.narrow(op, version)
        }
        return .success(range)
    }

    /// `parse(_:)` for ASCII text.
    package static func parseASCII(_ text: String) -> Result<VersionRange, ParseError> {
        let terms = text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        guard !terms.isEmpty else { return .failure(.empty) }
        var range = VersionRange(lower: nil, upper: nil)
        for term in terms {
            let first = term.first
            let second = term.dropFirst().first
            var op = ""
            var length = 0
            if first == UInt8(ascii: ">") || first == UInt8(ascii: "<") {
                let orEqual = second == UInt8(ascii: "=")
                op = (first == UInt8(ascii: ">") ? ">" : "<") + (orEqual ? "=" : "")
                length = orEqual ? 2 : 1
            } else if first == UInt8(ascii: "=") {
                op = "=="
                length = second == UInt8(ascii: "=") ? 2 : 1
            }
            let rest = String(decoding: term.dropFirst(length), as: UTF8.self)
            if op.isEmpty, let byte = first, !(byte >= 0x30 && byte <= 0x39) {
                return .failure(.badComparator(String(decoding: term, as: UTF8.self)))
            }
            guard let version = OSVersion(rest) else { return .failure(.badVersion(rest)) }
            range.narrow(op, version)
        }
        return .success(range)
    }

    /// Applies one term: `>=`, `>`, `<=`, `<`, or equality for anything else.
    private mutating func narrow(_ op: String, _ version: OSVersion) {
        switch op {
        case ">=": raiseLower(Bound(version: version, inclusive: true))
        case ">": raiseLower(Bound(version: version, inclusive: false))
        case "<=": lowerUpper(Bound(version: version, inclusive: true))
        case "<": lowerUpper(Bound(version: version, inclusive: false))
        default:
            raiseLower(Bound(version: version, inclusive: true))
            lowerUpper(Bound(version: version, inclusive: true))
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
