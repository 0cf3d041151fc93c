/// The files of one run by ID: what a `SourceMark` names. Each run (a validate, a compile, one side of a diff)
/// has its own, made as it reads its files; nothing is shared between runs or kept after them.
public struct SourceTable: Sendable, Hashable {
    // Index 0 is no file.
    private var paths: [String] = [""]
    private var ids: [String: SourceMark.FileID] = [:]

    /// An empty table.
    public init() {}

    /// A table listing `paths` in order (IDs 1, 2, …), so that marks order as the paths were read.
    public init(_ paths: [String]) {
        reserveCapacity(paths.count)
        for path in paths { _ = id(for: path) }
    }

    /// Makes room for `count` more files.
    package mutating func reserveCapacity(_ count: Int) {
        paths.reserveCapacity(paths.count + count)
        ids.reserveCapacity(ids.count + count)
    }

    /// The ID of `path`, adding it when it is new.
    public mutating func id(for path: String) -> SourceMark.FileID {
        if let id = ids[path] { return id }
        let id = SourceMark.FileID(truncatingIfNeeded: paths.count)
        paths.append(path)
        ids[path] = id
        return id
    }

    /// Whether `id` names a file of this table.
    public func contains(_ id: SourceMark.FileID) -> Bool {
        id != 0 && Int(id) < paths.count
    }

    /// The path of `id`; empty for no file or an ID this table did not give.
    public func path(_ id: SourceMark.FileID) -> String {
        Int(id) < paths.count ? paths[Int(id)] : ""
    }

    /// `mark` as a location that names its file.
    public func location(_ mark: SourceMark) -> SourceLocation {
        SourceLocation(file: path(mark.fileID), line: mark.line, column: mark.column)
    }

    /// `mark` as a location that names its file; nil for nil.
    public func location(_ mark: SourceMark?) -> SourceLocation? {
        mark.map(location)
    }
}
