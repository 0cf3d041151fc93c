import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension CohortPair {
    /// What `diff` reads of the enforce step's `ScheduleOSUpdate` command.
    struct EnforceCommand: Decodable {
        package struct Command: Decodable {
            var Updates: [Update]
        }
        struct Update: Decodable {
            package var InstallAction: String?
            package var ProductVersion: String?
            package var ProductKey: String?
            var MaxUserDeferrals: Int?
            var Priority: String?

            package var fields: [(String, String?)] {
                [
                    ("InstallAction", InstallAction), ("ProductVersion", ProductVersion), ("ProductKey", ProductKey),
                    ("MaxUserDeferrals", MaxUserDeferrals.map(String.init)), ("Priority", Priority),
                ]
            }
        }
        package var Command: Command
    }

    /// The legacy path: the zone, each step's UTC instant (from the manifest), and, where the plan's files
    /// differ, the update kind, what the plan leaves out, and the enforce command's install options.
    /// - Parameter explained: Whether the manifest's fields already changed (then nothing more is said of a plan
    ///   that differs only in what those fields imply).
    func compareLegacy(_ before: OutputManifest.Cohort, _ after: OutputManifest.Cohort, explained: Bool)
        -> (fields: [RolloutDiff.FieldChange], changed: Bool)
    {
        let old = artifacts(before, under: "legacy/")
        let new = artifacts(after, under: "legacy/")
        var fields: [RolloutDiff.FieldChange] = []
        if before.timeZone != after.timeZone {
            fields.append(.init(.legacyTimeZone, before: before.timeZone, after: after.timeZone))
        }
        let oldSteps = Dictionary((before.legacyPlan ?? []).map { ($0.step, $0.utc ?? "load") }) { a, _ in a }
        let newSteps = Dictionary((after.legacyPlan ?? []).map { ($0.step, $0.utc ?? "load") }) { a, _ in a }
        for step in LegacyStep.Name.allCases {
            if let change = Self.instant(.legacyStep(step), oldSteps[step.rawValue], newSteps[step.rawValue]) {
                fields.append(change)
            }
        }
        guard old != new else { return (fields, false) }
        let planPath = "cohorts/\(name)/legacy/plan.json"
        let found = fields.count
        if let a = old[planPath], let b = new[planPath], a != b,
            let x = base.decodeJSON(LegacyPlan.self, planPath), let y = head.decodeJSON(LegacyPlan.self, planPath)
        {
            if x.target.update != y.target.update {
                fields.append(.init(.legacyUpdate, before: x.target.update, after: y.target.update))
            }
            let xOmitted = Dictionary(x.omitted.map { ($0.item, $0.reason) }) { a, _ in a }
            let yOmitted = Dictionary(y.omitted.map { ($0.item, $0.reason) }) { a, _ in a }
            for item in Set(xOmitted.keys).union(yOmitted.keys).sorted() where xOmitted[item] != yOmitted[item] {
                fields.append(.init(.legacyOmitted(item), before: xOmitted[item], after: yOmitted[item]))
            }
            if let xFile = x.enforceCommand, let yFile = y.enforceCommand {
                let xPath = "cohorts/\(name)/legacy/\(xFile)"
                let yPath = "cohorts/\(name)/legacy/\(yFile)"
                if old[xPath] != new[yPath],
                    let xUpdate = base.decodePlist(EnforceCommand.self, xPath)?.Command.Updates.first,
                    let yUpdate = head.decodePlist(EnforceCommand.self, yPath)?.Command.Updates.first
                {
                    for ((key, a), (_, b)) in zip(xUpdate.fields, yUpdate.fields) where a != b {
                        fields.append(.init(.legacyEnforce(key), before: a, after: b))
                    }
                }
            }
        }
        if !explained, fields.count == found, let a = old[planPath], let b = new[planPath], a != b, old.keys == new.keys
        {
            // Something else in the plan differs (its notes, a CommandUUID): name the file, not a guess.
            fields.append(.init(.legacyPlan, before: String(a.prefix(12)), after: String(b.prefix(12))))
        }
        return (fields, true)
    }
}

extension LegacyPlan {
    /// The enforce step's `ScheduleOSUpdate` file, relative to the plan's folder.
    var enforceCommand: String? {
        steps.first { $0.name == .enforce }?.commands.first { $0.requestType == "ScheduleOSUpdate" }?.file
    }
}
