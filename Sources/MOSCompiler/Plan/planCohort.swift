import MOSBasics
import MOSDomain
import MOSOutput

/// One cohort with every output decision taken: which declarations its DDM devices get, under which
/// identifiers, and its pre-DDM devices' legacy plan. Emit writes it and decides nothing.
struct CohortPlan {
    /// The lowered cohort: target, deadline and options.
    var ir: CohortPlanIR
    /// The DDM declarations; nil when no device takes the DDM path.
    var ddm: DDMPlan?
    /// The legacy plan; nil when no device needs one, or when it was refused (an error then).
    var legacy: LegacyPlanBuild?
}

/// The declarations of a cohort's DDM path.
struct DDMPlan {
    /// The enforcement declarations: one, or one per track.
    var enforcements: [Enforcement]
    /// The settings declaration, when the policy has settings and some device can take the declaration.
    var settings: Settings?
    /// The activations: one without a predicate, or several whose predicates select devices by OS version.
    var activations: [Activation]

    /// One enforcement declaration: its Identifier, payload facts, and the oldest OS it applies to.
    struct Enforcement {
        var identifier: String
        var targetOSVersion: String
        var targetBuild: String?
        var deadline: LocalDateTime
        var minimumOS: OSVersion
        /// A track's major; nil for a policy with one target.
        var major: Int? = nil

        /// A track's enforcement applies below the next major only.
        var belowOS: OSVersion? { major.map { OSVersion($0 + 1) } }
    }

    /// The settings declaration: its Identifier, payload, and the oldest OS it applies to.
    struct Settings {
        var identifier: String
        var payload: [String: JSONValue]
        var minimumOS: OSVersion
    }

    /// One activation: the configurations it turns on, for the devices its predicate selects.
    struct Activation {
        var identifier: String
        /// Identifiers of the configurations it lists.
        var configurations: [String]
        /// An `OSVersionPredicate`; nil for every device of the cohort.
        var predicate: String?
        /// The OS window its predicate selects: from `minimumOS`, below `belowOS` (nil: no upper bound).
        var minimumOS: OSVersion
        var belowOS: OSVersion?
    }
}

