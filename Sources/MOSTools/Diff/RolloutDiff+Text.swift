import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension RolloutDiff {
    /// The terminal rendering: one block per cohort (`+` added, `-` removed, `~` changed) with its fields and
    /// re-sync, a summary line, then the risk flags as `file:line:col: severity: message [MOS6xx]` lines.
    /// - Parameter colored: Colour the markers with ANSI escapes (only on a terminal).
    public func text(colored: Bool = false) -> String {
        guard hasChanges else { return "no changes\n" }
        func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = "base: \(base.label) (\(base.kind.rawValue), \(base.cohorts) cohorts)\n"
        out += "head: \(head.label) (\(head.kind.rawValue), \(head.cohorts) cohorts)\n"
        for cohort in cohorts {
            out += "\n"
            let facts = cohort.current.map { "\($0.policy), ring \($0.ring), \($0.platform)" } ?? ""
            switch cohort.change {
            case .added:
                let head = cohort.head
                out += paint("+ \(cohort.cohort)", "32") + " (\(facts)): newly enforced"
                out += head.map { ", target \($0.targetVersion) by \($0.deadline)" } ?? ""
                out += "\n"
            case .removed:
                out +=
                    paint("- \(cohort.cohort)", "31")
                    + " (\(facts)): no longer enforced; its devices lose enforcement\n"
            case .changed:
                out += paint("~ \(cohort.cohort)", "33") + " (\(facts))\n"
                for field in cohort.fields {
                    out += "    \(field.field): \(Self.value(field.before)) -> \(Self.value(field.after))"
                    out += Self.annotation(field).map { " (\($0))" } ?? ""
                    out += "\n"
                }
            }
            if let resync = Self.resyncText(cohort.resync) { out += "    re-sync: \(resync)\n" }
        }
        out += "\n\(summaryLine)\n"
        if !risks.isEmpty { out += TextRenderer(colored: colored).render(risks.map(\.diagnostic)) }
        return out
    }

    /// `3 cohorts differ: 1 added, 1 removed, 1 changed; 7 unchanged; devices of 2 cohorts re-sync`.
    package var summaryLine: String {
        let total = summary.added + summary.removed + summary.changed
        return "\(total) cohort\(total == 1 ? "" : "s") differ\(total == 1 ? "s" : ""): \(summary.added) added, "
            + "\(summary.removed) removed, \(summary.changed) changed; \(summary.unchanged) unchanged; "
            + "devices of \(summary.resync.count) cohort\(summary.resync.count == 1 ? "" : "s") re-sync"
    }

    /// A value for display; an absent one is `(none)`.
    package static func value(_ text: String?) -> String { text ?? "(none)" }

    /// `raised`, `lowered`, `later by 3d`, `earlier by 2h`.
    package static func annotation(_ field: FieldChange) -> String? {
        guard let direction = field.direction else { return nil }
        guard let shift = field.shiftSeconds else { return direction }
        return "\(direction) by \(DiffText.duration(shift))"
    }

    /// Who re-syncs and why, or nil when no device sees anything new.
    static func resyncText(_ resync: Resync) -> String? {
        var parts: [String] = []
        if resync.ddm {
            parts.append(
                "DDM devices (DeclarationsToken \(short(resync.declarationsTokenBefore)) -> \(short(resync.declarationsTokenAfter)))"
            )
            for token in resync.serverTokens {
                parts.append("ServerToken of \(token.identifier) \(short(token.before)) -> \(short(token.after))")
            }
        }
        if resync.legacyPlan { parts.append("legacy devices (the command plan changes)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The first 12 hex digits of a token, or `(none)`.
    package static func short(_ token: String?) -> String { token.map { String($0.prefix(12)) } ?? "(none)" }
}

extension RolloutDiff.FieldChange {
    /// `raised`, `lowered`, `later by 3d`, `earlier by 2h`, or nil when the values do not compare.
    public var annotation: String? { RolloutDiff.annotation(self) }
}
