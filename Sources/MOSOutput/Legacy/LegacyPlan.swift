import MOSBasics
import MOSDomain

/// `legacy/plan.json`: the ordered steps an MDM server runs to update a cohort's pre-DDM devices.
///
/// mosc's own format (documented in `specs/output.md`, "Legacy plan"), versioned by ``formatVersion``. Every
/// instant is absolute, except the publish step's, which is relative to when the server loads the plan, so
/// nothing in the plan depends on the time of compiling.
///
/// Written from `jsonValue` (LegacyPlan+JSON.swift), read by synthesized `Decodable` (sync and diff). Adding an
/// optional field is two lines: the property with `= nil` here and `object.setIfPresent("name", name)` in
/// `jsonValue`; callers set it after `init`. Set it in `OutputRoundTripTests`' filled variant too: it fails when
/// the two disagree.
package struct LegacyPlan: Decodable, Hashable {
    /// The plan format this mosc writes.
    package static let currentFormatVersion = 1

    /// The cohort's pre-DDM devices.
    package struct Devices: Decodable, Hashable {
        /// The OS versions that take this plan, e.g. `>=13.0 <14.0`.
        package var range: String
        /// The oldest of them: every command is gated at this version.
        var lowestOS: String
        /// The major versions the range spans, lowest first.
        package var majors: [Int]

        /// Creates a value from every stored property.
        package init(range: String, lowestOS: String, majors: [Int]) {
            self.range = range
            self.lowestOS = lowestOS
            self.majors = majors
        }
    }

    /// What the devices update to.
    package struct Target: Decodable, Hashable {
        /// The OS version, as the policy writes it.
        package var version: String
        /// The build, when the policy gives one (ScheduleOSUpdate has no build key; it only narrows a ProductKey).
        package var build: String?
        /// `minor` (every device already runs the target's major), `major`, or `mixed` (some of each).
        package var update: String

        /// Creates a value from every stored property.
        package init(version: String, build: String? = nil, update: String) {
            self.version = version
            self.build = build
            self.update = update
        }
    }

    /// The deadline as written and as the enforce step's instant.
    package struct Deadline: Decodable, Hashable {
        /// The wall time, `yyyy-mm-ddThh:mm:ss`.
        package var local: String
        /// The IANA zone it is read in (`legacy.timeZone`).
        package var timeZone: String
        /// The instant, `…Z`.
        package var utc: String
        /// The zone's UTC offset at that instant, `±hh:mm`.
        package var utcOffset: String
        /// `unique`, or `overlap-first` when the wall time occurs twice (the first occurrence is used).
        package var resolution: String

        /// Creates a value from every stored property.
        package init(local: String, timeZone: String, utc: String, utcOffset: String, resolution: String) {
            self.local = local
            self.timeZone = timeZone
            self.utc = utc
            self.utcOffset = utcOffset
            self.resolution = resolution
        }
    }

    /// Something the plan could have held but leaves out, and why.
    package struct Omission: Decodable, Hashable {
        /// A step name, a RequestType or an `Updates[]` key.
        package var item: String
        /// Why, in words.
        package var reason: String

        /// Creates a value from every stored property.
        package init(item: String, reason: String) {
            self.item = item
            self.reason = reason
        }
    }

    package var formatVersion: Int = Self.currentFormatVersion
    /// The cohort's name.
    package var cohort: String
    /// The policy enforcing it.
    package var policy: String
    /// The platform, as mosc names it (iPadOS is its own platform; Apple's schema lists it as iOS).
    package var platform: String
    /// The enrollment.
    package var enrollment: String
    package var devices: Devices
    package var target: Target
    package var deadline: Deadline
    /// The steps, in the order the server runs them.
    package var steps: [LegacyStep]
    package var omitted: [Omission]
    /// How to run the plan, in words.
    package var notes: [String]

    /// Creates a value from every stored property.
    package init(
        formatVersion: Int = Self.currentFormatVersion, cohort: String, policy: String, platform: String,
        enrollment: String, devices: Devices, target: Target, deadline: Deadline, steps: [LegacyStep],
        omitted: [Omission], notes: [String]
    ) {
        self.formatVersion = formatVersion
        self.cohort = cohort
        self.policy = policy
        self.platform = platform
        self.enrollment = enrollment
        self.devices = devices
        self.target = target
        self.deadline = deadline
        self.steps = steps
        self.omitted = omitted
        self.notes = notes
    }
}

