public import MOSBasics

/// Where the OS release catalog of a run comes from.
public enum CatalogOrigin: Sendable, Hashable {
    /// The catalog built into mosc: it changes when mosc is rebuilt.
    case bundled
    /// `--catalog FILE` on the command line; it overrides a catalog pinned in the repository.
    case commandLine(path: String)
    /// The file named by `catalog:` in the repository's Settings, as read (its bytes join the source digest).
    case pinned(SourceFile)

    /// Whether the catalog is the repository's own.
    public var isPinned: Bool {
        if case .pinned = self { return true }
        return false
    }

    /// How the catalog is named in messages: `mosc's bundled catalog`, `--catalog FILE`, `pinned catalog FILE`.
    public var label: String {
        switch self {
        case .bundled: "mosc's bundled catalog"
        case .commandLine(let path): "--catalog \(path)"
        case .pinned(let file): "pinned catalog \(file.path)"
        }
    }
}
