import Foundation
public import MOSBasics
public import MOSCompiler
public import MOSDomain
public import MOSOutput
import MOSYAML

/// A compiled output as its consumers read it (`diff`, `timeline`, `status`, `sync`, `export`): the manifest and
/// access to its files, plus what the policies say when the side was compiled from them.
public struct CompiledSide: Sendable {
    /// Where the side came from.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A policy folder in the file system, compiled in memory.
        case policies
        /// A compiled output folder, read as it is.
        case compiled
        /// A policy tree read from git, compiled in memory.
        case git
    }

    /// Where a cohort's enforcement is written in the policies, for pointing risk flags at a line.
    public struct SourcePlaces: Sendable, Hashable {
        /// The cohort's entry in the policy's `cohorts:` list.
        public var reference: SourceLocation
        /// Its deadline: the entry's own override, else the policy's `deadline:`.
        public var deadline: SourceLocation
        /// The policy's `target.version`.
        public var target: SourceLocation
    }

    /// How the side was named.
    public var label: String
    /// What kind of side it is.
    public var kind: Kind
    /// The manifest (compiled in memory, or read from `manifest.json`).
    public var manifest: OutputManifest
    /// The files: emitted again from the plan, or read from the output folder, on demand.
    package var files: Files
    /// `minimumNotice` of the policies' Settings (nil for a compiled side, or when not set); 0 switches it off.
    public var minimumNoticeSeconds: Int64?
    /// Per cohort, where its enforcement is written (policy sides only).
    public var places: [String: SourcePlaces]
    /// What the side's validation said about its catalog (MOS280, MOS281), for the command to say once per run.
    public var catalogDiagnostics: [Diagnostic] = []
    /// The catalog a policy side was compiled with (its pinned one, if any), for release dates on the timeline;
    /// nil for a compiled folder.
    public var catalog: OSCatalog?

    /// Where the side's files live.
    package enum Files: Sendable {
        case folder(String)
        case planned(PlannedOutput)
    }

    /// A side compiled to its manifest, whose files are emitted again when compared.
    public init(
        label: String, kind: Kind, manifest: OutputManifest, files: PlannedOutput,
        minimumNoticeSeconds: Int64? = nil, places: [String: SourcePlaces] = [:]
    ) {
        self.label = label
        self.kind = kind
        self.manifest = manifest
        self.files = .planned(files)
        self.minimumNoticeSeconds = minimumNoticeSeconds
        self.places = places
    }

    /// A compiled output folder whose manifest has been read.
    public init(compiledFolder folder: String, label: String, manifest: OutputManifest) {
        self.label = label
        self.kind = .compiled
        self.manifest = manifest
        self.files = .folder(folder)
        self.minimumNoticeSeconds = nil
        self.places = [:]
    }

    /// The bytes of an artifact (a path relative to the output folder), or nil when it is missing or unreadable.
    public func bytes(_ path: String) -> [UInt8]? {
        switch files {
        case .planned(let planned):
            return planned.file(path)
        case .folder(let folder):
            return OutputReader(folder: folder).bytes(path)
        }
    }

    /// Decodes a JSON artifact, or nil when it is missing or not that shape.
    public func decodeJSON<T: Decodable>(_ type: T.Type, _ path: String) -> T? {
        guard let bytes = bytes(path) else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(bytes))
    }

    /// Decodes a property-list artifact, or nil when it is missing or not that shape.
    public func decodePlist<T: Decodable>(_ type: T.Type, _ path: String) -> T? {
        guard let bytes = bytes(path) else { return nil }
        return try? PropertyListDecoder().decode(T.self, from: Data(bytes))
    }

    /// Where a file of the side is shown in messages: `<folder>/manifest.json` for a compiled side.
    var manifestLocation: SourceLocation? {
        if case .folder(let folder) = files { return SourceLocation(file: "\(folder)/manifest.json") }
        return nil
    }
}
