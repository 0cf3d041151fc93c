import MOSBasics
import MOSYAML

/// One key of the settings declaration with its availability on each platform.
public struct SettingsKeyGate: Sendable, Hashable {
    /// The key as the schema defines it: type, `rangeList`, `range`, default, `combineType`.
    public var key: SchemaKey
    /// The availability on every platform.
    public var availability: [Platform: KeyAvailability]

    /// The dotted path, e.g. `Deferrals.MajorPeriodInDays`.
    public var path: String { key.path }

    /// The availability on `platform`.
    public func availability(on platform: Platform) -> KeyAvailability {
        availability[platform] ?? .unavailable
    }

    /// Whether the pinned schema lists the key on `platform`.
    public func isAvailable(on platform: Platform) -> Bool {
        if case .available = availability(on: platform) { return true }
        return false
    }

    /// Whether the key needs a supervised device on `platform`; nil when it isn't available there.
    public func requiresSupervision(on platform: Platform) -> Bool? {
        guard case .available(_, let enrollments) = availability(on: platform) else { return nil }
        return enrollments == [.supervised]
    }

    /// The platforms the pinned schema lists the key on, in `Platform.allCases` order.
    public var platforms: [Platform] { Platform.allCases.filter(isAvailable(on:)) }
}

/// Whether a declaration key can be used on a platform.
public enum KeyAvailability: Sendable, Hashable {
    /// Usable from `since`, on devices with one of `enrollments`.
    case available(since: OSVersion, enrollments: Set<Enrollment>)
    /// The schema says the key doesn't exist on the platform.
    case unavailable
    /// The declaration reached this platform after the pinned schema, so its per-key support is unknown.
    case notInPinnedSchema
}
