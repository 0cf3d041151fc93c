import MOSBasics

/// How a compiled side is named: on `diff`'s command line, or by `--compiled` / `--policies` elsewhere.
public enum CompiledSideSpec: Sendable, Hashable, CustomStringConvertible {
    /// A folder in the file system: a policy repository (compiled in memory), or a compiled output folder
    /// (it holds `manifest.json`).
    case path(String)
    /// A folder that must be a compiled output (`--compiled DIR`).
    case output(String)
    /// A folder (or file) that must be policies, compiled in memory (`--policies PATH`).
    case policies(String)
    /// A policy tree read from git's object store: `git:REV` or `git:REV:path`, the path relative to the
    /// repository's top level. Without a path, the side takes the other side's folder.
    case git(revision: String, path: String?)
    /// The merge-base of `HEAD` and `revision`, at the folder of the working-tree path `path` (`diff --base`).
    case mergeBase(revision: String, path: String)

    /// Reads `git:REV`, `git:REV:path`, or anything else as a path.
    public static func parse(_ text: String) -> CompiledSideSpec {
        guard text.hasPrefix("git:") else { return .path(text) }
        let rest = text.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return .git(revision: String(rest), path: nil) }
        let path = String(rest[rest.index(after: colon)...])
        return .git(revision: String(rest[..<colon]), path: path.isEmpty ? nil : path)
    }

    /// The side as the user wrote it.
    public var description: String {
        switch self {
        case .path(let path), .output(let path), .policies(let path): path
        case .git(let revision, let path): path.map { "git:\(revision):\($0)" } ?? "git:\(revision)"
        case .mergeBase(let revision, let path): "merge-base of HEAD and \(revision) at \(path)"
        }
    }

    /// Why the spec cannot name a side, if it cannot: an empty revision, one that looks like an option, or a
    /// path that leaves the repository.
    public var problem: String? {
        switch self {
        case .git(let revision, let path):
            if revision.isEmpty { return "'\(self)' names no revision; write git:REV or git:REV:path" }
            if revision.hasPrefix("-") { return "revision '\(revision)' must not start with '-'" }
            if let path, GitRepository.normalized(path) == nil {
                return "path '\(path)' must be relative to the repository's top level and stay inside it"
            }
            return nil
        case .mergeBase(let revision, _):
            return revision.hasPrefix("-") ? "revision '\(revision)' must not start with '-'" : nil
        case .path, .output, .policies:
            return nil
        }
    }
}
