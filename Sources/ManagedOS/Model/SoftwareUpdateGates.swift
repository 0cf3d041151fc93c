/// PLACEHOLDER until the AppleSchema module lands: the DDM thresholds.
public struct SoftwareUpdateGates: Sendable {
    public static let bundled = SoftwareUpdateGates()

    public func ddmThreshold(for platform: Platform) -> OSVersion {
        switch platform {
        case .macOS: OSVersion(14, 0)
        case .iOS, .iPadOS: OSVersion(17, 0)
        case .tvOS: OSVersion(18, 4)
        case .visionOS: OSVersion(26, 0)
        }
    }
}

extension SoftwareUpdateGates {
    public func enforcementAllows(_ enrollment: Enrollment, on platform: Platform) -> Bool {
        switch (platform, enrollment) {
        case (_, .user): false
        case (.macOS, .device): false
        default: true
        }
    }
    public func legacyAllows(_ enrollment: Enrollment, on platform: Platform) -> Bool {
        enrollment == .supervised && platform != .visionOS
    }
    public func hasLegacyPath(_ platform: Platform) -> Bool { platform != .visionOS }
}
