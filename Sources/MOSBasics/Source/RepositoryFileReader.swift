import Foundation

/// Reads a file of a repository besides its policies (the catalog its Settings pins), by its path relative to
/// the repository root: from a folder in the file system, or from a git tree for a `diff` side.
public struct RepositoryFileReader: Sendable {
    /// The bytes of the file at a root-relative path, or why it cannot be read.
    public var read: @Sendable (String) -> Result<[UInt8], CompilerError>

    /// A reader from a closure.
    public init(_ read: @escaping @Sendable (String) -> Result<[UInt8], CompilerError>) {
        self.read = read
    }

    /// The largest file read: far above any catalog (the bundled one is about 15 KB).
    public static let maxBytes = 4 << 20

    /// Reads regular files below `root` in the file system (anything else, such as a FIFO, is refused rather
    /// than waited on).
    public static func folder(_ root: String) -> RepositoryFileReader {
        RepositoryFileReader { relative in
            let path = root.isEmpty ? relative : "\(root)/\(relative)"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                return .failure(.pathNotFound(path))
            }
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                return .failure(.unreadable(path, "not a regular file"))
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(.unreadable(path, "permission denied"))
            }
            defer { try? handle.close() }
            guard let data = try? handle.read(upToCount: maxBytes + 1) else { return .success([]) }
            guard data.count <= maxBytes else { return .failure(.unreadable(path, "larger than \(maxBytes) bytes")) }
            return .success([UInt8](data))
        }
    }
}
