/// A file glob from `Settings.exclude`: `*` matches within one path segment, `**` across segments, `?` one
/// character. Paths are relative to the repository root with `/` separators.
public struct Glob: Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    /// The pattern's segments as bytes, split once here rather than for every path matched.
    private let segments: [[UInt8]]
    private static let doubleStar = Array("**".utf8)
    /// The first segment when it has no wildcard (`ci` in `ci/**`): a path whose first segment differs cannot
    /// match, which settles nearly every file without splitting its path.
    private let literalHead: [UInt8]?

    /// Creates a glob; nil when the pattern is empty, absolute or climbs out with `..`.
    public init?(_ pattern: String) {
        guard !pattern.isEmpty, !pattern.hasPrefix("/") else { return nil }
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty, !segments.contains("..") else { return nil }
        self.pattern = pattern
        self.segments = segments.map { Array($0.utf8) }
        let head = self.segments[0]
        self.literalHead = head.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ? nil : head
    }

    /// Whether `path` (relative, `/`-separated) matches; a pattern matching a folder matches all below it.
    public func matches(_ path: String) -> Bool {
        if let literalHead, Self.firstSegment(of: path, differsFrom: literalHead) { return false }
        // Splitting bytes equals splitting Characters when the path is ASCII (every path, nearly).
        let parts: [ArraySlice<UInt8>] =
            path.utf8.allSatisfy { $0 < 0x80 }
            ? Array(path.utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            : path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8)[...] }
        for end in stride(from: parts.count, through: 1, by: -1) where Self.match(segments[...], parts[..<end]) {
            return true
        }
        return false
    }

    /// Whether `path` is ASCII and its first segment (after any leading `/`) is not `head`. Conservative: a path
    /// that is not ASCII is left to the full match, which splits it by Characters.
    private static func firstSegment(of path: String, differsFrom head: [UInt8]) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var start = 0
            while start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") {
                if bytes[end] >= 0x80 { return false }
                end += 1
            }
            for byte in bytes[end...] where byte >= 0x80 { return false }
            return !bytes[start..<end].elementsEqual(head)
        }
    }

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<ArraySlice<UInt8>>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == Self.doubleStar {
            let rest = pattern.dropFirst()
            for skip in 0...path.count where match(rest, path.dropFirst(skip)) { return true }
            return false
        }
        guard let head = path.first, matchSegment(first[...], head) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        // Iterative wildcard match with one backtrack point: linear in practice, no recursion.
        var p = pattern.startIndex
        var t = text.startIndex
        var star: Int?
        var starText = t
        while t < text.endIndex {
            if p < pattern.endIndex && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") {
                star = p
                p += 1
                starText = t
            } else if let s = star {
                p = s + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
