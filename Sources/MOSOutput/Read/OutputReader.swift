import Foundation
public import MOSBasics

/// Reads a compile's output folder: the marker first (refusing a format newer than this mosc reads), then
/// `manifest.json`, then artifacts on demand. The one reader behind `diff`, `timeline`, `status` and `sync`.
public struct OutputReader: Sendable {
    /// The largest manifest read (64 MiB: 10,000 policies write about 54 MB).
    public static let maxManifestBytes = 64 << 20
    /// The largest artifact read.
    public static let maxArtifactBytes = 4 << 20

    /// The output folder.
    public var folder: String

    /// A reader of `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// Whether `path` is an output folder (it holds `manifest.json` or the marker) rather than policies.
    public static func isOutputFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        let fm = FileManager.default
        guard fm.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return false }
        return fm.fileExists(atPath: (path as NSString).appendingPathComponent("manifest.json"))
            || fm.fileExists(atPath: (path as NSString).appendingPathComponent(OutputMarker.fileName))
    }

    /// The folder's marker, refused when missing, not mosc's, or newer than this mosc reads.
    public func marker() throws(CompilerError) -> OutputMarker {
        guard let marker = OutputMarker.read(folder: folder) else {
            throw .unreadable(folder, "not a mosc output (no \(OutputMarker.fileName) or readable manifest.json)")
        }
        guard marker.generator == OutputMarker.generatorName else {
            throw .unreadable(folder, "written by '\(marker.generator)', not by mosc")
        }
        guard marker.formatVersion <= OutputManifest.currentFormatVersion else {
            throw .unreadable(
                folder,
                "output formatVersion \(marker.formatVersion) is newer than this mosc reads "
                    + "(\(OutputManifest.currentFormatVersion))")
        }
        return marker
    }

    /// Reads `manifest.json`, after checking the marker.
    public func manifest() throws(CompilerError) -> OutputManifest {
        _ = try marker()
        let path = (folder as NSString).appendingPathComponent("manifest.json")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .pathNotFound(path) }
        guard let bytes = readRegularFile(path, limit: Self.maxManifestBytes) else {
            throw .unreadable(path, "not a regular file of at most \(Self.maxManifestBytes) bytes")
        }
        var manifest: OutputManifest
        do {
            manifest = try JSONDecoder().decode(OutputManifest.self, from: Data(bytes))
        } catch {
            throw .unreadable(path, "not a mosc manifest")
        }
        // The marker and the manifest are written together; a manifest edited to a newer format is refused too.
        guard manifest.formatVersion <= OutputManifest.currentFormatVersion else {
            throw .unreadable(
                path,
                "manifest formatVersion \(manifest.formatVersion) is newer than this mosc reads "
                    + "(\(OutputManifest.currentFormatVersion))")
        }
        // Format 1 counted rings from 0.
        if manifest.formatVersion < 2 {
            for name in manifest.cohorts.keys { manifest.cohorts[name]?.ring += 1 }
        }
        return manifest
    }

    /// The bytes of the artifact at `path` (relative to the folder), or nil when it is missing, unsafe, not a
    /// regular file, or larger than ``maxArtifactBytes``.
    public func bytes(_ path: String) -> [UInt8]? {
        guard OutputTree.isSafe(path) else { return nil }
        return readRegularFile((folder as NSString).appendingPathComponent(path), limit: Self.maxArtifactBytes)
    }
}
