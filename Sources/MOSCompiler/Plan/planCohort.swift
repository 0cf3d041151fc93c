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
    /// The enforcement declaration's Identifier.
    var enforcementIdentifier: String
    /// The settings declaration, when the policy has settings and some device can take the declaration.
    var settings: Settings?
    /// The activations: one without a predicate, or several whose predicates select devices by OS version.
    var activations: [Activation]

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
        let enforcement = identifier(.enforcement)
        var settings: DDMPlan.Settings?
        // Devices below the settings declaration's own gate cannot take it; emit it only if some device can.
        if let payload = ir.settings, let threshold = gates.settingsThreshold(for: cohort.platform),
            cohort.range.hasVersions(atOrAbove: threshold)
        {
            settings = DDMPlan.Settings(
                identifier: identifier(.settings), payload: payload,
                minimumOS: max(cohort.lowestDDMVersion, threshold))
        }
        var activations: [DDMPlan.Activation]
        if let settings, cohort.lowestDDMVersion < settings.minimumOS {
            // The cohort straddles the settings gate: devices at or above it activate the enforcement and the
            // settings; devices below it the enforcement alone, so none is handed a configuration it cannot apply.
            let gate = settings.minimumOS
            activations = [
                .init(
                    identifier: identifier(.activation), configurations: [enforcement, settings.identifier],
                    predicate: OSVersionPredicate.atLeast(gate), minimumOS: gate, belowOS: nil),
                .init(
                    identifier: identifier(.activation, variant: "below-\(gate.identifierText)"),
                    configurations: [enforcement], predicate: OSVersionPredicate.below(gate),
                    minimumOS: cohort.lowestDDMVersion, belowOS: gate),
            ]
        } else {
            activations = [
                .init(
                    identifier: identifier(.activation),
                    configurations: [enforcement] + (settings.map { [$0.identifier] } ?? []), predicate: nil,
                    minimumOS: cohort.lowestDDMVersion, belowOS: nil)
            ]
        }
        plan.ddm = DDMPlan(enforcementIdentifier: enforcement, settings: settings, activations: activations)
        for id in shortened {
            diagnostics.emit(
                .identifierShortened, "declaration identifier shortened to '\(id)' to fit Apple's 64 octets",
                at: cohort.location)
        }
    }
    if cohort.paths.hasLegacy {
        switch LegacyPlanBuilder(gates: gates).build(ir) {
        case .success(let build): plan.legacy = build
        case .failure(let refusal): diagnostics.emit(.noLegacyPath, refusal.message, at: cohort.location)
        }
    }
    return plan
}

extension OSVersion {
    /// `15` for 15.0, else as written (`15.4`): how an identifier names an OS gate.
    fileprivate var identifierText: String { minor == 0 && patch == 0 ? "\(major)" : description }
}