/// Plans one cohort's output: reads Apple's gates for the settings declaration and the legacy plan, names the
/// declarations, and reports what it shortened (MOS301) or refused (MOS253) at the cohort.
func planCohort(
    _ ir: CohortPlanIR, identifierPrefix prefix: String, gates: SoftwareUpdateGates,
    diagnostics: inout DiagnosticBag
) -> CohortPlan {
    let cohort = ir.cohort
    var plan = CohortPlan(ir: ir)
    if cohort.paths.hasDDM {
        var shortened: [String] = []
        func identifier(_ kind: Declaration.Kind, variant: String? = nil) -> String {
            let (id, wasShortened) = Declaration.identifier(
                prefix: prefix, policy: ir.policy, cohort: cohort.name, kind: kind, variant: variant)
            if wasShortened { shortened.append(id) }
            return id
        }
        var settings: DDMPlan.Settings?
        // Devices below the settings declaration's own gate cannot take it; emit it only if some device can.
        if let payload = ir.settings, let threshold = gates.settingsThreshold(for: cohort.platform),
            cohort.range.hasVersions(atOrAbove: threshold)
        {
            settings = DDMPlan.Settings(
                identifier: identifier(.settings), payload: payload,
                minimumOS: max(cohort.lowestDDMVersion, threshold))
        }
        let enforcements: [DDMPlan.Enforcement]
        var activations: [DDMPlan.Activation] = []
        if ir.tracks.isEmpty {
            let enforcement = DDMPlan.Enforcement(
                identifier: identifier(.enforcement), targetOSVersion: ir.targetOSVersion,
                targetBuild: ir.targetBuild, deadline: ir.deadline, minimumOS: cohort.lowestDDMVersion)
            enforcements = [enforcement]
            activations = activationsFor(
                enforcement.identifier, window: (cohort.lowestDDMVersion, nil), settings: settings, major: nil,
                identifier: { identifier(.activation, variant: $0) })
        } else {
            // One enforcement per track, each activated only on devices of its major (SUMMARY.md §9: a device
            // processes the enforcement with the earliest TargetLocalDateTime first and ignores any at or
            // below its installed version, so a device never sees another major's enforcement at all).
            var planned: [DDMPlan.Enforcement] = []
            for track in ir.tracks where track.cohort.paths.hasDDM {
                let variant = "\(track.major)"
                let enforcement = DDMPlan.Enforcement(
                    identifier: identifier(.enforcement, variant: variant),
                    targetOSVersion: track.plan.targetOSVersion, targetBuild: track.plan.targetBuild,
                    deadline: track.plan.deadline,
                    minimumOS: track.cohort.lowestDDMVersion, major: track.major)
                planned.append(enforcement)
                activations += activationsFor(
                    enforcement.identifier,
                    window: (track.cohort.lowestDDMVersion, OSVersion(track.major + 1)), settings: settings,
                    major: track.major,
                    identifier: {
                        identifier(.activation, variant: [variant, $0].compactMap { $0 }.joined(separator: "-"))
                    })
            }
            enforcements = planned
        }
        if !enforcements.isEmpty {
            plan.ddm = DDMPlan(enforcements: enforcements, settings: settings, activations: activations)
        }
        for id in shortened {
            diagnostics.emit(
                .identifierShortened, "declaration identifier shortened to '\(id)' to fit Apple's 64 octets",
                at: cohort.location)
        }
    }
    // With tracks, the legacy devices follow the primary track, whose target and deadline `ir` holds.
    let legacyCohort = ir.tracks.isEmpty ? cohort : ir.tracks.first { $0.cohort.paths.hasLegacy }?.cohort
    if let legacyCohort, legacyCohort.paths.hasLegacy {
        var legacyIR = ir
        legacyIR.cohort = legacyCohort
        switch LegacyPlanBuilder(gates: gates).build(legacyIR) {
        case .success(let build): plan.legacy = build
        case .failure(let refusal): diagnostics.emit(.noLegacyPath, refusal.message, at: cohort.location)
        }
    }
    return plan
}

/// The activations of one enforcement for the devices in `window` (from its first version, below its second;
/// for a track also of `major`): one listing the settings too when every device there can take them, none when
/// none can, else one each side of the settings gate, so no device is handed a configuration it cannot apply.
private func activationsFor(
    _ enforcement: String, window: (from: OSVersion, below: OSVersion?), settings: DDMPlan.Settings?, major: Int?,
    identifier: (String?) -> String
) -> [DDMPlan.Activation] {
    let majorPredicate = major.map(OSVersionPredicate.major)
    func predicate(_ parts: [String?]) -> String? {
        let present = parts.compactMap { $0 }
        return present.count > 1 ? present.map { "(\($0))" }.joined(separator: " AND ") : present.first
    }
    guard let settings, window.below.map({ settings.minimumOS < $0 }) ?? true else {
        return [
            .init(
                identifier: identifier(nil), configurations: [enforcement], predicate: majorPredicate,
                minimumOS: window.from, belowOS: window.below)
        ]
    }
    let gate = settings.minimumOS
    guard window.from < gate else {
        return [
            .init(
                identifier: identifier(nil), configurations: [enforcement, settings.identifier],
                predicate: majorPredicate, minimumOS: window.from, belowOS: window.below)
        ]
    }
    // The window straddles the settings gate: devices at or above it activate the enforcement and the settings;
    // devices below it the enforcement alone.
    return [
        .init(
            identifier: identifier(nil), configurations: [enforcement, settings.identifier],
            predicate: predicate([majorPredicate, OSVersionPredicate.atLeast(gate)]), minimumOS: gate,
            belowOS: window.below),
        .init(
            identifier: identifier("below-\(gate.identifierText)"), configurations: [enforcement],
            predicate: predicate([majorPredicate, OSVersionPredicate.below(gate)]), minimumOS: window.from,
            belowOS: gate),
    ]
}

extension OSVersion {
    /// `15` for 15.0, else as written (`15.4`): how an identifier names an OS gate.
    fileprivate var identifierText: String { minor == 0 && patch == 0 ? "\(major)" : description }
}
