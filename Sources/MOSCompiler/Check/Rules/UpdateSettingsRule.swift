import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The `settings:` block becomes Apple's `softwareupdate.settings` declaration, so each key must exist on the
/// policy's platform, suit its cohorts' enrollment, and hold a value Apple's schema allows. Devices below the
/// declaration's own OS gate ignore it, which is worth a warning.
struct UpdateSettingsRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .settingNotOnPlatform, .settingNeedsSupervision, .settingsBelowOSGate, .settingOutOfRange,
        .betaProgramConflict,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let gates = context.options.gates
        for policy in context.repository.policies {
            guard let settings = policy.settings, let platform = policy.platform?.value else { continue }
            // The settings are the policy's, shared by its tracks: judged against all its cohorts' devices.
            let cohorts = context.cohortsAcrossTracks(of: policy).map(\.cohort).filter { $0.platform == platform }
            for entry in settings.entries {
                guard let gate = gates.settingsKey(entry.applePath) else { continue }
                switch gate.availability(on: platform) {
                case .unavailable:
                    let elsewhere = gate.platforms.map(\.rawValue).joined(separator: ", ")
                    diagnostics.emit(
                        .settingNotOnPlatform,
                        "settings.\(entry.path) (\(entry.applePath)) does not exist on \(platform)", at: entry.location,
                        hint: elsewhere.isEmpty ? nil : "Apple offers it on \(elsewhere)")
                    continue
                case .notInPinnedSchema:
                    break
                case .available(let since, let enrollments):
                    checkKeyGate(
                        entry, since: since, platform: platform, cohorts: cohorts, gates: gates, into: &diagnostics)
                    if let cohort = cohorts.first(where: { $0.paths.hasDDM && !enrollments.contains($0.enrollment) }) {
                        diagnostics.emit(
                            .settingNeedsSupervision,
                            "settings.\(entry.path) needs \(enrollments.map(\.rawValue).sorted().joined(separator: " or ")) devices, but cohort '\(cohort.name)' is \(cohort.enrollment)-enrolled",
                            at: entry.location,
                            notes: [diagnostics.note("cohort '\(cohort.name)' is defined here", at: cohort.location)])
                    }
                }
                checkValue(entry, key: gate.key, into: &diagnostics)
            }
            checkBeta(settings, into: &diagnostics)
            checkGate(settings, platform: platform, cohorts: cohorts, gates: gates, into: &diagnostics)
        }
    }

    /// A key newer than the declaration (macOS `Beta`: 15.4, the declaration 15.0): devices between the two
    /// gates take the declaration but not the key. (Below the declaration's gate `checkGate` speaks.)
    private func checkKeyGate(
        _ entry: UpdateSettingsSyntax.Entry, since: OSVersion, platform: Platform, cohorts: [CohortModel],
        gates: SoftwareUpdateGates, into diagnostics: inout DiagnosticBag
    ) {
        guard let threshold = gates.settingsThreshold(for: platform), threshold < since else { return }
        for cohort in cohorts
        where cohort.range.hasVersions(atOrAbove: threshold) && cohort.range.hasVersions(below: since) {
            diagnostics.emit(
                .settingsBelowOSGate,
                "settings.\(entry.path) needs \(platform) \(since), but cohort '\(cohort.name)' runs \(cohort.range): its devices below \(since) do not know the key",
                at: entry.location,
                notes: [diagnostics.note("cohort '\(cohort.name)' is defined here", at: cohort.location)])
        }
    }

    private func checkValue(_ entry: UpdateSettingsSyntax.Entry, key: SchemaKey, into diagnostics: inout DiagnosticBag)
    {
        switch entry.value {
        case .string(let text):
            if let allowed = key.rangeList, !allowed.contains(text) {
                diagnostics.emit(
                    .settingOutOfRange,
                    "settings.\(entry.path) is '\(text)'; expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))",
                    at: entry.location,
                    hint: NodeReader.suggestion(for: text, among: allowed).map { "did you mean '\($0)'?" })
            }
        case .integer(let value):
            if let bounds = key.range?.integerBounds, !bounds.contains(value) {
                diagnostics.emit(
                    .settingOutOfRange,
                    "settings.\(entry.path) is \(value); expected \(bounds.lowerBound) to \(bounds.upperBound)",
                    at: entry.location)
            }
        default:
            break
        }
    }

    /// Apple: OfferPrograms only with ProgramEnrollment Allowed or AlwaysOn, never with RequireProgram;
    /// RequireProgram only with AlwaysOn.
    private func checkBeta(_ settings: UpdateSettingsSyntax, into diagnostics: inout DiagnosticBag) {
        // A policy has a few entries: the first with a path is found by looking, not through a table per policy.
        func entry(_ path: String) -> UpdateSettingsSyntax.Entry? { settings.entries.first { $0.applePath == path } }
        let enrollment: String? =
            if case .string(let value)? = entry("Beta.ProgramEnrollment")?.value { value } else { nil }
        if let offer = entry("Beta.OfferPrograms") {
            if entry("Beta.RequireProgram") != nil {
                diagnostics.emit(
                    .betaProgramConflict, "settings.beta.offerPrograms cannot be combined with requireProgram",
                    at: offer.location)
            } else if enrollment == "AlwaysOff" {
                diagnostics.emit(
                    .betaProgramConflict, "settings.beta.offerPrograms needs programEnrollment Allowed or AlwaysOn",
                    at: offer.location)
            }
        }
        if let require = entry("Beta.RequireProgram"), enrollment != "AlwaysOn" {
            diagnostics.emit(
                .betaProgramConflict, "settings.beta.requireProgram needs programEnrollment AlwaysOn",
                at: require.location)
        }
    }

    private func checkGate(
        _ settings: UpdateSettingsSyntax, platform: Platform, cohorts: [CohortModel], gates: SoftwareUpdateGates,
        into diagnostics: inout DiagnosticBag
    ) {
        guard let threshold = gates.settingsThreshold(for: platform) else {
            diagnostics.emit(
                .settingsBelowOSGate, "\(platform) devices do not take the software update settings declaration",
                at: settings.location)
            return
        }
        for cohort in cohorts where cohort.range.hasVersions(below: threshold) {
            let what =
                cohort.range.hasVersions(atOrAbove: threshold)
                ? "its devices below \(platform) \(threshold) cannot take these settings (their activation lists the enforcement alone)"
                : "none of its devices runs \(platform) \(threshold) or later, so none takes these settings"
            diagnostics.emit(
                .settingsBelowOSGate, "cohort '\(cohort.name)' runs \(cohort.range): \(what)", at: settings.location)
        }
    }
}
