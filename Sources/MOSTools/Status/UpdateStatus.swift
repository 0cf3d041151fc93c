import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// The one status mosc gives a device.
public enum UpdateStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// No report from the device was read: nothing is known about it (status format 2; Pending before).
    case unreported = "Unreported"
    /// The device reported, but nothing is under way yet.
    case pending = "Pending"
    /// The update is downloading.
    case downloading = "Downloading"
    /// The update is downloaded and prepared, ready to install.
    case cached = "Cached"
    /// The update is installing.
    case installing = "Installing"
    /// The device runs the target version or newer.
    case pass = "Pass"
    /// The update failed, or the declaration was rejected.
    case error = "Error"

    /// The order the table columns use.
    public static func < (lhs: UpdateStatus, rhs: UpdateStatus) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// A status with its reason.
struct StatusVerdict: Sendable, Hashable {
    package var status: UpdateStatus
    package var reason: String
}

/// Apple's DDM `softwareupdate.install-state` values and what they mean to mosc (see `specs/status.md`).
enum InstallStateMapping {
    /// The status of an install-state value; unknown values fall back to Pending.
    package static func status(_ state: String) -> StatusVerdict {
        switch state {
        case "none": StatusVerdict(status: .pending, reason: "install-state 'none': no update started yet")
        case "waiting": StatusVerdict(status: .pending, reason: "install-state 'waiting': the update waits to start")
        case "downloading": StatusVerdict(status: .downloading, reason: "downloading")
        case "prepared": StatusVerdict(status: .cached, reason: "prepared")
        case "installing": StatusVerdict(status: .installing, reason: "installing")
        case "failed": StatusVerdict(status: .error, reason: "install-state 'failed'")
        default: StatusVerdict(status: .pending, reason: "unknown install-state '\(state)'")
        }
    }
}

/// Apple's legacy `Status` values and what they mean to mosc (see `specs/status.md`).
enum LegacyStatusMapping {
    /// A `ScheduleOSUpdate` `UpdateResults[].Status`.
    package static func schedule(_ status: String) -> StatusVerdict {
        switch status {
        case "Idle": StatusVerdict(status: .pending, reason: "ScheduleOSUpdate: Idle")
        case "Downloading": StatusVerdict(status: .downloading, reason: "ScheduleOSUpdate: Downloading")
        case "Installing": StatusVerdict(status: .installing, reason: "ScheduleOSUpdate: Installing")
        // A phone call only postpones the install; the device tries again.
        case "InstallPhoneCallInProgress":
            StatusVerdict(status: .pending, reason: "ScheduleOSUpdate: InstallPhoneCallInProgress (retried later)")
        case "DownloadFailed", "DownloadRequiresComputer", "DownloadInsufficientSpace", "DownloadInsufficientPower",
            "DownloadInsufficientNetwork", "InstallInsufficientSpace", "InstallInsufficientPower", "InstallFailed":
            StatusVerdict(status: .error, reason: "ScheduleOSUpdate: \(status)")
        default: StatusVerdict(status: .pending, reason: "unknown ScheduleOSUpdate Status '\(status)'")
        }
    }

    /// An `OSUpdateStatus[].Status` with `IsDownloaded` and `DownloadPercentComplete`.
    package static func osUpdateStatus(_ status: String, isDownloaded: Bool, percent: Double) -> StatusVerdict {
        let percentText = "\(Int((min(max(percent, 0), 1) * 100).rounded()))%"
        switch status {
        case "Installing": return StatusVerdict(status: .installing, reason: "OSUpdateStatus: Installing")
        case "Idle" where isDownloaded, "Downloading" where isDownloaded:
            return StatusVerdict(status: .cached, reason: "OSUpdateStatus: \(status), downloaded")
        case "Downloading":
            return StatusVerdict(status: .downloading, reason: "OSUpdateStatus: Downloading \(percentText)")
        case "Idle": return StatusVerdict(status: .pending, reason: "OSUpdateStatus: Idle, not downloaded")
        default: return StatusVerdict(status: .pending, reason: "unknown OSUpdateStatus Status '\(status)'")
        }
    }
}
