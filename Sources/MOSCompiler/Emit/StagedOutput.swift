internal import CExchange
import Foundation
public import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// A compile being written: files go straight into a staging folder beside the target as they are emitted, and
/// `commit()` swaps the finished folder in with one atomic exchange; `discard()` removes it. Memory holds one
/// cohort at a time instead of the whole tree (13× the YAML's bytes), and a compile that fails or is killed
/// leaves the previous output untouched. Made by `OutputWriter.stage(_:)`.
public struct StagedOutput: Sendable {
    /// The output folder the staging folder will replace (standardized).
    public let target: String
    /// The staging folder being filled.
    package let staging: String
    /// How many files were added.
    public private(set) var fileCount = 0
    /// Paths refused because they would leave the output folder (validation should make this impossible).
    public private(set) var rejectedPaths: [String] = []
    /// The folder of the last file written, relative: it and its ancestors exist.
    private var lastFolder: [UInt8] = []
    /// The target's parent folders this compile created, outermost first: a discarded compile removes them.
    let createdFolders: [String]

    package init(target: String, staging: String, createdFolders: [String] = []) {
        self.target = target
        self.staging = staging
        self.createdFolders = createdFolders
    }

    /// Writes a file into the staging folder, creating its folders; a later add of the same path replaces it.
    public mutating func add(_ path: String, _ bytes: [UInt8]) throws(CompilerError) {
        if try write(path, bytes, flags: O_TRUNC) { fileCount += 1 }
    }

    /// Appends to a file, creating it on first use (the manifest, written in chunks as cohorts are emitted).
    package mutating func append(_ path: String, _ bytes: [UInt8], creating: Bool) throws(CompilerError) {
        if try write(path, bytes, flags: creating ? O_TRUNC : O_APPEND), creating { fileCount += 1 }
    }

    /// Makes the staged tree the output folder in one step and removes the previous tree.
    public func commit() throws(CompilerError) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: target) else {
            guard rename(staging, target) == 0 else {
                let failure = String(cString: strerror(errno))
                discard()
                throw .writeFailed(target, failure)
            }
            return
        }
        if mosc_exchange_paths(staging, target) == 0 {
            try? fm.removeItem(atPath: staging)  // now holds the previous tree
            return
        }
        // The file system cannot exchange: move the old tree aside first (a short window without a tree, which
        // `OutputWriter` repairs on the next run if this one is killed inside it).
        let parent = (target as NSString).deletingLastPathComponent
        let old = (parent as NSString).appendingPathComponent(
            OutputWriter.stagingName(for: (target as NSString).lastPathComponent, kind: "old"))
        guard rename(target, old) == 0 else {
            let failure = String(cString: strerror(errno))
            discard()
            throw .writeFailed(target, failure)
        }
        guard rename(staging, target) == 0 else {
            let failure = String(cString: strerror(errno))
            _ = rename(old, target)
            throw .writeFailed(target, failure)
        }
        try? fm.removeItem(atPath: old)
    }

    /// Removes the staging folder, and the parent folders this compile created; the output folder stays as it
    /// was.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        OutputWriter.removeFolders(createdFolders)
    }

    /// Writes the bytes; false when the path was refused.
    private mutating func write(_ path: String, _ bytes: [UInt8], flags: Int32) throws(CompilerError) -> Bool {
        guard OutputTree.isSafe(path) else {
            rejectedPaths.append(path)
            return false
        }
        let full = "\(staging)/\(path)"
        let mode = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | flags
        try makeFolders(for: path)
        let fd = open(full, mode, 0o644)
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
        return true
    }

    /// Creates the folders `path` needs that are not known to exist. Files come a cohort at a time, so most
    /// share the last file's folder and need nothing; no set of created folders is kept, so memory stays flat.
    private mutating func makeFolders(for path: String) throws(CompilerError) {
        var path = path
        // The folders to create, as lengths of `path`'s prefix, outermost first (read from the bytes in place).
        let ends: [Int] = path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return [] }
            let folder = bytes[..<slash]
            if folder.elementsEqual(lastFolder) { return [] }
            let known = Self.sharedFolderLength(folder, lastFolder)
            lastFolder.removeAll(keepingCapacity: true)
            lastFolder.append(contentsOf: folder)
            // `known` may be the whole folder (it lies in the last one): then nothing is new.
            return (min(known + 1, slash)..<slash).filter { folder[$0] == UInt8(ascii: "/") }
                + (slash > known ? [slash] : [])
        }
        for end in ends {
            let created = staging + "/" + String(decoding: path.utf8.prefix(end), as: UTF8.self)
            if mkdir(created, 0o755) != 0, errno != EEXIST {
                // Not known to exist after all: the next file must try again.
                lastFolder.removeAll()
                throw .writeFailed(created, String(cString: strerror(errno)))
            }
        }
    }

    /// The length of the longest folder both relative folders lie in (0 when they share none).
    package static func sharedFolderLength<Folder: RandomAccessCollection<UInt8>>(_ a: Folder, _ b: [UInt8]) -> Int
    where Folder.Index == Int {
        var length = 0
        var index = 0
        let count = min(a.count, b.count)
        while index < count && a[a.startIndex + index] == b[index] {
            if b[index] == UInt8(ascii: "/") { length = index }
            index += 1
        }
        let aEnds = index == a.count || a[a.startIndex + index] == UInt8(ascii: "/")
        let bEnds = index == b.count || b[index] == UInt8(ascii: "/")
        return aEnds && bEnds ? index : length
    }
}
