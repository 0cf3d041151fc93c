import Foundation

/// Environment failures: the only errors mosc throws. Problems in the input are diagnostics.
public enum CompilerError: Error, CustomStringConvertible, Sendable, Equatable {
    case pathNotFound(String)
    case unreadable(String, String)
    case outputRefused(String, String)
    case writeFailed(String, String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): "no such file or folder: '\(path)'"
        case .unreadable(let path, let why): "cannot read '\(path)': \(why)"
        case .outputRefused(let path, let why): "refusing to write '\(path)': \(why)"
        case .writeFailed(let path, let why): "cannot write '\(path)': \(why)"
        }
    }
}

/// Finds and reads a repository's policy files.
///
/// Every `*.yaml`/`*.yml` below the root, recursively and sorted; hidden files and folders are skipped, and so
/// are symbolic links that lead out of the repository.
public struct RepositoryLoader: Sendable {
    /// What was loaded: the root as shown, the files, and the file the user named (when not a folder).
    public struct Loaded: Sendable {
        /// The repository root, as it will be shown in diagnostics.
        public var root: String
        /// The files, sorted by path.
        public var files: [SourceFile]
        /// The file the user named, when they named a file rather than the repository.
        public var focus: String?
        /// Problems met while walking (unreadable files, links out of the tree).
        public var diagnostics: [Diagnostic]
    }

    /// The most folders deep the walk goes.
    public var maxFolderDepth = 64
    /// The largest file read; bigger ones are reported without being read in full. The hard cap rather than the
    /// default: a repository's Settings may raise the limit, and the composer reports the size either way.
    public var maxFileBytes = InputLimits.hardCaps.maxFileBytes

    /// A loader with default bounds.
    public init() {}

    /// Loads the repository at `path`: a folder, or a file inside a repository.
    public func load(_ path: String) throws(CompilerError) -> Loaded {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .pathNotFound(path)
        }
        if isFolder.boolValue {
            return try loadFolder(Self.trimmed(path), focus: nil)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let root = Self.repositoryRoot(around: folder.isEmpty ? "." : folder)
        return try loadFolder(root, focus: path)
    }

    /// The nearest folder at or above `folder` holding a `Settings` document, else `folder`; stops at a git root.
    static func repositoryRoot(around folder: String) -> String {
        var current = trimmed(folder)
        for _ in 0..<32 {
            if holdsSettings(current) { return current }
            if FileManager.default.fileExists(atPath: "\(current)/.git") { break }
            let parent = parentPath(of: current)
            let here = URL(fileURLWithPath: current).standardizedFileURL.path
            if here == "/" || URL(fileURLWithPath: parent).standardizedFileURL.path == here { break }
            current = parent
        }
        return trimmed(folder)
    }

    /// The parent folder, keeping a relative path relative: `a/b` → `a`, `a` → `.`, `.` → `..`, `..` → `../..`.
    static func parentPath(of path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        if let last = parts.last, last != ".", last != ".." {
            let rest = parts.dropLast().joined(separator: "/")
            return path.hasPrefix("/") ? "/" + rest : (rest.isEmpty ? "." : rest)
        }
        return path == "." ? ".." : "\(path)/.."
    }

    private static func holdsSettings(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        for name in names where isPolicyFileName(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("kind:") {
                if line.dropFirst(5).trimmingCharacters(in: .whitespaces).hasPrefix("Settings") { return true }
            }
        }
        return false
    }

    static func isPolicyFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "." : path
    }

    private func loadFolder(_ root: String, focus: String?) throws(CompilerError) -> Loaded {
        let fm = FileManager.default
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        // An explicit stack rather than recursion: no folder depth can overflow the Swift stack.
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        while let (relative, depth) = pending.popLast() {
            let folder = relative.isEmpty ? root : "\(root)/\(relative)"
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: folder).sorted()
            } catch {
                if relative.isEmpty { throw .unreadable(root, "\(error.localizedDescription)") }
                diagnostics.append(
                    Diagnostic(.unreadableFile, "cannot read folder", at: SourceLocation(file: folder)))
                continue
            }
            var subfolders: [String] = []
            for name in names where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : "\(relative)/\(name)"
                let path = "\(root)/\(rel)"
                let shown = root == "." ? rel : path
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                let attributes = try? fm.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                    if !(target == realRoot || target.hasPrefix(realRoot + "/")) {
                        if isFolder.boolValue || Self.isPolicyFileName(name) {
                            diagnostics.append(
                                Diagnostic(
                                    .symlinkOutsideRepository, "symbolic link leads outside the repository; skipped",
                                    at: SourceLocation(file: shown)))
                        }
                        continue
                    }
                    if isFolder.boolValue { continue }  // linked folders inside the tree would be read twice
                }
                if isFolder.boolValue {
                    if depth + 1 < maxFolderDepth { subfolders.append(rel) }
                    continue
                }
                guard Self.isPolicyFileName(name) else { continue }
                files.append(readFile(path: path, shown: shown, diagnostics: &diagnostics))
            }
            pending.append(contentsOf: subfolders.reversed().map { ($0, depth + 1) })
        }
        files.sort { $0.path < $1.path }
        return Loaded(root: root, files: files, focus: focus, diagnostics: diagnostics)
    }

    private func readFile(path: String, shown: String, diagnostics: inout [Diagnostic]) -> SourceFile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.append(Diagnostic(.unreadableFile, "cannot read file", at: SourceLocation(file: shown)))
            return SourceFile(path: shown, contents: [])
        }
        defer { try? handle.close() }
        // Read one byte past the limit so the composer can report the size without holding a huge file.
        let data = (try? handle.read(upToCount: maxFileBytes + 1)) ?? Data()
        return SourceFile(path: shown, contents: [UInt8](data))
    }
}
