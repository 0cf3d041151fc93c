import MOSBasics
import MOSYAML

/// A dotted OS version such as `15.7.8`, compared component by component as integers.
///
/// Missing trailing components count as zero, so `15` equals `15.0` and `15.10` sorts after `15.9`.
/// Versions are read from text, never through floating point.
public struct CatalogVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numeric components as written, e.g. `[15, 7, 8]`.
    public let components: [Int]

    /// The most components a version may have (Apple uses at most three).
    static let maximumComponents = 4

    /// The most digits one component may have; keeps `Int` parsing far from overflow.
    package static let maximumDigits = 6

    /// Parses `major[.minor[.patch[.extra]]]`: ASCII digits without signs, spaces or leading zeros.
    /// - Returns: `nil` when `text` is not such a version.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...Self.maximumComponents).contains(parts.count) else { return nil }
        var components: [Int] = []
        for part in parts {
            guard (1...Self.maximumDigits).contains(part.utf8.count),
                part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                part == "0" || part.utf8.first != UInt8(ascii: "0"),
                let value = Int(part)
            else { return nil }
            components.append(value)
        }
        self.components = components
    }

    /// The major version, e.g. `15` for `15.7.8`.
    public var major: Int { components.first ?? 0 }

    /// The components with trailing zeros removed; equality, hashing and ordering use this.
    private var significant: ArraySlice<Int> {
        var slice = components[...]
        while slice.last == 0 { slice = slice.dropLast() }
        return slice
    }

    /// The version as written, e.g. `15.7.8`.
    public var description: String { components.map(String.init).joined(separator: ".") }

    /// Whether two versions name the same release (`15` == `15.0`).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.significant == rhs.significant }

    /// Hashes the significant components so equal versions hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(Array(significant))
    }

    /// Orders versions numerically, component by component.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        for index in 0..<count {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right }
        }
        return false
    }
}
