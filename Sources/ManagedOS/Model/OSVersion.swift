/// An OS version `major.minor[.patch]`, compared numerically (15.10 > 15.9), never through a float.
public struct OSVersion: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The major version.
    public var major: Int
    /// The minor version.
    public var minor: Int
    /// The patch version, if written.
    public var patch: Int?

    /// Creates a version.
    public init(_ major: Int, _ minor: Int = 0, _ patch: Int? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `14`, `14.0` or `15.7.8`; nil for anything else (no signs, no spaces, at most 4 digits a part).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 4, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let value = Int(part)
            else { return nil }
            numbers.append(value)
        }
        major = numbers[0]
        minor = numbers.count > 1 ? numbers[1] : 0
        patch = numbers.count > 2 ? numbers[2] : nil
    }

    /// `major.minor` or `major.minor.patch`.
    public var description: String {
        if let patch { return "\(major).\(minor).\(patch)" }
        return "\(major).\(minor)"
    }

    public static func < (lhs: OSVersion, rhs: OSVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch ?? 0) < (rhs.major, rhs.minor, rhs.patch ?? 0)
    }

    public static func == (lhs: OSVersion, rhs: OSVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch ?? 0) == (rhs.major, rhs.minor, rhs.patch ?? 0)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch ?? 0)
    }
}
