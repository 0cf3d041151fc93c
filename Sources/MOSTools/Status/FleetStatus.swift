import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// What `mosc status` reports: per cohort counts and one entry per device. Encoded as versioned, sorted JSON.
public struct FleetStatus: Sendable, Hashable, Codable {
    /// The format this mosc writes; bump on any incompatible change.
    /// 2: a device without reports is `Unreported` (was `Pending`), and `counts` has an `Unreported` key.
    public static let currentFormatVersion = 2

    /// One cohort's summary.
    public struct Cohort: Sendable, Hashable, Codable {
        /// The platform.
        public var platform: String
        /// The target version.
        public var targetVersion: String
        /// The target build, when pinned.
        public var targetBuild: String?
        /// The local wall-time deadline.
        public var deadline: String
        /// When a DDM device counts as late: the deadline read at UTC−12, the last zone to reach it.
        public var ddmLateAfter: String?
        /// When a legacy device counts as late: the legacy plan's `enforce` instant (else as DDM).
        public var legacyLateAfter: String?
        /// How many devices the list assigns to the cohort.
        public var devices: Int
        /// Devices per status; every status is present, zeros included.
        public var counts: [String: Int]
        /// Devices late: past the deadline and not at the target.
        public var late: Int
    }

    /// One device.
    public struct Device: Sendable, Hashable, Codable {
        /// The cohort.
        public var cohort: String
        /// The serial number, when listed.
        public var serial: String?
        /// The UDID, when listed.
        public var udid: String?
        /// The status.
        public var status: UpdateStatus
        /// Why, in words.
        public var reason: String
        /// Past the deadline without Pass.
        public var late: Bool
        /// The update path the reports show: `ddm` or `legacy`; absent when unknown.
        public var path: CohortExpectation.Path?
        /// The OS version last reported.
        public var osVersion: String?
        /// The build last reported.
        public var buildVersion: String?
        /// The report files applied, in order.
        public var reports: [String]

        /// The id shown: the serial, else the UDID.
        public var displayID: String { serial ?? udid ?? "" }
    }

    /// The format version.
    public var formatVersion: Int
    /// The instant deadlines were judged against.
    public var now: String
    /// Cohorts by name (only those the devices list uses).
    public var cohorts: [String: Cohort]
    /// Devices sorted by cohort, then id.
    public var devices: [Device]
}

extension FleetStatus {
    /// Whether any device matches `condition`, for `--fail-on`.
    public func hasDevices(_ condition: FailCondition) -> Bool {
        devices.contains { device in
            switch condition {
            case .error: device.status == .error
            case .late: device.late
            }
        }
    }

    /// What `--fail-on` looks for.
    public enum FailCondition: String, Sendable, Hashable, CaseIterable {
        /// Some device has status Error.
        case error
        /// Some device is late.
        case late
    }
}
