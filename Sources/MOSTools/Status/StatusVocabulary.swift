import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// The status values Apple documents, which decide when a value is "unknown" (MOS704).
struct StatusVocabulary: Sendable {
    /// `softwareupdate.install-state`: the schema's `rangelist` plus the documented `waiting`.
    package var installStates: Set<String>
    /// `ScheduleOSUpdate` `UpdateResults[].Status`: the schema's `rangelist`.
    var scheduleStatuses: Set<String>
    /// `ScheduleOSUpdate` `UpdateResults[].InstallAction`: the schema's `rangelist`.
    package var installActions: Set<String>
    /// `OSUpdateStatus[].Status`: listed only in the key's prose (`Idle`, `Downloading`, `Installing`).
    var osUpdateStatuses: Set<String> = ["Idle", "Downloading", "Installing"]

    /// The values from `gates`' schema; the documented lists stand in where the schema lacks a file.
    init(gates: SoftwareUpdateGates) {
        installStates = Set(gates.installStates)
        if installStates.isEmpty {
            installStates = ["none", "waiting", "downloading", "prepared", "installing", "failed"]
        }
        let schedule = gates.catalog.command("ScheduleOSUpdate")?.responseKeys.flatMap(\.flattened) ?? []
        scheduleStatuses = Set(schedule.first { $0.name == "Status" }?.rangeList ?? Self.documentedScheduleStatuses)
        installActions = Set(
            schedule.first { $0.name == "InstallAction" }?.rangeList
                ?? ["Error", "DownloadOnly", "InstallASAP", "NotifyOnly", "InstallLater", "InstallForceRestart"])
    }

    static let documentedScheduleStatuses = [
        "Idle", "Downloading", "DownloadFailed", "DownloadRequiresComputer", "DownloadInsufficientSpace",
        "DownloadInsufficientPower", "DownloadInsufficientNetwork", "Installing", "InstallInsufficientSpace",
        "InstallInsufficientPower", "InstallPhoneCallInProgress", "InstallFailed",
    ]
}
