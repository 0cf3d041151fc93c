import Foundation

/// Environment failures: the only errors mosc throws. Problems in the input are diagnostics.
public enum CompilerError: Error, CustomStringConvertible, Sendable, Equatable {
    case pathNotFound(String)
    case unreadable(String, String)
    case outputRefused(String, String)
    case writeFailed(String, String)

    /// The message shown to the user.
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
        /// The file or folder the user named, when it is inside the repository rather than its root: only its
        /// diagnostics are shown, though the whole repository is read (its cohorts, its Settings).
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
            // A folder below the repository root (`policies/`) is read with the repository around it, as a file
            // is: alone, its policies would name cohorts that seem not to exist.
            let folder = Self.trimmed(path)
            let root = Self.repositoryRoot(around: folder)
            return try loadFolder(root, focus: root == folder ? nil : folder)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let root = Self.repositoryRoot(around: folder.isEmpty ? "." : folder)
        return try loadFolder(root, focus: path)
    }

    /// The nearest folder at or above `folder` holding a `Settings` document, else `folder`; stops at a git root.
    package static func repositoryRoot(around folder: String) -> String {
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
    package static func parentPath(of path: String) -> String {
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

    package static func isPolicyFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "." : path
    }

    private func loadFolder(_ root: String, focus: String?) throws(CompilerError) -> Loaded {
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var found: [(path: String, shown: String)] = []
        var diagnostics: [Diagnostic] = []
        // An explicit stack rather than recursion: no folder depth can overflow the Swift stack.
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        while let (relative, depth) = pending.popLast() {
            let folder = relative.isEmpty ? root : "\(root)/\(relative)"
            let names: [(name: String, type: UInt8)]
            do {
                names = try Self.entries(of: folder)
            } catch {
                if relative.isEmpty { throw .unreadable(root, "\(error.localizedDescription)") }
                diagnostics.append(
                    Diagnostic(.unreadableFile, "cannot read folder", at: SourceLocation(file: folder)))
                continue
            }
            var subfolders: [String] = []
            for (name, type) in names where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : "\(relative)/\(name)"
                let path = "\(root)/\(rel)"
                let shown = root == "." ? rel : path
                // One lstat per entry (and a stat for links), rather than FileManager's several calls: on a
                // repository of 100,000 files those calls cost more than reading the files.
                // The folder listing usually tells the type already (d_type), so most entries need no call.
                var isFolder = type == UInt8(DT_DIR)
                let isLink: Bool
                if type == UInt8(DT_REG) || type == UInt8(DT_DIR) {
                    isLink = false
                } else {
                    var status = stat()
                    guard lstat(path, &status) == 0 else { continue }
                    isLink = (status.st_mode & S_IFMT) == S_IFLNK
                    if isLink {
                        guard stat(path, &status) == 0 else { continue }  // a broken link: nothing to read
                    }
                    isFolder = (status.st_mode & S_IFMT) == S_IFDIR
                }
                if isLink {
                    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                    if !(target == realRoot || target.hasPrefix(realRoot + "/")) {
                        if isFolder || Self.isPolicyFileName(name) {
                            diagnostics.append(
                                Diagnostic(
                                    .symlinkOutsideRepository, "symbolic link leads outside the repository; skipped",
                                    at: SourceLocation(file: shown)))
                        }
                        continue
                    }
                    if isFolder { continue }  // linked folders inside the tree would be read twice
                }
                if isFolder {
                    if depth + 1 < maxFolderDepth { subfolders.append(rel) }
                    continue
                }
                guard Self.isPolicyFileName(name) else { continue }
                found.append((path, shown))
            }
            pending.append(contentsOf: subfolders.reversed().map { ($0, depth + 1) })
        }
        let paths = found.sorted { $0.shown < $1.shown }
        // Reading is independent per file: on every core, joined in path order.
        let maxBytes = maxFileBytes
        let read = inParallelChunks(paths, workers: defaultWorkerCount) {
            Self.readFile(path: $0.path, shown: $0.shown, maxBytes: maxBytes)
        }
        diagnostics += read.compactMap(\.problem)
        return Loaded(root: root, files: read.map(\.file), focus: focus, diagnostics: diagnostics)
    }

    /// A folder's entries with their `d_type`, sorted by name; throws FileManager's error when unreadable.
    private static func entries(of folder: String) throws -> [(name: String, type: UInt8)] {
        guard let directory = opendir(folder) else {
            // Let FileManager fail the same way to keep its message.
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { ($0, UInt8(DT_UNKNOWN)) }
        }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// A file's bytes, or empty contents and the problem when it cannot be opened.
    private static func readFile(path: String, shown: String, maxBytes: Int) -> (file: SourceFile, problem: Diagnostic?)
    {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return (
                SourceFile(path: shown, contents: []),
                Diagnostic(.unreadableFile, "cannot read file", at: SourceLocation(file: shown))
            )
        }
        defer { close(fd) }
        // Read one byte past the limit so the composer can report the size without holding a huge file.
        let limit = maxBytes + 1
        var status = stat()
        let expected = fstat(fd, &status) == 0 ? min(Int(status.st_size), limit) : 0
        // The file's size plus one byte, so the read that finds the end needs no second buffer (and a whole
        // repository of small files is held at its own size, not at a page per file).
        var bytes = [UInt8](repeating: 0, count: min(expected + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress.map { $0 + count }, min(buffer.count, limit) - count)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n < 0 { count = 0 }  // as before: an unreadable file reads as empty
                break
            }
            count += n
        }
        bytes.removeSubrange(count...)
        return (SourceFile(path: shown, contents: bytes), nil)
    }
}
