import MOSYAML

/// Whether and how a platform supports a legacy software-update MDM command.
public struct LegacyCommandSupport: Sendable, Hashable {
    /// The command.
    public var request: LegacyRequest
    /// The platform asked about.
    public var platform: Platform
    /// The first OS that supports the command.
    public var introduced: OSVersion
    /// The OS that deprecated it (26.0 per newer facts).
    public var deprecated: OSVersion?
    /// The OS that removed it (27.0 per newer facts).
    public var removed: OSVersion?
    /// Whether the device must be supervised (`supervised: true`).
    public var requiresSupervision: Bool
    /// Whether user-enrolled devices can't receive it (`userenrollment: forbidden`).
    public var userEnrollmentForbidden: Bool
    /// The full schema row, for details such as channels and access rights.
    public var row: OSSupport

    /// Whether a device on `version` can run the command: at or above `introduced`, below `removed`.
    public func isAvailable(on version: OSVersion) -> Bool {
        version >= introduced && removed.map { version < $0 } ?? true
    }

    /// Whether the command is deprecated on `version`.
    public func isDeprecated(on version: OSVersion) -> Bool {
        deprecated.map { version >= $0 } ?? false
    }
}
