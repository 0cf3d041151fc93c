package import Foundation
public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Reads policy trees from a git repository's object store, never touching the working tree.
///
/// Runs `git` through `Process` with explicit arguments (no shell), each call `git -C <directory> …`.
public struct GitRepository: Sendable {
    /// The folder git runs in; its repository is the one read.
    public var directory: String
    /// The largest file read; bigger blobs are cut one byte past it, so the composer reports the size.
    public var maxFileBytes = InputLimits.defaults.maxFileBytes
    /// The most folders deep a tree is read.
    public var maxFolderDepth = 64

    /// A repository around `directory`.
    public init(directory: String = ".") {
        self.directory = directory
    }

    /// The full commit id `revision` names; a revision git does not know is a clear error.
    public func commit(_ revision: String) throws(CompilerError) -> String {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw .unreadable("git:\(revision)", "not a revision")
        }
        let result = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
        let sha = result.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !sha.isEmpty else {
            throw .unreadable(
                "git:\(revision)", "unknown revision '\(revision)' in the git repository at '\(directory)'")
        }
        return sha
    }

    /// The best common ancestor of two revisions (`git merge-base`).
    public func mergeBase(_ first: String, _ second: String) throws(CompilerError) -> String {
        let a = try commit(first)
        let b = try commit(second)
        let result = try run(["merge-base", a, b])
        let sha = result.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !sha.isEmpty else {
            throw .unreadable("git:\(second)", "'\(first)' and '\(second)' have no common ancestor")
        }
        return sha
    }

    /// The path of `folder` (a folder of the working tree) relative to the repository's top level: `""` for
    /// the top level itself.
    public func pathInRepository(_ folder: String) throws(CompilerError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .unreadable(folder, "not a folder")
        }
        let result = try Self(directory: folder).run(["rev-parse", "--show-prefix"])
        guard result.status == 0 else { throw .unreadable(folder, "not inside a git repository") }
        return Self.normalized(result.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
    }

    /// The `*.yaml`/`*.yml` files below `path` (relative to the top level; `""` for all) at `commit`, skipping
    /// hidden files and folders, symbolic links and submodules, as `RepositoryLoader` does on disk.
    /// - Returns: Each file's path relative to `path`, and its bytes, sorted by path.
    public func policyFiles(commit: String, path: String) throws(CompilerError) -> [(path: String, bytes: [UInt8])] {
        var arguments = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if !path.isEmpty { arguments += ["--", path] }
        let listing = try run(arguments)
        guard listing.status == 0 else { throw .unreadable("git:\(commit)", "cannot list '\(path)': \(listing.error)") }
        var wanted: [(path: String, object: String)] = []
        let prefix = path.isEmpty ? "" : path + "/"
        for entry in listing.output.split(separator: 0) {
            // `<mode> SP <type> SP <object> TAB <path>`
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = entry[..<tab].split(separator: UInt8(ascii: " "))
            let full = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 3, String(decoding: fields[1], as: UTF8.self) == "blob",
                String(decoding: fields[0], as: UTF8.self) != "120000", full.hasPrefix(prefix)
            else { continue }
            let relative = String(full.dropFirst(prefix.count))
            let parts = relative.split(separator: "/")
            guard let name = parts.last, parts.count <= maxFolderDepth, !parts.contains(where: { $0.hasPrefix(".") }),
                RepositoryLoader.isPolicyFileName(String(name))
            else { continue }
            wanted.append((relative, String(decoding: fields[2], as: UTF8.self)))
        }
        guard !wanted.isEmpty else { return [] }
        let input = Data(wanted.map(\.object).joined(separator: "\n").utf8 + [UInt8(ascii: "\n")])
        let batch = try run(["cat-file", "--batch"], input: input)
        guard batch.status == 0 else { throw .unreadable("git:\(commit)", "cannot read objects: \(batch.error)") }
        let blobs = try Self.parseBatch(batch.output, count: wanted.count, commit: commit)
        return zip(wanted, blobs).map { ($0.path, Array($1.prefix(maxFileBytes + 1))) }.sorted { $0.path < $1.path }
    }

    /// The bytes of one file of a commit (`git cat-file blob COMMIT:PATH`), at most `limit` bytes: the catalog a
    /// side's Settings pins.
    public func file(commit: String, path: String, limit: Int) throws(CompilerError) -> [UInt8] {
        let result = try run(["cat-file", "blob", "\(commit):\(path)"])
        guard result.status == 0 else { throw .unreadable("git:\(commit):\(path)", "no such file in the commit") }
        guard result.output.count <= limit else {
            throw .unreadable("git:\(commit):\(path)", "larger than \(limit) bytes")
        }
        return result.output
    }

    /// Splits `git cat-file --batch` output: per object `<oid> <type> <size>\n<bytes>\n`.
    static func parseBatch(_ output: [UInt8], count: Int, commit: String) throws(CompilerError) -> [ArraySlice<UInt8>] {
        var blobs: [ArraySlice<UInt8>] = []
        var index = output.startIndex
        while blobs.count < count {
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = output[index..<newline].split(separator: UInt8(ascii: " "))
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                newline + 1 + size <= output.endIndex
            else { throw .unreadable("git:\(commit)", "unexpected output from git cat-file") }
            blobs.append(output[(newline + 1)..<(newline + 1 + size)])
            index = newline + 1 + size + 1
        }
        guard blobs.count == count else { throw .unreadable("git:\(commit)", "git cat-file returned too few objects") }
        return blobs
    }

    /// A relative path without `.`/empty components, or nil when it is absolute or climbs with `..`.
    package static func normalized(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }

    package struct Result {
        package var status: Int32
        package var output: [UInt8]
        package var error: String
        package var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `git -C directory arguments…`; stdin is `input` (written from another thread so a full stdout
    /// pipe cannot deadlock the two), stderr goes to a temporary file.
    package func run(_ arguments: [String], input: Data? = nil) throws(CompilerError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("mosc-git-\(getpid())-\(UUID().uuidString).err").path
        guard FileManager.default.createFile(atPath: errorFile, contents: nil),
            let errorHandle = FileHandle(forWritingAtPath: errorFile)
        else { throw .unreadable("git", "cannot create a temporary file") }
        defer {
            try? errorHandle.close()
            try? FileManager.default.removeItem(atPath: errorFile)
        }
        let out = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do {
            try process.run()
        } catch {
            throw .unreadable("git", "cannot run git: \(error.localizedDescription)")
        }
        if let input {
            let writer = stdin.fileHandleForWriting
            Thread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }.start()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let error = (FileManager.default.contents(atPath: errorFile)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Result(
            status: process.terminationStatus, output: [UInt8](data),
            error: error.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
