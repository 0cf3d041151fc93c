import Foundation
import ManagedOS

/// What a compiled output folder holds, checked against its own `manifest.json`.
public struct OutputFolderCheck: Sendable {
    /// The manifest's `sourceDigest`, telling which input the tree was compiled from; nil without a manifest.
    public var sourceDigest: String?
    /// Everything wrong: a missing or unreadable manifest or marker, missing files, wrong hashes, extra files.
    public var problems: [String]

    /// Checks `folder`: every artifact the manifest lists exists with its SHA-256, and nothing else is there.
    public init(_ folder: URL) {
        problems = []
        let fm = FileManager.default
        guard let data = fm.contents(atPath: folder.appendingPathComponent("manifest.json").path) else {
            problems = ["no manifest.json"]
            return
        }
        guard let manifest = try? JSONDecoder().decode(OutputManifest.self, from: data) else {
            problems = ["manifest.json does not decode"]
            return
        }
        sourceDigest = manifest.sourceDigest
        var expected: [String: String] = [:]
        for cohort in manifest.cohorts.values {
            for artifact in cohort.artifacts { expected[artifact.path] = artifact.sha256 }
        }
        var found: Set<String> = []
        let enumerator = fm.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if relative == "manifest.json" { continue }
            if relative == OutputMarker.fileName {
                if OutputMarker.read(folder: folder.path) != OutputMarker.current { problems.append("wrong marker") }
                continue
            }
            found.insert(relative)
            guard let hash = expected[relative] else {
                problems.append("extra file \(relative)")
                continue
            }
            let bytes = fm.contents(atPath: path).map { [UInt8]($0) } ?? []
            if ContentHash.hex(bytes) != hash { problems.append("\(relative) does not match its sha256") }
        }
        for path in expected.keys.sorted() where !found.contains(path) {
            problems.append("missing \(path)")
        }
        if !fm.fileExists(atPath: folder.appendingPathComponent(OutputMarker.fileName).path) {
            problems.append("missing \(OutputMarker.fileName)")
        }
    }
}
