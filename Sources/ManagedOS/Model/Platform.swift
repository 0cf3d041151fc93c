/// An Apple operating system a cohort runs.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case macOS, iOS, iPadOS, tvOS, visionOS

    /// The name Apple's schema uses: iPadOS devices are `iOS` there.
    public var schemaName: String { self == .iPadOS ? "iOS" : rawValue }

    public static func < (lhs: Platform, rhs: Platform) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// How a cohort's devices are enrolled.
public enum Enrollment: String, Sendable, Hashable, Codable, CaseIterable {
    case supervised, device, user
}

/// The `InstallAction` of a legacy `ScheduleOSUpdate` command.
public enum InstallAction: String, Sendable, Hashable, Codable, CaseIterable {
    case `default` = "Default"
    case downloadOnly = "DownloadOnly"
    case installASAP = "InstallASAP"
    case notifyOnly = "NotifyOnly"
    case installLater = "InstallLater"
    case installForceRestart = "InstallForceRestart"
}

/// The `Priority` of a legacy `ScheduleOSUpdate` command (macOS 12.3+).
public enum UpdatePriority: String, Sendable, Hashable, Codable, CaseIterable {
    case low = "Low"
    case high = "High"
}
