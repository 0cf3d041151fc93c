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
    public func stage(_ folder: String) throws(CompilerError) -> StagedOutput {
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
        guard mkdir(staging, 0o755) == 0 else { throw .writeFailed(staging, String(cString: strerror(errno))) }
        return StagedOutput(target: target.path, staging: staging)
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
}