/// One step of a legacy plan.
package struct LegacyStep: Decodable, Hashable {
    /// The step names, in plan order.
    package enum Name: String, Decodable, Hashable, CaseIterable {
        case publish, download, enforce, verify
    }

    /// The step.
    package var name: Name
    /// `load` (when the server loads the plan) for publish, `instant` for the others.
    package var when: String
    /// The UTC instant the step runs at (the first check, for verify); absent for publish.
    package var utc: String?
    /// The same instant as a wall time in the plan's zone.
    package var local: String?
    /// The zone's UTC offset at that instant.
    package var utcOffset: String?
    /// The commands to send, in order.
    package var commands: [LegacyCommandReference]
    /// verify: how long to wait between checks.
    package var repeatEvery: String?
    /// verify: how many checks before the device counts as failed.
    package var maxChecks: Int?
    /// verify: when to stop checking.
    package var until: LegacyUntil?
    /// verify: what to do when the update fails.
    package var onFailure: LegacyFailurePath?

    /// Creates a value from every stored property.
    package init(
        name: Name, when: String, utc: String? = nil, local: String? = nil, utcOffset: String? = nil,
        commands: [LegacyCommandReference], repeatEvery: String? = nil, maxChecks: Int? = nil,
        until: LegacyUntil? = nil, onFailure: LegacyFailurePath? = nil
    ) {
        self.name = name
        self.when = when
        self.utc = utc
        self.local = local
        self.utcOffset = utcOffset
        self.commands = commands
        self.repeatEvery = repeatEvery
        self.maxChecks = maxChecks
        self.until = until
        self.onFailure = onFailure
    }
}

/// A command file of a step.
package struct LegacyCommandReference: Decodable, Hashable {
    /// The path relative to the plan's folder, e.g. `commands/04-ScheduleOSUpdate.plist`.
    package var file: String
    /// The command's RequestType.
    package var requestType: String
    /// The CommandUUID written in the file.
    package var commandUUID: String
    /// Set when the file's `Updates[].ProductKey` is a placeholder the server must replace before sending.
    package var productKey: LegacyProductKeySource?

    /// Creates a value from every stored property.
    package init(file: String, requestType: String, commandUUID: String, productKey: LegacyProductKeySource? = nil) {
        self.file = file
        self.requestType = requestType
        self.commandUUID = commandUUID
        self.productKey = productKey
    }
}

/// Where a server takes a ProductKey from, for devices too old for `ProductVersion`.
package struct LegacyProductKeySource: Decodable, Hashable {
    /// The command whose response lists it: `AvailableOSUpdates`.
    package var from: String
    /// The keys the response item must match (`Version`, and `Build` when the policy gives one).
    package var match: [String: String]
    /// The placeholder text in the command file, to be replaced as a whole.
    package var placeholder: String

    /// Creates a value from every stored property.
    package init(from: String, match: [String: String], placeholder: String) {
        self.from = from
        self.match = match
        self.placeholder = placeholder
    }
}

/// The verify step's stop condition.
package struct LegacyUntil: Decodable, Hashable {
    /// The DeviceInformation query compared.
    package var query: String
    /// The version it must reach.
    package var atLeast: String

    /// Creates a value from every stored property.
    package init(query: String, atLeast: String) {
        self.query = query
        self.atLeast = atLeast
    }
}

/// What the server does when the update fails.
package struct LegacyFailurePath: Decodable, Hashable {
    /// `UpdateResults[].Status` values of a ScheduleOSUpdate response that mean the download or install failed.
    var failureStatuses: [String]
    /// The `UpdateResults[].InstallAction` that means scheduling failed.
    var failureInstallAction: String
    /// What to do on such a status: `resend-enforce` (send the enforce step's commands again at the next check).
    var onFailureStatus: String
    /// What to do when the OS version is still below the target after ``LegacyStep/maxChecks`` checks.
    var afterMaxChecks: String
    /// What the report carries.
    package var report: [String]

    /// Creates a value from every stored property.
    package init(
        failureStatuses: [String], failureInstallAction: String, onFailureStatus: String, afterMaxChecks: String,
        report: [String]
    ) {
        self.failureStatuses = failureStatuses
        self.failureInstallAction = failureInstallAction
        self.onFailureStatus = onFailureStatus
        self.afterMaxChecks = afterMaxChecks
        self.report = report
    }
}
