import MOSBasics
import MOSYAML

/// The gates rules and emitters ask about for every policy and cohort, answered once per `SoftwareUpdateGates`.
///
/// Each answer walks Apple's schema (rows, `NewerSchemaFacts`, nested keys); asked per policy, that walk was a
/// measurable share of `mosc validate` on large repositories (Benchmarks/RESULTS.md). The memo holds exactly
/// what the uncached functions return, computed through them. A class with one slot per platform: as a struct
/// in a dictionary, each question copied the platform's answers (a reference count per set) and hashed the
/// platform, and the rules ask hundreds of thousands of questions on a large repository.
final class GateMemo: Sendable {
    /// The answers for one platform.
    struct PlatformGates: Sendable {
        let ddmThreshold: OSVersion?
        let settingsThreshold: OSVersion?
        let enforcementEnrollments: Set<Enrollment>
        let settingsEnrollments: Set<Enrollment>
        let legacyCommands: [LegacyRequest: LegacyCommandSupport]
        let installActions: [InstallAction: OSVersion]
        /// `minimumOS(forScheduleKey:)` for every key of a `ScheduleOSUpdate` update item.
        let scheduleKeyFloors: [String: OSVersion?]
    }

    /// By `Platform.position`.
    private let platforms: [PlatformGates]
    /// `settingsKey(_:)` for every key of the settings declaration, by path.
    let settingsKeys: [String: SettingsKeyGate]

    /// The answers for `platform`.
    subscript(platform: Platform) -> PlatformGates {
        _read { yield platforms[platform.position] }
    }

    /// Computes every answer with `gates`, whose own memo is still nil.
    init(_ gates: SoftwareUpdateGates) {
        let updateKeys =
            gates.catalog.command(LegacyRequest.scheduleOSUpdate.rawValue)?.allPayloadKeys.map(\.path)
            .filter { $0.hasPrefix("Updates[].") }.map { String($0.dropFirst("Updates[].".count)) } ?? []
        // Sorted by position, so the table does not depend on the order the cases are declared in.
        platforms = Platform.allCases.sorted { $0.position < $1.position }.map { platform in
            var commands: [LegacyRequest: LegacyCommandSupport] = [:]
            for request in LegacyRequest.allCases {
                commands[request] = gates.legacyCommandSupport(request, platform: platform)
            }
            var floors: [String: OSVersion?] = [:]
            for key in updateKeys {
                floors[key] = gates.minimumOS(forScheduleKey: key, platform: platform)
            }
            return PlatformGates(
                ddmThreshold: gates.ddmThreshold(for: platform),
                settingsThreshold: gates.settingsThreshold(for: platform),
                enforcementEnrollments: gates.enforcementEnrollments(for: platform),
                settingsEnrollments: gates.settingsEnrollments(for: platform),
                legacyCommands: commands,
                installActions: gates.installActions(for: platform),
                scheduleKeyFloors: floors)
        }
        var settingsKeys: [String: SettingsKeyGate] = [:]
        for gate in gates.settingsKeys {
            settingsKeys[gate.path] = settingsKeys[gate.path] ?? gate
        }
        self.settingsKeys = settingsKeys
    }
}
