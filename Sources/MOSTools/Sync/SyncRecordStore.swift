import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// Where state records live: one JSON file per server kind and URL in a folder (`--state-dir`).
public struct SyncRecordStore: Sendable {
    /// The folder.
    public var folder: String

    /// A store in `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// The record file for a server.
    public func path(server: MDMServerKind, url: String) -> String {
        "\(folder)/\(server.rawValue)-\(ContentHash.hex(url).prefix(16)).json"
    }

    /// The record for a server, or nil when there is none, it is unreadable or newer, or it names another server.
    public func load(server: MDMServerKind, url: String) -> SyncRecord? {
        guard let data = FileManager.default.contents(atPath: path(server: server, url: url)),
            let record = try? JSONDecoder().decode(SyncRecord.self, from: data),
            record.formatVersion <= SyncRecord.currentFormatVersion, record.server == server, record.url == url
        else { return nil }
        return record
    }

    /// Writes the record atomically.
    public func save(_ record: SyncRecord) throws(SyncFailure) {
        let target = path(server: record.server, url: record.url)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(CanonicalJSON.bytes(record)).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw .unreadable("cannot write the state record '\(target)': \(error.localizedDescription)")
        }
    }

    /// Removes the record before a sync writes, so a sync that fails half way leaves none and the next run
    /// observes the server in full.
    public func invalidate(server: MDMServerKind, url: String) throws(SyncFailure) {
        let target = path(server: server, url: url)
        guard FileManager.default.fileExists(atPath: target) else { return }
        do {
            try FileManager.default.removeItem(atPath: target)
        } catch {
            throw .unreadable("cannot remove the state record '\(target)': \(error.localizedDescription)")
        }
    }
}
