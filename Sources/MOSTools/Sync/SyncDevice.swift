public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// One listed device as sync routes it: its enrollment (the UDID), its cohort, and the paths it takes.
public struct SyncDevice: Sendable, Hashable, Codable {
    /// The enrollment ID the servers know the device by: its UDID.
    public var enrollment: String
    /// The id shown for the device: the serial, else the UDID.
    public var displayID: String
    /// The cohort.
    public var cohort: String
    /// The OS version the devices list gives, when it does.
    public var osVersion: String?
    /// Whether the device gets the cohort's DDM set.
    public var ddm: Bool
    /// Whether the device gets the cohort's legacy commands.
    public var legacy: Bool
}

extension SyncDevice {
    /// Reads the devices list and routes each device of a known cohort: a cohort's only path, or in a cohort
    /// with both, the path its `osVersion` falls on (DDM at or above the platform's threshold); without an
    /// `osVersion` both paths, with a warning (MOS713). Bad rows, duplicates and unknown cohorts are the same
    /// diagnostics as for `mosc status`; a row without a UDID cannot be synced (MOS707).
    public static func route(_ file: SourceFile, input: SyncInput, limits: StatusLimits = .defaults)
        -> (devices: [SyncDevice], diagnostics: [Diagnostic])
    {
        var bag = DiagnosticBag()
        let list = DeviceList.read(file, limits: limits, diagnostics: &bag)
        var devices: [SyncDevice] = []
        for entry in list.entries {
            guard let cohort = input.cohorts[entry.cohort] else {
                let hint = Compiler.closestName(to: entry.cohort, in: Array(input.cohorts.keys)).map {
                    "did you mean '\($0)'?"
                }
                bag.emit(
                    .unknownStatusCohort, "cohort '\(entry.cohort)' is not in the compiled output", at: entry.location,
                    hint: hint)
                continue
            }
            guard let udid = entry.udid else {
                bag.emit(
                    .invalidDeviceRow,
                    "device '\(entry.displayID)' has no udid: sync addresses devices by their enrollment ID, the UDID",
                    at: entry.location)
                continue
            }
            var ddm = cohort.paths.contains(.ddm)
            var legacy = cohort.paths.contains(.legacy)
            if ddm, legacy {
                if let version = entry.osVersion.flatMap(DeviceVersion.init), let threshold = cohort.ddmThreshold {
                    ddm = version.version >= threshold
                    legacy = !ddm
                } else {
                    bag.emit(
                        .unroutedDevice,
                        "device '\(entry.displayID)' of cohort '\(cohort.name)' has no osVersion: it gets both the "
                            + "DDM set and the legacy commands",
                        at: entry.location)
                }
            }
            devices.append(
                SyncDevice(
                    enrollment: udid, displayID: entry.displayID, cohort: cohort.name, osVersion: entry.osVersion,
                    ddm: ddm, legacy: legacy))
        }
        return (devices, bag.sorted)
    }
}
