import Foundation
import ManagedOS
import Testing

/// Compares an emitted tree with a folder of expected files, byte for byte; extra or missing files fail.
///
/// Re-record with `RECORD_GOLDENS=1 swift test --filter <Suite>`: the folder is rewritten and the test then fails
/// with "recorded new golden", so a recording run never passes silently. Review the change with `git diff`.
public func expectGoldenTree(
    _ tree: OutputTree, matches folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let fm = FileManager.default
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        try? fm.removeItem(at: folder)
        for path in tree.paths {
            let url = folder.appendingPathComponent(path)
            try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            fm.createFile(atPath: url.path, contents: Data(tree.files[path] ?? []))
        }
        Issue.record("recorded new golden at \(folder.path)", sourceLocation: sourceLocation)
        return
    }
    var expected: [String: [UInt8]] = [:]
    if let enumerator = fm.enumerator(atPath: folder.path) {
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            if fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                expected[relative] = [UInt8](fm.contents(atPath: url.path) ?? Data())
            }
        }
    }
    let missing = Set(expected.keys).subtracting(tree.files.keys).sorted()
    let extra = Set(tree.files.keys).subtracting(expected.keys).sorted()
    for path in missing { Issue.record("golden file not emitted: \(path)", sourceLocation: sourceLocation) }
    for path in extra { Issue.record("emitted file has no golden: \(path)", sourceLocation: sourceLocation) }
    for path in tree.paths where expected[path] != nil && expected[path] != tree.files[path] {
        let want = String(decoding: expected[path] ?? [], as: UTF8.self)
        let got = String(decoding: tree.files[path] ?? [], as: UTF8.self)
        Issue.record(
            "\(path) differs from its golden:\n\(TextDiff.unified(want, got))", sourceLocation: sourceLocation)
    }
}

/// A small line diff for failure messages: lines only in the expected text start with `-`, only in the actual `+`.
public enum TextDiff {
    /// The differing lines of `expected` and `actual`, in order, with a little context.
    public static func unified(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        // Longest common subsequence table; golden files are small.
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                i += 1
                j += 1
            } else if j < b.count && (i == a.count || lcs[i][j + 1] >= lcs[i + 1][j]) {
                out.append("+\(b[j])")
                j += 1
            } else {
                out.append("-\(a[i])")
                i += 1
            }
        }
        return out.prefix(80).joined(separator: "\n")
    }
}
