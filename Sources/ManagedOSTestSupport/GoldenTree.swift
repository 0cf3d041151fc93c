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
            if !fm.createFile(atPath: url.path, contents: Data(tree.files[path] ?? [])) {
                Issue.record("could not write \(url.path)", sourceLocation: sourceLocation)
            }
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
            "\(path) differs from its golden:\n\(TextDiff.unified(expected: want, actual: got))",
            sourceLocation: sourceLocation)
    }
}
