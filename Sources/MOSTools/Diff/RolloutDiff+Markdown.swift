import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension RolloutDiff {
    /// The pull-request comment: totals, a table with a row per cohort, the risks, the details per cohort, and
    /// a Mermaid `gantt` chart of the touched policies' rollout before and after.
    /// - Parameters:
    ///   - before: The base side's timeline.
    ///   - after: The head side's timeline.
    ///   - limit: At most this many cohorts get a table row and a details block.
    public func markdown(before: RolloutTimeline, after: RolloutTimeline, limit: Int = 200) -> String {
        var out = "## mosc diff\n\n"
        guard hasChanges else {
            return out + "no changes between `\(Self.code(base.label))` and `\(Self.code(head.label))`\n"
        }
        out += "`\(Self.code(base.label))` → `\(Self.code(head.label))`: \(summaryLine)"
        out +=
            "; \(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")\n\n"
        let risksByCohort = Dictionary(grouping: risks, by: \.cohort)
        out += "| Cohort | Change | Policy | Ring | Target | Deadline | Re-sync | Risks |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for cohort in cohorts.prefix(limit) {
            let facts = cohort.current
            let codes = (risksByCohort[cohort.cohort] ?? []).map { $0.code.rawValue }
            let cells = [
                "`\(cohort.cohort)`", cohort.change.rawValue, Self.cell(facts?.policy ?? ""),
                facts.map { String($0.ring) } ?? "",
                Self.cell(Self.pair(cohort.base?.targetVersion, cohort.head?.targetVersion, cohort, .targetVersion)),
                Self.cell(Self.pair(cohort.base?.deadline, cohort.head?.deadline, cohort, .deadline)),
                Self.resyncCell(cohort.resync), codes.isEmpty ? "" : codes.joined(separator: ", "),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if cohorts.count > limit {
            out += "\n\(cohorts.count - limit) more cohorts differ; see `mosc diff --format json`.\n"
        }
        if !risks.isEmpty {
            out += "\n### Risks\n\n"
            for risk in risks {
                let place = risk.location.map { " (\(Self.cell($0.description)))" } ?? ""
                out +=
                    "- **\(risk.severity.rawValue)** \(risk.code.rawValue) `\(risk.cohort)`\(place): \(Self.cell(risk.message))\n"
            }
        }
        out += "\n### Details\n"
        for cohort in cohorts.prefix(limit) {
            out += "\n#### `\(cohort.cohort)` (\(cohort.change.rawValue))\n\n"
            switch cohort.change {
            case .added:
                if let head = cohort.head {
                    out +=
                        "Newly enforced by policy `\(head.policy)` (ring \(head.ring)): target \(Self.cell(head.targetVersion))"
                    out += head.targetBuild.map { " (\(Self.cell($0)))" } ?? ""
                    out += " by \(Self.cell(head.deadline)), paths \(head.paths.joined(separator: ", ")).\n"
                }
            case .removed:
                out += "No longer enforced: its devices lose enforcement and stay on the OS they run.\n"
            case .changed:
                out += "| Field | Before | After | |\n|---|---|---|---|\n"
                for field in cohort.fields {
                    out +=
                        "| `\(field.field)` | \(Self.cell(Self.value(field.before))) | \(Self.cell(Self.value(field.after))) | \(Self.annotation(field) ?? "") |\n"
                }
            }
            if let resync = Self.resyncText(cohort.resync) {
                out += "\nRe-sync: \(Self.cell(resync.replacingOccurrences(of: " -> ", with: " → "))).\n"
            }
        }
        let policies = Set(cohorts.compactMap { $0.head?.policy } + cohorts.compactMap { $0.base?.policy })
        out += "\n### Rollout\n\nNotice window (minimumNotice \(minimumNotice)) and deadline per cohort, by ring.\n\n"
        out += "```mermaid\n"
        out += RolloutTimeline.mermaidComparison(before: before, after: after, policies: policies)
        out += "```\n"
        return out
    }

    /// `a → b (annotation)`, or the one value when only one side has it or they are equal.
    package static func pair(_ old: String?, _ new: String?, _ cohort: CohortDiff, _ field: DiffField) -> String {
        guard let old, let new, old != new else { return new ?? old ?? "" }
        let note = cohort.fields.first { $0.is(field) }.flatMap(annotation).map { " (\($0))" } ?? ""
        return "\(old) → **\(new)**\(note)"
    }

    static func resyncCell(_ resync: Resync) -> String {
        var parts: [String] = []
        if resync.ddm { parts.append("DDM") }
        if resync.legacyPlan { parts.append("legacy") }
        return parts.joined(separator: ", ")
    }

    /// Text safe inside a table cell: no pipes, line breaks or HTML.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text safe inside a code span.
    package static func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}
