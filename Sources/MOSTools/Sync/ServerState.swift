import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// What mosc owns on one server, as last observed: its declarations (with the compiled content they are known to
/// hold), its sets' members, its enrollments' sets, and the command sendings NanoMDM has taken.
public struct ServerState: Sendable, Hashable, Codable {
    /// One owned declaration on the server.
    public struct Declaration: Sendable, Hashable, Codable {
        /// The SHA-256 of the compiled file the server is known to hold; empty when its content differs or is
        /// unknown.
        public var sha256: String
        /// The declaration's Type, when known.
        public var type: String?
    }

    /// Owned declarations by Identifier.
    public var declarations: [String: Declaration] = [:]
    /// Owned sets and their members, sorted.
    public var sets: [String: [String]] = [:]
    /// Enrollments mosc manages and the owned sets each is assigned to, sorted.
    public var enrollments: [String: [String]] = [:]
    /// The per-sending CommandUUIDs known to be on the server's queue.
    public var sent: Set<String> = []

    /// An empty state.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case declarations, sets, enrollments, sent
    }

    /// Encodes the state, the sendings sorted so equal states give equal records.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(declarations, forKey: .declarations)
        try container.encode(sets, forKey: .sets)
        try container.encode(enrollments, forKey: .enrollments)
        try container.encode(sent.sorted(), forKey: .sent)
    }

    /// Whether mosc owns nothing on the server.
    public var isEmpty: Bool {
        declarations.isEmpty && sets.isEmpty && enrollments.values.allSatisfy(\.isEmpty)
    }
}

/// The state record of the last successful sync to one server, kept so a sync with nothing to do costs two
/// requests: it is trusted only while the server's owned declarations and sets are exactly the ones recorded.
public struct SyncRecord: Sendable, Hashable, Codable {
    /// The record format; a newer one is ignored (full observation instead).
    public static let currentFormatVersion = 1

    /// The record format.
    public var formatVersion: Int
    /// The server kind.
    public var server: MDMServerKind
    /// The server URL.
    public var url: String
    /// The identifier prefix and set prefix the state was observed with.
    public var identifierPrefix: String
    /// The set prefix.
    public var setPrefix: String
    /// The state after the sync.
    public var state: ServerState
}
