import MOSBasics
import MOSYAML

/// The gates rules and emitters ask about for every policy and cohort, answered once per `SoftwareUpdateGates`.
///
/// Each answer walks Apple's schema (rows, `NewerSchemaFacts`, nested keys); asked per policy, that walk was a
/// measurable share of `mosc validate` on large repositories (Benchmarks/RESULTS.md). The memo holds exactly
/// what the uncached functions return, computed through them.
struct GateMemo: Sendable {
    /// The answers for one platform.
    struct PlatformGates: Sendable {
        package var ddmThreshold: OSVersion?
        package var settingsThreshold: OSVersion?
        package var enforcementEnrollments: Set<Enrollment>
        package var settingsEnrollments: Set<Enrollment>
        var legacyCommands: [LegacyRequest: LegacyCommandSupport]
        package var installActions: [InstallAction: OSVersion]
        /// `minimumOS(forScheduleKey:)` for every key of a `ScheduleOSUpdate` update item.
        var scheduleKeyFloors: [String: OSVersion?]
    }

    package var platforms: [Platform: PlatformGates] = [:]
    /// `settingsKey(_:)` for every key of the settings declaration, by path.
    package var settingsKeys: [String: SettingsKeyGate] = [:]

    /// Computes every answer with `gates`, whose own memo is still nil.
    init(_ gates: SoftwareUpdateGates) {
        let updateKeys =
            gates.catalog.command(LegacyRequest.scheduleOSUpdate.rawValue)?.allPayloadKeys.map(\.path)
            .filter { $0.hasPrefix("Updates[].") }.map { String($0.dropFirst("Updates[].".count)) } ?? []
        for platform in Platform.allCases {
            var commands: [LegacyRequest: LegacyCommandSupport] = [:]
            for request in LegacyRequest.allCases {
                commands[request] = gates.legacyCommandSupport(request, platform: platform)
            }
            var floors: [String: OSVersion?] = [:]
            for key in updateKeys {
                floors[key] = gates.minimumOS(forScheduleKey: key, platform: platform)
            }
            platforms[platform] = PlatformGates(
                ddmThreshold: gates.ddmThreshold(for: platform),
                settingsThreshold: gates.settingsThreshold(for: platform),
                enforcementEnrollments: gates.enforcementEnrollments(for: platform),
                settingsEnrollments: gates.settingsEnrollments(for: platform),
                legacyCommands: commands,
                installActions: gates.installActions(for: platform),
                scheduleKeyFloors: floors)
        }
        for gate in gates.settingsKeys {
            settingsKeys[gate.path] = settingsKeys[gate.path] ?? gate
        }
    }
}
