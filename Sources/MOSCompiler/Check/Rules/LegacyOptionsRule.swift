import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The `legacy:` options must be ones `ScheduleOSUpdate` accepts on the platform, on the oldest OS a cohort's
/// pre-DDM devices may run (gates from Apple's schema). MaxUserDeferrals needs InstallLater; MaxUserDeferrals and
/// Priority act on minor updates only; InstallForceRestart is allowed but may lose the user's unsaved work.
struct LegacyOptionsRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .installActionNotOnPlatform, .maxUserDeferralsNotAllowed, .priorityNotAllowed, .legacyOptionBelowOSGate,
        .installForceRestart, .minorUpdateOptionOnMajorUpdate,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let gates = context.options.gates
        for policy in context.repository.policies {
            guard let legacy = policy.legacy, let platform = policy.platform?.value else { continue }
            let legacyCohorts = context.cohorts(of: policy).map(\.cohort).filter {
                $0.paths.hasLegacy && $0.platform == platform
            }
            let action = legacy.installAction
            if let action {
                if let floor = gates.floor(of: .installAction(action.value), platform: platform) {
                    gate(
                        "installAction \(action.value.rawValue)", floor: floor, at: action.location,
                        cohorts: legacyCohorts, into: &diagnostics)
                } else {
                    let allowed = gates.installActions(for: platform)
                    let names = InstallAction.allCases.filter { allowed[$0] != nil }.map { "'\($0.rawValue)'" }
                    diagnostics.emit(
                        .installActionNotOnPlatform,
                        "installAction '\(action.value.rawValue)' is not available on \(platform)",
                        at: action.location,
                        hint: names.isEmpty ? nil : "\(platform) allows \(names.joined(separator: ", "))")
                }
                if action.value == .installForceRestart {
                    diagnostics.emit(
                        .installForceRestart,
                        "InstallForceRestart restarts the Mac without waiting for the user; Apple warns it may lose unsaved work",
                        at: action.location, hint: "InstallASAP also enforces, with a countdown the user sees")
                }
            }
            if let deferrals = legacy.maxUserDeferrals {
                if platform != .macOS {
                    diagnostics.emit(
                        .maxUserDeferralsNotAllowed, "maxUserDeferrals is available on macOS only",
                        at: deferrals.location)
                } else if action?.value != .installLater {
                    diagnostics.emit(
                        .maxUserDeferralsNotAllowed, "maxUserDeferrals needs installAction InstallLater",
                        at: deferrals.location, hint: "add 'installAction: InstallLater' or remove maxUserDeferrals")
                } else if let floor = gates.floor(of: .maxUserDeferrals, platform: platform) {
                    gate(
                        "maxUserDeferrals", floor: floor, at: deferrals.location, cohorts: legacyCohorts,
                        into: &diagnostics)
                }
                minorOnly(
                    "maxUserDeferrals", at: deferrals.location, policy: policy, cohorts: legacyCohorts,
                    into: &diagnostics)
            }
            if let priority = legacy.priority {
                if platform != .macOS {
                    diagnostics.emit(.priorityNotAllowed, "priority is available on macOS only", at: priority.location)
                } else if let floor = gates.floor(of: .priority, platform: platform) {
                    gate("priority", floor: floor, at: priority.location, cohorts: legacyCohorts, into: &diagnostics)
                }
                minorOnly("priority", at: priority.location, policy: policy, cohorts: legacyCohorts, into: &diagnostics)
            }
        }
    }

    /// An option needing `floor` is an error when a legacy cohort can hold older devices.
    private func gate(
        _ option: String, floor: OSVersion, at location: SourceMark, cohorts: [CohortModel],
        into diagnostics: inout DiagnosticBag
    ) {
        for cohort in cohorts where cohort.lowestVersion < floor {
            diagnostics.emit(
                .legacyOptionBelowOSGate,
                "\(option) needs \(cohort.platform) \(floor), but cohort '\(cohort.name)' can hold devices from \(cohort.lowestVersion)",
                at: location,
                hint: "declare the cohort's 'osVersions' from \(floor), or drop the option",
                notes: [diagnostics.note("cohort '\(cohort.name)' is defined here", at: cohort.location)])
        }
    }

    /// MaxUserDeferrals and Priority apply to minor updates only: warn when a legacy device would update a major.
    private func minorOnly(
        _ option: String, at location: SourceMark, policy: PolicySyntax, cohorts: [CohortModel],
        into diagnostics: inout DiagnosticBag
    ) {
        guard let text = policy.target?.version?.value, let target = OSVersion(text) else { return }
        for cohort in cohorts where LegacyDevices(cohort).updateKind(to: target) != .minor {
            diagnostics.emit(
                .minorUpdateOptionOnMajorUpdate,
                "\(option) applies to minor updates only; devices of cohort '\(cohort.name)' from \(cohort.lowestVersion) take a major update to \(target) and ignore it",
                at: location)
        }
    }
}
