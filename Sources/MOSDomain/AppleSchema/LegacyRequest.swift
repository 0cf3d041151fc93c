/// A legacy MDM software-update command; raw values are the `RequestType` strings.
public enum LegacyRequest: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `ScheduleOSUpdate`: download and/or install an update.
    case scheduleOSUpdate = "ScheduleOSUpdate"
    /// `ScheduleOSUpdateScan`: ask a Mac to scan for updates.
    case scheduleOSUpdateScan = "ScheduleOSUpdateScan"
    /// `AvailableOSUpdates`: list the available updates.
    case availableOSUpdates = "AvailableOSUpdates"
    /// `OSUpdateStatus`: report download/install progress.
    case osUpdateStatus = "OSUpdateStatus"

    /// The `RequestType` string.
    public var description: String { rawValue }
}
