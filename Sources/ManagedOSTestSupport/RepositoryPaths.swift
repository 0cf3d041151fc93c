import Foundation

/// Paths of the source tree, found from this file's location, for tests that read `examples/` or fixtures.
public enum RepositoryPaths {
    /// The package root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `examples/` in the package.
    public static var examples: URL { root.appendingPathComponent("examples") }

    /// The read-only `shared/` folder beside the repository, when present (`../shared`).
    public static var shared: URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The instant the examples are validated at.
    public static let examplesNow = "2026-11-25T12:00:00Z"

    /// The folders directly inside `folder`, sorted.
    public static func subfolders(of folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
                isFolder.boolValue
            else { return nil }
            return url
        }
    }
}
