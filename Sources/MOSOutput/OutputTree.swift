import MOSBasics
import MOSDomain

/// The files of a compile, in memory: relative path → bytes. The writer makes it visible all at once.
public struct OutputTree: Sendable, Hashable {
    /// Files by relative path (`/`-separated, no `..`).
    public private(set) var files: [String: [UInt8]] = [:]

    /// An empty tree.
    public init() {}

    /// Paths refused because they would leave the output folder (validation should make this impossible).
    public private(set) var rejectedPaths: [String] = []

    /// Adds or replaces a file; paths are built by mosc from checked names, and checked again here.
    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        guard Self.isSafe(path) else {
            rejectedPaths.append(path)
            return
        }
        files[path] = bytes
    }

    /// Adds a text file.
    public mutating func add(_ path: String, text: String) {
        add(path, Array(text.utf8))
    }

    /// The paths in sorted order.
    public var paths: [String] { files.keys.sorted() }

    /// Whether a relative path stays inside the output folder.
    public static func isSafe(_ path: String) -> Bool {
        // Bytes are Characters in ASCII paths (all of mosc's), and bytes are cheaper; others take the long way.
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            guard !path.isEmpty, path.utf8.first != UInt8(ascii: "/"),
                !path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0 })
            else { return false }
            // Every component between slashes is non-empty and not `.` or `..` (a scan: no array per path).
            var length = 0
            var dots = 0
            for byte in path.utf8 {
                if byte == UInt8(ascii: "/") {
                    if length == 0 || length == dots { return false }
                    length = 0
                    dots = 0
                } else {
                    length += 1
                    if byte == UInt8(ascii: "."), dots == length - 1, length <= 2 { dots += 1 }
                }
            }
            return length > 0 && length != dots
        }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
