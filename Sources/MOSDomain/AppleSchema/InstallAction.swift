import MOSBasics

/// An `InstallAction` of the legacy `ScheduleOSUpdate` command; raw values are Apple's spellings.
public enum InstallAction: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Download or install, depending on the current state.
    case `default` = "Default"
    /// Download without installing.
    case downloadOnly = "DownloadOnly"
    /// iOS/tvOS: install a downloaded update; macOS: download and start the restart countdown.
    case installASAP = "InstallASAP"
    /// macOS: download and notify the user.
    case notifyOnly = "NotifyOnly"
    /// macOS: download and install later.
    case installLater = "InstallLater"
    /// macOS: `Default`, then force a restart if needed (may lose data).
    case installForceRestart = "InstallForceRestart"

    /// Apple's spelling.
    public var description: String { rawValue }
}
