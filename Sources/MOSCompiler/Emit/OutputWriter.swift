import Foundation
public import MOSBasics
import MOSDomain
public import MOSOutput
import MOSYAML

/// Writes an output folder so that it is always a complete tree: the previous one or the new one. An `OutputTree`
/// is written at once; a streamed compile fills the `StagedOutput` that `stage(_:)` returns.
///
/// The new tree is written with plain POSIX writes into a staging folder beside the target, then swapped in with
/// one atomic exchange (`renameat2(RENAME_EXCHANGE)` on Linux), and the old tree is removed afterwards. A compile
/// killed at any point leaves either tree at the target plus, at worst, a stale staging folder that the next
/// compile removes. Power-loss durability (fsync) is out of scope.
public struct OutputWriter: Sendable {
    /// A writer.
    public init() {}

    /// Writes `tree` to `folder`, refusing a non-empty folder that mosc did not create.
    public func write(_ tree: OutputTree, to folder: String) throws(CompilerError) {
        var staged = try stage(folder)
        do {
            for path in tree.paths {
                guard let bytes = tree.files[path] else { continue }
                try staged.add(path, bytes)
            }
        } catch {
            staged.discard()
            throw error
        }
        try staged.commit()
    }

    /// Starts writing `folder`: refuses a non-empty folder that mosc did not create, repairs and removes what
    /// killed runs left beside it, and returns an empty staging folder to fill and then commit or discard.
    ///
    /// A `folder` that is a symbolic link (`current -> releases/7`) is kept: the folder it leads to is the one
    /// replaced, staged beside it and exchanged there, so the link still leads to the new tree.
    public func stage(_ folder: String) throws(CompilerError) -> StagedOutput {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: try Self.followingLinks(folder)).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try checkTarget(target.path)
        let created = try Self.makeFolders(parent.path)
        removeStaleStaging(in: parent.path, name: name)
        let staging = parent.appendingPathComponent(Self.stagingName(for: name, kind: "staging")).path
        try? fm.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            let failure = String(cString: strerror(errno))
            Self.removeFolders(created)
            throw .writeFailed(staging, failure)
        }
        return StagedOutput(target: target.path, staging: staging, createdFolders: created)
    }

    /// The name of a staging (`kind` "staging") or old (`kind` "old") folder beside the target `name`:
    /// `.<name>.mosc-<kind>-<pid>`, with the name replaced by a hash when it is long, so a target name of up to
    /// 255 bytes (the usual limit) still has a staging name that fits.
    static func stagingName(for name: String, kind: String) -> String {
        "\(stagingPrefix(for: name, kind: kind))\(getpid())"
    }

    /// What every staging or old folder of `name` starts with.
    static func stagingPrefix(for name: String, kind: String) -> String {
        guard name.utf8.count > 200 else { return ".\(name).mosc-\(kind)-" }
        // FNV-1a over the name's bytes: stable across runs and platforms, unlike `hashValue`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return ".mosc-\(String(hash, radix: 16)).mosc-\(kind)-"
    }

    /// Follows `path` while it is a symbolic link (relative links from the link's folder); the first path that
    /// is not a link, whether it exists or not. A loop is refused.
    static func followingLinks(_ path: String) throws(CompilerError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                throw .outputRefused(path, "cannot read the symbolic link '\(current)'")
            }
            current =
                destination.hasPrefix("/")
                ? destination
                : ((current as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(destination)
        }
        throw .outputRefused(path, "it is a symbolic link that loops")
    }

    /// Creates `folder` and the parents it lacks; returns those created, outermost first. On failure the
    /// ones created are removed again, so a refused path leaves nothing behind.
    static func makeFolders(_ folder: String) throws(CompilerError) -> [String] {
        var missing: [String] = []
        var current = folder
        var status = stat()
        while !current.isEmpty, current != "/", lstat(current, &status) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for path in missing.reversed() {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                let failure = String(cString: strerror(errno))
                removeFolders(created)
                throw .writeFailed(path, failure)
            }
            created.append(path)
        }
        return created
    }

    /// Removes folders `makeFolders` created, innermost first, if they are still empty.
    static func removeFolders(_ created: [String]) {
        for path in created.reversed() { rmdir(path) }
    }

    /// Whether `folder` exists and holds anything (a previous output).
    public static func holdsFiles(_ folder: String) -> Bool {
        !((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty
    }

    /// Refuses a target that exists and is a file, or a non-empty folder without mosc's marker (`OutputMarker`).
    func checkTarget(_ path: String) throws(CompilerError) {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .outputRefused(path, "it is a file") }
        let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty { return }
        guard OutputMarker.isMoscOutput(path) else {
            throw .outputRefused(
                path, "the folder is not empty and was not written by mosc (no \(OutputMarker.fileName) marker)")
        }
    }

    /// Removes what killed runs left beside the target. When the fallback path was killed between its two
    /// renames, the target is missing and the previous tree sits complete in `.<name>.mosc-old-<pid>`: that
    /// tree is put back first, so even then a compile never ends with no tree at all.
    private func removeStaleStaging(in parent: String, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        let target = (parent as NSString).appendingPathComponent(name)
        let oldPrefix = Self.stagingPrefix(for: name, kind: "old")
        let stagingPrefix = Self.stagingPrefix(for: name, kind: "staging")
        if !fm.fileExists(atPath: target), let old = entries.sorted().first(where: { $0.hasPrefix(oldPrefix) }) {
            _ = rename((parent as NSString).appendingPathComponent(old), target)
        }
        for entry in entries where entry.hasPrefix(stagingPrefix) || entry.hasPrefix(oldPrefix) {
            let path = (parent as NSString).appendingPathComponent(entry)
            if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
        }
    }
}
