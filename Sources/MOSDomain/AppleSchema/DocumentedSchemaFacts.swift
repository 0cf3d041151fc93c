import MOSBasics
import MOSYAML

/// Facts Apple states only in the schema's prose (`content:`), not in structured fields, so they can't be
/// read from the YAML. Each row cites the file and key whose text says it.
enum DocumentedSchemaFacts {
    /// The lowest OS for each `ScheduleOSUpdate` `InstallAction`, from the `content:` of
    /// `Updates[].InstallAction` in `mdm/commands/system.update.schedule.yaml` ("This value is available in
    /// iOS 9 and later, macOS 10.11 and later, and tvOS 12 and later." and similar). Actions missing from a
    /// platform's row aren't available there: NotifyOnly, InstallLater and InstallForceRestart are macOS only.
    static let installActionFloors: [SchemaOS: [InstallAction: OSVersion]] = [
        .iOS: [.default: OSVersion(9, 0), .downloadOnly: OSVersion(9, 0), .installASAP: OSVersion(9, 0)],
        .macOS: [
            .default: OSVersion(10, 11), .downloadOnly: OSVersion(11, 0), .installASAP: OSVersion(10, 11),
            .notifyOnly: OSVersion(10, 11), .installLater: OSVersion(10, 11), .installForceRestart: OSVersion(11, 0),
        ],
        .tvOS: [.default: OSVersion(12, 0), .downloadOnly: OSVersion(12, 0), .installASAP: OSVersion(12, 0)],
    ]

    /// `softwareupdate.install-state` values the prose documents but the `rangelist` omits: the `content:` of
    /// `declarative/status/softwareupdate.install-state.yaml` lists "'waiting': A software update is waiting
    /// to start."
    static let extraInstallStates: [String] = ["waiting"]
}
