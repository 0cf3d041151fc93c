import MOSBasics
import MOSYAML

/// An Apple OS version such as `14.0` or `15.7.8`, compared numerically and printed as written.
///
/// Equality and ordering look at the numbers only, so `14` == `14.0` == `14.0.0`; `description` keeps the
/// number of components the version was written with, so `14.0` prints as `14.0`, never `14`.
public struct OSVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The major version (`15` in `15.7.8`).
    public let major: Int
    /// The minor version (`7` in `15.7.8`), 0 when not written.
    public let minor: Int
    /// The patch version (`8` in `15.7.8`), 0 when not written.
    public let patch: Int
    /// How many components the version was written with (1 to 3); only `description` uses it.
    public let precision: Int

    /// Creates a version from numbers; it prints as `major.minor`, or `major.minor.patch` when patch isn't 0.
    public init(_ major: Int, _ minor: Int = 0, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.precision = patch == 0 ? 2 : 3
    }

    /// Parses `14`, `14.0` or `15.7.8`: one to three dot-separated ASCII numbers without signs, spaces or
    /// leading zeros (so `15.01` is rejected instead of being read as `15.1`).
    public init?(_ text: String) {
        // The same grammar on bytes: any byte that is not an ASCII digit or '.' fails either way, so reading
        // UTF-8 instead of Characters changes nothing but the cost (versions are read for every policy).
        var numbers = (0, 0, 0)
        var count = 0
        var value = 0
        var digits = 0
        var leadingZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, !(leadingZero && digits > 1), count < 2 else { return nil }
                Self.store(value, at: count, in: &numbers)
                count += 1
                value = 0
                digits = 0
                continue
            }
            guard byte >= 0x30 && byte <= 0x39, digits < 6 else { return nil }
            if digits == 0 { leadingZero = byte == 0x30 }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        guard digits > 0, !(leadingZero && digits > 1) else { return nil }
        Self.store(value, at: count, in: &numbers)
        major = numbers.0
        minor = numbers.1
        patch = numbers.2
        precision = count + 1
    }

    private static func store(_ value: Int, at index: Int, in numbers: inout (Int, Int, Int)) {
        switch index {
        case 0: numbers.0 = value
        case 1: numbers.1 = value
        default: numbers.2 = value
        }
    }

    /// The character-level reading the byte-level `init?(_:)` replaced; kept for the equivalence test.
    init?(characters text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard let number = Self.component(part) else { return nil }
            numbers.append(number)
        }
        major = numbers[0]
        minor = numbers.count > 1 ? numbers[1] : 0
        patch = numbers.count > 2 ? numbers[2] : 0
        precision = numbers.count
    }

    /// One component: 1 to 6 ASCII digits, no leading zero unless it is `0` itself.
    private static func component(_ part: Substring) -> Int? {
        guard !part.isEmpty, part.count <= 6, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if part.count > 1 && part.first == "0" { return nil }
        return Int(part)
    }

    /// The version as written: `14`, `14.0` or `15.7.8`.
    public var description: String {
        switch precision {
        case 1: return "\(major)"
        case 2: return "\(major).\(minor)"
        default: return "\(major).\(minor).\(patch)"
        }
    }

    /// Whether both versions have the same numbers, whatever their written precision.
    public static func == (lhs: OSVersion, rhs: OSVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) == (rhs.major, rhs.minor, rhs.patch)
    }

    /// Hashes the numbers only, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
    }

    /// Numeric order: `9.0 < 10.11 < 10.11.5 < 11`.
    public static func < (lhs: OSVersion, rhs: OSVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// Decodes the written form, a string such as `"14.0"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = OSVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an OS version such as '14.0'")
        }
        self = version
    }

    /// Encodes the written form as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
