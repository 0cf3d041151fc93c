import Foundation
import Testing

/// A file in the source tree that a test's output must equal byte for byte (swift-argument-parser's
/// `assertSnapshot`). With the recording variable set to `1` the test writes the file instead and then fails
/// with "recorded new golden", so a recording run never passes silently: review the change with `git diff`.
public struct GoldenFile: Sendable {
    /// The file's location.
    public var url: URL
    /// The environment variable that switches to recording (`RECORD_GOLDENS`, or `RECORD_SPECS` for specs/).
    public var recordVariable: String

    /// A golden file at `url`, re-recorded when `recordVariable` is `1`.
    public init(_ url: URL, recordVariable: String = "RECORD_GOLDENS") {
        self.url = url
        self.recordVariable = recordVariable
    }

    /// A golden file at `path` relative to the package root.
    public init(packagePath path: String, recordVariable: String = "RECORD_GOLDENS") {
        self.init(RepositoryPaths.root.appendingPathComponent(path), recordVariable: recordVariable)
    }

    /// Whether this run records instead of comparing.
    public var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// The path shown in messages: relative to the package root when inside it.
    public var shownPath: String {
        let root = RepositoryPaths.root.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }

    /// Records an issue unless `actual` equals the file; when recording, writes `actual` and records an issue.
    public func expectMatches(_ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "recorded new golden \(shownPath); review it with git diff and rerun without \(recordVariable)",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden \(shownPath): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "golden \(shownPath) does not exist; record it with \(recordVariable)=1", sourceLocation: sourceLocation
            )
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record(
            """
            \(shownPath) is not current (- golden, + actual); re-record with \(recordVariable)=1:
            \(TextDiff.unified(expected: expected, actual: actual))
            """,
            sourceLocation: sourceLocation)
    }
}
