import Foundation

/// Every file path a `SourceLocation` has named in this process, each stored once.
///
/// Paths are only added, never removed: a process holds as many as the files it has read or reported on.
public final class FilePaths: @unchecked Sendable {
    /// A path's index in the table.
    public typealias ID = UInt32

    /// The process's table.
    public static let shared = FilePaths()

    // Guarded by `lock`; index 0 is the empty path.
    private let lock = NSLock()
    private var paths: [String] = [""]
    private var ids: [String: ID] = ["": 0]

    private init() {}

    /// The index of `path`, adding it when it is new.
    public func id(_ path: String) -> ID {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[path] { return id }
        let id = ID(truncatingIfNeeded: paths.count)
        paths.append(path)
        ids[path] = id
        return id
    }

    /// The path at `id` (the empty path for an index this table never gave out).
    public func path(_ id: ID) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(id) < paths.count ? paths[Int(id)] : ""
    }
}
