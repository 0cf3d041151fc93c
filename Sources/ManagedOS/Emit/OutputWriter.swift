internal import CExchange
import Foundation

/// Writes an `OutputTree` so that the output folder is always a complete tree: the previous one or the new one.
///
/// The new tree is written with plain POSIX writes into a staging folder beside the target, then swapped in with
/// one atomic exchange (`renameat2(RENAME_EXCHANGE)` on Linux), and the old tree is removed afterwards. A compile
/// killed at any point leaves either tree at the target plus, at worst, a stale staging folder that the next
/// compile removes. Power-loss durability (fsync) is out of scope.
public struct OutputWriter: Sendable {
    /// The key in `manifest.json` that marks a folder as written by mosc.
    public static let markerKey = "generator"
    /// The marker's value.
    public static let markerValue = "mosc"

    /// A writer.
    public init() {}

    /// Writes `tree` to `folder`, refusing a non-empty folder that mosc did not create.
    public func write(_ tree: OutputTree, to folder: String) throws(CompilerError) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try checkTarget(target.path)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(parent.path, error.localizedDescription)
        }
        removeStaleStaging(in: parent.path, name: name)
        let staging = parent.appendingPathComponent(".\(name).mosc-staging-\(getpid())").path
        try? fm.removeItem(atPath: staging)
        do {
            try writeFiles(tree, into: staging)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        if fm.fileExists(atPath: target.path) {
            if mosc_exchange_paths(staging, target.path) == 0 {
                try? fm.removeItem(atPath: staging)  // now holds the previous tree
                return
            }
            // The file system cannot exchange: move the old tree aside first (a short window without a tree).
            let old = parent.appendingPathComponent(".\(name).mosc-old-\(getpid())").path
            guard rename(target.path, old) == 0 else {
                try? fm.removeItem(atPath: staging)
                throw .writeFailed(target.path, String(cString: strerror(errno)))
            }
            guard rename(staging, target.path) == 0 else {
                _ = rename(old, target.path)
                throw .writeFailed(target.path, String(cString: strerror(errno)))
            }
            try? fm.removeItem(atPath: old)
        } else if rename(staging, target.path) != 0 {
            try? fm.removeItem(atPath: staging)
            throw .writeFailed(target.path, String(cString: strerror(errno)))
        }
    }

    /// Refuses a target that exists and is a file, or a non-empty folder without mosc's manifest marker.
    func checkTarget(_ path: String) throws(CompilerError) {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .outputRefused(path, "it is a file") }
        let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty { return }
        let manifest = (path as NSString).appendingPathComponent("manifest.json")
        guard let data = fm.contents(atPath: manifest),
            let object = try? JSONDecoder().decode([String: JSONValue].self, from: data),
            object[Self.markerKey] == .string(Self.markerValue)
        else {
            throw .outputRefused(path, "the folder is not empty and was not written by mosc (no manifest.json marker)")
        }
    }

    /// Removes what killed runs left beside the target. When the fallback path was killed between its two
    /// renames, the target is missing and the previous tree sits complete in `.<name>.mosc-old-<pid>`: that
    /// tree is put back first, so even then a compile never ends with no tree at all.
    private func removeStaleStaging(in parent: String, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        let target = (parent as NSString).appendingPathComponent(name)
        if !fm.fileExists(atPath: target),
            let old = entries.sorted().first(where: { $0.hasPrefix(".\(name).mosc-old-") })
        {
            _ = rename((parent as NSString).appendingPathComponent(old), target)
        }
        for entry in entries
        where entry.hasPrefix(".\(name).mosc-staging-") || entry.hasPrefix(".\(name).mosc-old-") {
            let path = (parent as NSString).appendingPathComponent(entry)
            if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
        }
    }

    private func writeFiles(_ tree: OutputTree, into staging: String) throws(CompilerError) {
        var created: Set<String> = []
        var lastParent = ""
        guard mkdir(staging, 0o755) == 0 else { throw .writeFailed(staging, String(cString: strerror(errno))) }
        created.insert(staging)
        for path in tree.paths {
            guard OutputTree.isSafe(path), let bytes = tree.files[path] else { continue }
            let full = "\(staging)/\(path)"
            // Sorted paths put a folder's files together: walk the folders only when the parent is new.
            let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
            if !parent.isEmpty && parent != lastParent {
                var folder = staging
                for part in path.split(separator: "/").dropLast() {
                    folder += "/\(part)"
                    if created.insert(folder).inserted, mkdir(folder, 0o755) != 0, errno != EEXIST {
                        throw .writeFailed(folder, String(cString: strerror(errno)))
                    }
                }
                lastParent = parent
            }
            let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { throw .writeFailed(full, String(cString: strerror(errno))) }
            defer { close(fd) }
            let failure: Int32? = bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += n
                }
                return nil
            }
            if let failure { throw .writeFailed(full, String(cString: strerror(failure))) }
        }
    }
}
