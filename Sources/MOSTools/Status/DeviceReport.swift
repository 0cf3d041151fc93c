import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// One report file as mosc understands it: whose it is, when it came, and what it says.
struct DeviceReport: Sendable, Hashable {
    /// The file, as given on the command line.
    package var file: String
    /// What the file name says (device id and instant).
    var fileName: ReportFileName
    /// The serial number the report itself carries, if any.
    var serialNumber: String?
    /// The UDID the report itself carries, if any.
    package var udid: String?
    /// What the report says.
    package var content: Content

    /// The two families of reports.
    package enum Content: Sendable, Hashable {
        /// A DDM status report (full or incremental).
        case ddm(DDMStatusItems)
        /// A legacy MDM command response.
        case legacy(LegacyResponse)
    }
}

/// The status items of one DDM status report that mosc reads; nil where the report does not carry the item.
struct DDMStatusItems: Sendable, Hashable {
    /// `FullReport`: the report replaces everything known about the device.
    var fullReport = false
    /// `device.operating-system.version`.
    package var osVersion: String?
    /// `device.operating-system.build-version`.
    var buildVersion: String?
    /// `device.operating-system.supplemental.extra-version` (the RSR letter, e.g. `(a)`).
    var extraVersion: String?
    /// `softwareupdate.install-state`.
    package var installState: String?
    /// `softwareupdate.pending-version`.
    var pendingVersion: PendingVersion?
    /// `softwareupdate.failure-reason`.
    package var failureReason: FailureReason?
    /// `softwareupdate.install-reason` `reason` list.
    var installReasons: [String]?
    /// `management.declarations`, by kind (`activations`, `configurations`, …), items as reported.
    package var declarations: [String: [DeclarationStatus]]?
    /// Status items the device could not return (`Errors[].StatusItem`) with their reason codes.
    var itemErrors: [String: [String]] = [:]

    /// `softwareupdate.pending-version`: empty strings when nothing is pending.
    struct PendingVersion: Sendable, Hashable {
        package var osVersion: String
        var buildVersion: String
        /// `target-local-date-time`, present when the pending update is enforced: a string in Apple's 26.0
        /// schema (a `<date>` in the 18.2 seed, which a property list carries as a date).
        var targetLocalDateTime: String? = nil
    }

    /// `softwareupdate.failure-reason`.
    struct FailureReason: Sendable, Hashable {
        package var count: Int64
        package var reason: String?
        package var timestamp: String?
    }
}

/// One item of `management.declarations`.
struct DeclarationStatus: Sendable, Hashable {
    package var identifier: String
    package var serverToken: String?
    package var active: Bool?
    package var valid: String?
    /// The reason codes, e.g. `Error.ConfigurationCannotBeApplied`, with descriptions when given.
    package var reasons: [Reason]
    /// `_removed: true` in an incremental report: the device no longer has the declaration.
    package var removed: Bool

    /// One status reason.
    struct Reason: Sendable, Hashable {
        package var code: String
        package var description: String?
    }
}

/// A legacy MDM command response, reduced to what status needs.
enum LegacyResponse: Sendable, Hashable {
    /// `OSUpdateStatus`: one item per update.
    case osUpdateStatus([OSUpdateStatusItem])
    /// `ScheduleOSUpdate`: `UpdateResults`, or the command failed as a whole (`Status` `Error`).
    case scheduleOSUpdate([UpdateResult], commandError: String?)
    /// `DeviceInformation` `QueryResponses`.
    case deviceInformation(osVersion: String?, buildVersion: String?)
    /// `AvailableOSUpdates`.
    case availableOSUpdates([AvailableUpdate])

    /// The request type that produced the response.
    package var requestType: String {
        switch self {
        case .osUpdateStatus: "OSUpdateStatus"
        case .scheduleOSUpdate: "ScheduleOSUpdate"
        case .deviceInformation: "DeviceInformation"
        case .availableOSUpdates: "AvailableOSUpdates"
        }
    }

    /// One `OSUpdateStatus` item.
    struct OSUpdateStatusItem: Sendable, Hashable {
        package var productKey: String
        var isDownloaded: Bool
        var downloadPercentComplete: Double
        package var status: String
    }

    /// One `UpdateResults` item.
    struct UpdateResult: Sendable, Hashable {
        package var productKey: String
        package var installAction: String
        package var status: String
    }

    /// One `AvailableOSUpdates` item.
    struct AvailableUpdate: Sendable, Hashable {
        package var productKey: String
        package var version: String?
        package var build: String?
    }
}
