/// The `Priority` of a legacy `ScheduleOSUpdate` command (macOS 12.3+).
public enum UpdatePriority: String, Sendable, Hashable, Codable, CaseIterable {
    case low = "Low"
    case high = "High"
}
