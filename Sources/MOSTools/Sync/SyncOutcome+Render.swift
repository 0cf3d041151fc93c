import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

extension SyncOutcome {
    /// The plan and the outcome as text, in the style of `mosc diff`: `+` added, `~` changed, `-` removed.
    public func text(dryRun: Bool) -> String {
        var out = "mosc sync \(plan.server.rawValue) \(plan.url)\(dryRun ? " (dry run: nothing is written)" : "")\n"
        out += "observed: \(plan.observed == "record" ? "state record, checked against the server" : "in full")\n"
        out +=
            "declarations: \(plan.added.count) added, \(plan.changed.count) changed, \(plan.removed.count) removed, "
            + "\(plan.unchanged) unchanged\n"
        for change in plan.added { out += "  + \(change.identifier) (\(change.type ?? "?"))\n" }
        for change in plan.changed { out += "  ~ \(change.identifier) (\(change.type ?? "?"))\n" }
        for change in plan.removed { out += "  - \(change.identifier)\(change.type.map { " (\($0))" } ?? "")\n" }
        if !plan.sets.isEmpty {
            out += "sets:\n"
            for set in plan.sets {
                let what = set.cohort.map { "cohort \($0)" } ?? "no cohort wants it: emptied"
                out += "  \(set.set) (\(what))\n"
                for id in set.add { out += "    + \(id)\n" }
                for id in set.remove { out += "    - \(id)\n" }
            }
        }
        if !plan.enrollments.isEmpty {
            out += "enrollments:\n"
            for change in plan.enrollments {
                let name = change.device.map { "\($0) (\(change.enrollment))" } ?? change.enrollment
                let moves = change.add.map { "+ \($0)" } + change.remove.map { "- \($0)" }
                out += "  \(name): \(moves.joined(separator: ", "))\n"
            }
        }
        if !plan.commands.isEmpty {
            out += "commands to enqueue: \(plan.commands.count)\n"
            for command in plan.commands {
                let repeated = command.step == "verify" ? " #\(command.repetition + 1)" : ""
                out +=
                    "  \(command.device) (\(command.enrollment)): \(command.step)\(repeated) \(command.requestType) "
                    + "\(command.commandUUID)\n"
            }
        }
        for held in plan.held { out += "held: \(held.file): \(held.reason)\n" }
        if let notify = plan.notify {
            out += "notify: \(notify.sets.count) sets, \(notify.enrollments.count) enrollments\n"
        } else if !plan.hasChanges {
            out += "nothing to do\n"
        }
        if !dryRun {
            if !plan.commands.isEmpty {
                out += "enqueued \(enqueued), already sent before \(alreadySent)\n"
            }
            if !unpushed.isEmpty {
                out +=
                    "warning: queued but not pushed to \(unpushed.count) enrollments (\(unpushed.joined(separator: ", "))): "
                    + "the server could not push them (no APNs token yet?); they get the commands at their next "
                    + "check-in\n"
            }
            out += "requests: \(requests)\n"
            if let failure {
                out += "stopped: \(failure)\n"
                out +=
                    "cohorts completed: "
                    + (completedCohorts.isEmpty ? "none" : completedCohorts.joined(separator: ", ")) + "\n"
                out += "rerun mosc sync: it reads the server in full and completes the rest\n"
            }
        } else {
            out += "requests (reads): \(requests)\n"
        }
        return out
    }

    /// The plan and the outcome as versioned JSON with sorted keys.
    public func json(dryRun: Bool) -> String {
        struct Document: Encodable {
            var formatVersion = SyncPlan.currentFormatVersion
            var dryRun: Bool
            var plan: SyncPlan
            var requests: Int
            var enqueued: Int
            var alreadySent: Int
            var completedCohorts: [String]?
            var unpushed: [String]?
            var failure: String?
        }
        return CanonicalJSON.string(
            Document(
                dryRun: dryRun, plan: plan, requests: requests, enqueued: enqueued, alreadySent: alreadySent,
                completedCohorts: failure == nil ? nil : completedCohorts, unpushed: unpushed.isEmpty ? nil : unpushed,
                failure: failure?.description))
    }
}
