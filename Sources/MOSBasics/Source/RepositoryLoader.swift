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

    /// The most folders deep the walk goes: files in a folder 64 or more folders below the root are not read,
    /// and each such folder is reported (MOS504). Documented in policy-language.md §3.
    public var maxFolderDepth = 64
    /// The largest file read; bigger ones are reported without being read in full. The hard cap rather than the
    /// default: a repository's Settings may raise the limit, and the composer reports the size either way.
    public var maxFileBytes = InputLimits.hardCaps.maxFileBytes

    /// Whether a file holds a Settings document, which marks the repository's root. The parser decides it (the
    /// `RepositoryLoader()` that MOSCompiler adds passes its reading), so finding the root and parsing agree.
    public var holdsSettings: @Sendable (SourceFile) -> Bool

    /// A loader with default bounds that finds the root with `holdsSettings`.
    public init(holdsSettings: @escaping @Sendable (SourceFile) -> Bool) {
        self.holdsSettings = holdsSettings
    }

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
            let root = repositoryRoot(around: folder)
            return try loadFolder(root, focus: root == folder ? nil : folder)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let root = repositoryRoot(around: folder.isEmpty ? "." : folder)
        var loaded = try loadFolder(root, focus: path)
        // A named file the walk does not read (not a policy file name) is still refused when it is no regular
        // file, rather than reported on by nobody.
        var status = stat()
        if !Self.isPolicyFileName((path as NSString).lastPathComponent), stat(path, &status) == 0,
            let kind = RegularFile.kindName(status.st_mode)
        {
            loaded.diagnostics.append(
                Diagnostic(
                    .unreadableFile, "cannot read file: it is \(kind), not a regular file",
                    at: SourceLocation(file: path)))
        }
        return loaded
    }

    /// The nearest folder at or above `folder` holding a `Settings` document, else `folder`; stops at a git root.
    package func repositoryRoot(around folder: String) -> String {
        var current = Self.trimmed(folder)
        for _ in 0..<32 {
            if folderHoldsSettings(current) { return current }
            if FileManager.default.fileExists(atPath: "\(current)/.git") { break }
            let parent = Self.parentPath(of: current)
            let here = URL(fileURLWithPath: current).standardizedFileURL.path
            if here == "/" || URL(fileURLWithPath: parent).standardizedFileURL.path == here { break }
            current = parent
        }
        return Self.trimmed(folder)
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

    private func folderHoldsSettings(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        for name in names.sorted() where Self.isPolicyFileName(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            // Read as the walk reads: a FIFO or device named like a policy must not block the search for the root.
            guard case .success(let data) = RegularFile.read(path, limit: (1 << 20) + 1), data.count <= 1 << 20
            else { continue }
            if holdsSettings(SourceFile(path: path, contents: data)) { return true }
        }
        return false
    }

    /// Whether a name is a policy file's: `*.yaml` or `*.yml` in any letter case (`.YAML` is what some editors
    /// and Windows tools write), not hidden.
    package static func isPolicyFileName(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lowered = name.utf8.suffix(5).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return lowered.elementsEqual(".yaml".utf8) || lowered.suffix(4).elementsEqual(".yml".utf8)
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "." : path
    }

    /// One folder of the walk: its path below the root as bytes and as shown, and its depth.
    private struct Folder: Sendable {
        var raw: [UInt8]
        var shown: String
        var depth: Int
    }

    /// What listing one folder found: its policy files (read), its subfolders, and the problems met.
    private struct Listing: Sendable {
        var files: [(file: SourceFile, problem: Diagnostic?)] = []
        var subfolders: [Folder] = []
        var diagnostics: [Diagnostic] = []
        /// Why the root could not be listed (the walk then fails; another folder is a diagnostic).
        var rootFailure: String?
    }

    private func loadFolder(_ root: String, focus: String?) throws(CompilerError) -> Loaded {
        let rawRoot = Array(root.utf8)
        let realRoot = Self.realPath(rawRoot) ?? rawRoot
        var files: [(file: SourceFile, problem: Diagnostic?)] = []
        var listings: [(folder: [UInt8], diagnostics: [Diagnostic])] = []
        // Folders are listed a level at a time, every folder of a level on every core, and each folder's policy
        // files are read by the thread that listed it: walked on one thread, the folders' system calls were a
        // third of loading a large repository. Levels rather than recursion: no depth can overflow the stack.
        var level = [Folder(raw: [], shown: "", depth: 0)]
        while !level.isEmpty {
            let current = level
            let listed = inParallel(current.count, workers: defaultWorkerCount) { index in
                list(current[index], root: root, rawRoot: rawRoot, realRoot: realRoot)
            }
            if let failure = listed.first?.rootFailure { throw .unreadable(root, failure) }
            level = []
            for (folder, listing) in zip(current, listed) {
                level += listing.subfolders
                files += listing.files
                if !listing.diagnostics.isEmpty { listings.append((folder.raw, listing.diagnostics)) }
            }
        }
        // The walk's problems in the order a depth-first walk by name meets them, then the files' in path order:
        // the order does not depend on how a level was shared among the threads.
        listings.sort { Self.walkOrder($0.folder, $1.folder) }
        var diagnostics = listings.flatMap(\.diagnostics)
        files.sort { $0.file.path < $1.file.path }
        diagnostics += files.compactMap(\.problem)
        return Loaded(root: root, files: files.map(\.file), focus: focus, diagnostics: diagnostics)
    }

    /// Whether folder `a` comes before folder `b` in a depth-first walk that takes names in byte order.
    private static func walkOrder(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let slash = UInt8(ascii: "/")
        return a.split(separator: slash).lexicographicallyPrecedes(b.split(separator: slash)) {
            $0.lexicographicallyPrecedes($1)
        }
    }

    /// Lists one folder of the walk and reads its policy files.
    private func list(_ folder: Folder, root: String, rawRoot: [UInt8], realRoot: [UInt8]) -> Listing {
        let relative = folder.raw
        let shownRelative = folder.shown
        do {
            return try Self.withEntries(of: relative.isEmpty ? rawRoot : rawRoot + [UInt8(ascii: "/")] + relative) {
                classify($0, in: $1, of: folder, root: root, rawRoot: rawRoot, realRoot: realRoot)
            }
        } catch {
            var listing = Listing()
            if relative.isEmpty {
                listing.rootFailure = "\(error.localizedDescription)"
            } else {
                listing.diagnostics.append(
                    Diagnostic(
                        .unreadableFile, "cannot read folder",
                        at: SourceLocation(file: root == "." ? shownRelative : "\(root)/\(shownRelative)")))
            }
            return listing
        }
    }

    /// Sorts a folder's entries (`folderFD`: the open folder, or -1) into policy files, read, and subfolders.
    private func classify(
        _ names: [(name: [UInt8], type: UInt8)], in folderFD: Int32, of folder: Folder, root: String,
        rawRoot: [UInt8], realRoot: [UInt8]
    ) -> Listing {
        let relative = folder.raw
        let shownRelative = folder.shown
        let depth = folder.depth
        var listing = Listing()
        for (name, type) in names where name.first != UInt8(ascii: ".") {
            let rel = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            let shownName = FileNameText.shown(name)
            let shownRel = shownRelative.isEmpty ? shownName : "\(shownRelative)/\(shownName)"
            // The path from the root is built only where a call needs it: most files are opened by name.
            var path: [UInt8] { rawRoot + [UInt8(ascii: "/")] + rel }
            let shown = root == "." ? shownRel : "\(root)/\(shownRel)"
            let isPolicy = Self.isPolicyFileName(shownName)
            // One lstat per entry (and a stat for links), rather than FileManager's several calls: on a
            // repository of 100,000 files those calls cost more than reading the files.
            // The folder listing usually tells the type already (d_type), so most entries need no call.
            var mode: mode_t = type == UInt8(DT_DIR) ? S_IFDIR : S_IFREG
            var isLink = false
            if type != UInt8(DT_REG) && type != UInt8(DT_DIR) {
                var status = stat()
                guard Self.withCString(path, { lstat($0, &status) }) == 0 else { continue }
                mode = status.st_mode & S_IFMT
                isLink = mode == S_IFLNK
                if isLink {
                    guard Self.withCString(path, { stat($0, &status) }) == 0 else {
                        // A link that leads nowhere or loops: a renamed or moved policy must not drop out
                        // of the repository without a word, so a policy-named one is an error.
                        let failure = errno
                        if isPolicy {
                            let why =
                                failure == ELOOP
                                ? "symbolic link loops" : "symbolic link leads nowhere (its target does not exist)"
                            listing.diagnostics.append(
                                Diagnostic(
                                    .unreadableFile, "cannot read file: \(why)", at: SourceLocation(file: shown),
                                    hint: "remove the link or point it at the policy file's new place"))
                        }
                        continue
                    }
                    mode = status.st_mode & S_IFMT
                }
            }
            let isFolder = mode == S_IFDIR
            if isLink && isPolicy && !isFolder && mode != S_IFREG {
                // A link to a device or FIFO is refused as the device itself is, wherever it leads.
                let refusal = RegularFile.kindName(mode).map { "it is \($0), not a regular file" }
                listing.files.append(
                    readFile(shown: shown, refusal: refusal) { RegularFile.read(rawPath: path, limit: $0) })
                continue
            }
            if isLink {
                let linkPath = path
                let target = Self.realPath(linkPath) ?? linkPath
                let inside =
                    target == realRoot
                    || (target.starts(with: realRoot)
                        && (realRoot == [UInt8(ascii: "/")] || target[realRoot.count] == UInt8(ascii: "/")))
                if !inside {
                    if isFolder || isPolicy {
                        listing.diagnostics.append(
                            Diagnostic(
                                .symlinkOutsideRepository, "symbolic link leads outside the repository; skipped",
                                at: SourceLocation(file: shown)))
                    }
                    continue
                }
                if isFolder { continue }  // linked folders inside the tree would be read twice
            }
            if isFolder {
                if depth + 1 < maxFolderDepth {
                    listing.subfolders.append(Folder(raw: rel, shown: shownRel, depth: depth + 1))
                } else {
                    listing.diagnostics.append(
                        Diagnostic(
                            .folderTooDeep,
                            "folder is \(depth + 1) folders below the repository root; mosc reads at most \(maxFolderDepth - 1), so its files are not read",
                            at: SourceLocation(file: shown)))
                }
                continue
            }
            guard isPolicy else { continue }
            // A FIFO would block the read forever, a device read as empty or endless: regular files only.
            let refusal = mode == S_IFREG ? nil : RegularFile.kindName(mode).map { "it is \($0), not a regular file" }
            // Opened by name in the open folder, not by path: the kernel looks up one name rather than every
            // folder from the root down, which was most of the system time of reading a large repository.
            listing.files.append(
                readFile(shown: shown, refusal: refusal) { limit in
                    isLink || folderFD < 0
                        ? RegularFile.read(rawPath: path, limit: limit)
                        : RegularFile.read(in: folderFD, name: name, limit: limit)
                })
        }
        return listing
    }

    /// Calls `body` with `path` as a NUL-terminated C string.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                // The buffer holds at least the terminating NUL, so it has an address.
                guard let base = characters.baseAddress else { return "".withCString(body) }
                return body(base)
            }
        }
    }

    /// The canonical absolute path (links resolved) of `path`, as bytes; nil when it cannot be resolved.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved))).map { UInt8(bitPattern: $0) }
    }

    /// `body` applied to a folder's entries with their `d_type`, sorted by name, and the open folder's descriptor
    /// (-1 when only FileManager could list it); throws FileManager's error when unreadable.
    private static func withEntries<Result>(
        of folder: [UInt8], _ body: ([(name: [UInt8], type: UInt8)], Int32) -> Result
    ) throws -> Result {
        guard let directory = withCString(folder, { opendir($0) }) else {
            // Let FileManager fail the same way to keep its message.
            let path = String(decoding: folder, as: UTF8.self)
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
                (Array($0.utf8), UInt8(DT_UNKNOWN))
            }
            return body(names, -1)
        }
        defer { closedir(directory) }
        var entries: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    Array(
                        UnsafeBufferPointer(
                            start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return body(entries.sorted { $0.name.lexicographicallyPrecedes($1.name) }, dirfd(directory))
    }

    /// A file's bytes as `read` reads them (at most the limit it is given), or empty contents and the problem when
    /// it is refused (not a regular file) or cannot be read.
    private func readFile(
        shown: String, refusal: String?, _ read: (_ limit: Int) -> Result<[UInt8], RegularFile.Refusal>
    ) -> (file: SourceFile, problem: Diagnostic?) {
        // Read one byte past the limit so the composer can report the size without holding a huge file.
        let result = refusal.map { .failure(RegularFile.Refusal(reason: $0)) } ?? read(maxFileBytes + 1)
        switch result {
        case .success(let bytes):
            return (SourceFile(path: shown, contents: bytes), nil)
        case .failure(let refusal):
            let problem = Diagnostic(
                .unreadableFile, "cannot read file: \(refusal.reason)", at: SourceLocation(file: shown))
            return (SourceFile(path: shown, contents: []), problem)
        }
    }
}
