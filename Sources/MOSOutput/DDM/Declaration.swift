import MOSBasics
import MOSDomain

/// A DDM declaration envelope, with Apple's wire names spelled out.
///
/// Written from `jsonValue` (Declaration+JSON.swift), read by synthesized `Decodable` through `CodingKeys`.
public struct Declaration: Sendable, Hashable, Decodable {
    /// The declaration type, e.g. `com.apple.configuration.softwareupdate.enforcement.specific`.
    public var type: String
    /// The unique identifier (at most 64 octets).
    public var identifier: String
    /// The revision token: a hash of Type, Identifier and Payload, so it changes exactly when they do.
    public var serverToken: String
    /// The type-specific keys.
    public var payload: [String: JSONValue]

    package enum CodingKeys: String, CodingKey {
        case type = "Type"
        case identifier = "Identifier"
        case serverToken = "ServerToken"
        case payload = "Payload"
    }

    /// Builds a declaration and computes its ServerToken.
    public init(type: String, identifier: String, payload: [String: JSONValue]) {
        self.type = type
        self.identifier = identifier
        self.payload = payload
        let content: [String: JSONValue] = [
            "Type": .string(type), "Identifier": .string(identifier), "Payload": .object(payload),
        ]
        self.serverToken = ContentHash.hex(CanonicalJSON.compactBytes(.object(content)))
    }

    /// Apple's declaration types mosc emits.
    public enum Kind: String, Sendable {
        case enforcement, settings, activation

        /// The declaration type.
        public var type: String {
            switch self {
            case .enforcement: "com.apple.configuration.softwareupdate.enforcement.specific"
            case .settings: "com.apple.configuration.softwareupdate.settings"
            case .activation: "com.apple.activation.simple"
            }
        }
    }

    /// `<prefix>.<policy>.<cohort>.<kind>[-<variant>]`, shortened deterministically (with a hash of the full name,
    /// so it stays unique) when it would exceed Apple's 64 octets. A variant tells apart several declarations of
    /// one kind in a cohort (`activation-below-15`).
    public static func identifier(
        prefix: String, policy: String, cohort: String, kind: Kind, variant: String? = nil
    ) -> (String, shortened: Bool) {
        let base = "\(prefix).\(policy).\(cohort)"
        let suffix = ".\(kind.rawValue)" + (variant.map { "-\($0)" } ?? "")
        if base.utf8.count + suffix.utf8.count <= 64 { return (base + suffix, false) }
        let hash = String(ContentHash.hex(base).prefix(10))
        let keep = 64 - suffix.utf8.count - hash.count - 1
        // Names and prefixes are ASCII (checked by validation), so a character prefix is an octet prefix.
        return ("\(base.prefix(keep))-\(hash)\(suffix)", true)
    }
}
