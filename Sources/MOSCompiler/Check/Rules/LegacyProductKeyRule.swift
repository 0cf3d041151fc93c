import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// A cohort without `osVersions` holds devices from the platform's floor up; where the floor is older than the
/// first OS whose ScheduleOSUpdate takes `ProductVersion` (macOS 11.x), the compiled legacy commands name the
/// update by a placeholder ProductKey that cannot be sent. Said at validate, at the cohort, with the range that
/// avoids it, rather than only in `plan.json`.
struct LegacyProductKeyRule: ValidationRule {
    static let codes: [DiagnosticCode] = [.legacyUpdateNeedsProductKey]

    func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let gates = context.options.gates
        // Only cohorts a policy enforces compile to commands; an unused one has its own warning (MOS205). The set
        // of enforced names is built only when some cohort could need a ProductKey (rarely: most declare a range).
        var enforced: Set<String>?
        let cohorts = context.repository.cohorts
        for index in cohorts.indices {
            guard let model = context.cohortModel(at: index), !model.rangeIsDeclared, model.paths.hasLegacy,
                gates.hasLegacyPath(model.platform), gates.legacyAllows(model.enrollment, on: model.platform),
                let productVersion = gates.minimumOS(forScheduleKey: "ProductVersion", platform: model.platform),
                model.lowestVersion < productVersion
            else { continue }
            if enforced == nil {
                enforced = Set(context.repository.policies.lazy.flatMap { $0.cohorts.lazy.map(\.name.value) })
            }
            guard enforced?.contains(model.name) == true else { continue }
            let floor = model.lowestVersion
            diagnostics.emit(
                .legacyUpdateNeedsProductKey,
                "cohort '\(model.name)' has no osVersions, so it can hold \(model.platform) \(floor) devices, whose ScheduleOSUpdate needs a ProductKey only the device knows: the compiled legacy commands would hold a placeholder that cannot be sent",
                at: cohorts[index].platform?.location ?? cohorts[index].location,
                hint:
                    "declare 'osVersions: \">=\(productVersion)\"' if no device runs \(model.platform) below \(productVersion), or 'osVersions: \">=\(model.ddmThreshold)\"' for a DDM-only cohort"
            )
        }
    }
}
