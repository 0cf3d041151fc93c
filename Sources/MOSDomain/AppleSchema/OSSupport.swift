import MOSBasics
import MOSYAML

/// One OS row of a schema `supportedOS` object; every field is nil when the row doesn't state it.
///
/// Keys inherit their parent's row and override it field by field (`docs/schema.md`), which is what
/// `overlaid(with:)` does.
public struct OSSupport: Sendable, Hashable {
    /// Whether the item exists on this OS and from which version.
    public enum Introduction: Sendable, Hashable {
        /// Supported from this version on.
        case version(OSVersion)
        /// `introduced: n/a`: not supported on this OS.
        case notAvailable
    }

    /// When the item appeared, or `n/a`.
    public var introduced: Introduction?
    /// The version that deprecated the item.
    public var deprecated: OSVersion?
    /// The version that removed the item.
    public var removed: OSVersion?
    /// `allowed-enrollments` (declarative management only).
    public var allowedEnrollments: Set<Enrollment>?
    /// `allowed-scopes`: `system` and/or `user`.
    public var allowedScopes: Set<String>?
    /// `supervised`: the command or profile runs only on supervised devices.
    public var supervised: Bool?
    /// `requiresdep`: only on devices provisioned through Automated Device Enrollment.
    public var requiresDEP: Bool?
    /// `devicechannel`: available on the device channel.
    public var deviceChannel: Bool?
    /// `userchannel`: available on the user channel.
    public var userChannel: Bool?
    /// `accessrights`: the MDM access right a command needs.
    public var accessRights: String?
    /// `sharedipad`: behaviour on Shared iPad.
    public var sharedIPad: SharedIPadSupport?
    /// `userenrollment`: behaviour under user enrollment.
    public var userEnrollment: UserEnrollmentSupport?

    /// Creates a row; every field defaults to "not stated".
    public init(
        introduced: Introduction? = nil, deprecated: OSVersion? = nil, removed: OSVersion? = nil,
        allowedEnrollments: Set<Enrollment>? = nil, allowedScopes: Set<String>? = nil, supervised: Bool? = nil,
        requiresDEP: Bool? = nil, deviceChannel: Bool? = nil, userChannel: Bool? = nil, accessRights: String? = nil,
        sharedIPad: SharedIPadSupport? = nil, userEnrollment: UserEnrollmentSupport? = nil
    ) {
        self.introduced = introduced
        self.deprecated = deprecated
        self.removed = removed
        self.allowedEnrollments = allowedEnrollments
        self.allowedScopes = allowedScopes
        self.supervised = supervised
        self.requiresDEP = requiresDEP
        self.deviceChannel = deviceChannel
        self.userChannel = userChannel
        self.accessRights = accessRights
        self.sharedIPad = sharedIPad
        self.userEnrollment = userEnrollment
    }

    /// The first supported version, or nil when the row says `n/a` or says nothing.
    public var introducedVersion: OSVersion? {
        if case .version(let version) = introduced { return version }
        return nil
    }

    /// Whether the item exists on this OS at all.
    public var isAvailable: Bool { introducedVersion != nil }

    /// This row with every field that `other` states replacing this row's value (nested objects merge too).
    public func overlaid(with other: OSSupport) -> OSSupport {
        var merged = self
        merged.fill(from: other, overwrite: true)
        return merged
    }

    /// This row with only the fields it leaves unstated (or `n/a`) taken from `other`.
    public func filled(from other: OSSupport) -> OSSupport {
        var merged = self
        merged.fill(from: other, overwrite: false)
        return merged
    }

    private mutating func fill(from other: OSSupport, overwrite: Bool) {
        func take<T>(_ mine: inout T?, _ theirs: T?) {
            if let theirs, overwrite || mine == nil { mine = theirs }
        }
        if overwrite || !isAvailable, let theirs = other.introduced { introduced = theirs }
        take(&deprecated, other.deprecated)
        take(&removed, other.removed)
        take(&allowedEnrollments, other.allowedEnrollments)
        take(&allowedScopes, other.allowedScopes)
        take(&supervised, other.supervised)
        take(&requiresDEP, other.requiresDEP)
        take(&deviceChannel, other.deviceChannel)
        take(&userChannel, other.userChannel)
        take(&accessRights, other.accessRights)
        if let theirs = other.sharedIPad {
            sharedIPad = (sharedIPad ?? SharedIPadSupport()).merged(with: theirs, overwrite: overwrite)
        }
        if let theirs = other.userEnrollment {
            userEnrollment = (userEnrollment ?? UserEnrollmentSupport()).merged(with: theirs, overwrite: overwrite)
        }
    }
}

/// How a payload or key may be used under Shared iPad or user enrollment (`mode` in the schema).
public enum UsageMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Usable with or without the mode in effect.
    case allowed
    /// Usable only when the mode is in effect.
    case required
    /// Not usable when the mode is in effect.
    case forbidden
    /// Accepted but ignored when the mode is in effect.
    case ignored
}

/// The `sharedipad` object of a `supportedOS` row.
public struct SharedIPadSupport: Sendable, Hashable {
    /// `mode`.
    public var mode: UsageMode?
    /// `devicechannel`.
    public var deviceChannel: Bool?
    /// `userchannel`.
    public var userChannel: Bool?
    /// `allowed-scopes`.
    public var allowedScopes: Set<String>?

    /// Creates the object; every field defaults to "not stated".
    public init(
        mode: UsageMode? = nil, deviceChannel: Bool? = nil, userChannel: Bool? = nil, allowedScopes: Set<String>? = nil
    ) {
        self.mode = mode
        self.deviceChannel = deviceChannel
        self.userChannel = userChannel
        self.allowedScopes = allowedScopes
    }

    func merged(with other: SharedIPadSupport, overwrite: Bool) -> SharedIPadSupport {
        SharedIPadSupport(
            mode: pick(mode, other.mode, overwrite),
            deviceChannel: pick(deviceChannel, other.deviceChannel, overwrite),
            userChannel: pick(userChannel, other.userChannel, overwrite),
            allowedScopes: pick(allowedScopes, other.allowedScopes, overwrite))
    }
}

/// The `userenrollment` object of a `supportedOS` row.
public struct UserEnrollmentSupport: Sendable, Hashable {
    /// `mode`.
    public var mode: UsageMode?
    /// `behavior`: prose about special behaviour.
    public var behavior: String?

    /// Creates the object; every field defaults to "not stated".
    public init(mode: UsageMode? = nil, behavior: String? = nil) {
        self.mode = mode
        self.behavior = behavior
    }

    func merged(with other: UserEnrollmentSupport, overwrite: Bool) -> UserEnrollmentSupport {
        UserEnrollmentSupport(
            mode: pick(mode, other.mode, overwrite), behavior: pick(behavior, other.behavior, overwrite))
    }
}

/// The merged value of one optional field: `theirs` wins when stated and allowed to overwrite.
private func pick<T>(_ mine: T?, _ theirs: T?, _ overwrite: Bool) -> T? {
    guard let theirs else { return mine }
    return overwrite || mine == nil ? theirs : mine
}
