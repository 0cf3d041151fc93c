public import MOSBasics
import MOSYAML

/// One parsed schema file: a declaration, an MDM command or a status item, with its keys.
public struct SchemaItem: Sendable, Hashable {
    /// What the file describes, from which `payload` field names it.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `declarationtype`.
        case declaration
        /// `requesttype`.
        case command
        /// `statusitemtype`.
        case statusItem
        /// `payloadtype` (a configuration profile payload).
        case profile
    }

    /// The kind of item.
    public var kind: Kind
    /// The declaration type, request type, status item name or payload type.
    public var identifier: String
    /// `title`.
    public var title: String?
    /// `payload.apply`: `single`, `multiple` or `combined`.
    public var apply: String?
    /// `payload.supportedOS`, per OS.
    public var support: [SchemaOS: OSSupport]
    /// `payloadkeys`, with inherited support.
    public var payloadKeys: [SchemaKey]
    /// `responsekeys` (commands), with inherited support.
    public var responseKeys: [SchemaKey]
    /// `related-status-items`: the status item names.
    public var relatedStatusItems: [String]
    /// `reasons[].value`: the status reason codes (declaration base only).
    public var reasons: [String]
    /// The bundled file the item came from.
    public var file: String

    /// The row for `os`, or an empty row if the schema has none.
    public func support(on os: SchemaOS) -> OSSupport { support[os] ?? OSSupport() }

    /// The payload key at `path` (`Deferrals.MajorPeriodInDays`, `Updates[].Priority`).
    public func key(at path: String) -> SchemaKey? {
        payloadKeys.lazy.flatMap(\.flattened).first { $0.path == path }
    }

    /// The response key at `path`.
    public func responseKey(at path: String) -> SchemaKey? {
        responseKeys.lazy.flatMap(\.flattened).first { $0.path == path }
    }

    /// Every payload key, depth first.
    public var allPayloadKeys: [SchemaKey] { payloadKeys.flatMap(\.flattened) }
}

/// A problem found while reading a bundled schema file; the file is skipped or read partially.
public struct AppleSchemaProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where.
    public var location: SourceLocation

    /// Creates a problem.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }
}
