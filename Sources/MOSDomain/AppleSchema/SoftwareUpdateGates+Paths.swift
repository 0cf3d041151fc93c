import MOSBasics
import MOSYAML

/// The questions the validation rules and the lowering ask of Apple's gates, in the language's terms.
extension SoftwareUpdateGates {
    /// A version no device runs: the threshold of a path a platform does not have.
    package static let never = OSVersion(9999)

    /// The DDM threshold, or "never" when the platform has no DDM enforcement.
    public func ddmThresholdOrNever(for platform: Platform) -> OSVersion {
        ddmThreshold(for: platform) ?? Self.never
    }

    /// Whether devices of this enrollment can take the DDM enforcement declaration.
    public func enforcementAllows(_ enrollment: Enrollment, on platform: Platform) -> Bool {
        enforcementEnrollments(for: platform).contains(enrollment)
    }

    /// Whether the platform has legacy update commands at all (ScheduleOSUpdate).
    public func hasLegacyPath(_ platform: Platform) -> Bool {
        legacyCommandSupport(.scheduleOSUpdate, platform: platform) != nil
    }

    /// Whether devices of this enrollment can take the legacy update commands.
    public func legacyAllows(_ enrollment: Enrollment, on platform: Platform) -> Bool {
        guard let support = legacyCommandSupport(.scheduleOSUpdate, platform: platform) else { return false }
        if enrollment == .user && support.userEnrollmentForbidden { return false }
        if enrollment != .supervised && support.requiresSupervision { return false }
        return enrollment != .user
    }
}
