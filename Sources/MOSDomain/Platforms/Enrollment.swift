/// How a device is enrolled, as the schema's `allowed-enrollments` spells it.
public enum Enrollment: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A supervised device (Automated Device Enrollment or Apple Configurator).
    case supervised
    /// An unsupervised device enrollment.
    case device
    /// A user enrollment (BYOD, account-driven).
    case user

    /// The schema's spelling.
    public var description: String { rawValue }
}
