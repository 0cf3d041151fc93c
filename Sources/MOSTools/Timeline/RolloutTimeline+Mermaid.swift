import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension RolloutTimeline {
    /// A Mermaid `gantt` chart: with `now`, a `now` milestone (the browser's own today line is switched off: it
    /// would show the day the chart is viewed); a section per policy; per cohort in ring order the span from its
    /// target's release to its deadline (the notice window when the release date is unknown) and the deadline,
    /// both marked `done` once the deadline has passed.
    public var mermaid: String {
        var out = Self.header(title)
        if let now = nowWallTime {
            out += "    todayMarker off\n    section now\n"
            out += "    now \(now.mermaidText)Z :milestone, crit, \(now.mermaidText), 0m\n"
        }
        if !blackouts.isEmpty {
            out += "    section blackouts\n"
            for band in blackouts {
                let name = band.reason.replacingOccurrences(of: ":", with: " ").replacingOccurrences(of: "#", with: " ")
                out += "    \(name) :crit, \(band.start.mermaidText), \(band.end.mermaidText)\n"
            }
        }
        var section: String?
        for entry in entries {
            if entry.policy != section {
                section = entry.policy
                out += "    section \(entry.policy)\n"
            }
            let span = entry.released == nil ? "notice" : "release to deadline"
            let done = entry.passed ? "done, " : ""
            out += "    ring \(entry.ring) \(entry.cohort) \(span) :\(done)\(entry.spanStart.mermaidText), "
            out += "\(entry.deadline.mermaidText)\n"
            let moved = entry.movedBy.map { " (moved past \($0.replacingOccurrences(of: ":", with: " ")))" } ?? ""
            out += "    \(entry.cohort) deadline\(moved)\(entry.passed ? " (passed)" : "") :milestone, \(done)"
            out += "\(entry.deadline.mermaidText), 0m\n"
        }
        return out
    }

    /// Two timelines in one chart: unchanged cohorts once, changed ones as a `before` bar (done) and an `after`
    /// bar (active; critical when the deadline moved earlier), added and removed ones marked so.
    /// - Parameters:
    ///   - before: The base side's timeline.
    ///   - after: The head side's timeline.
    ///   - policies: Only cohorts of these policies are drawn (the policies a change touches).
    ///   - limit: At most this many bars; the rest are left out and the title says how many.
    public static func mermaidComparison(
        before: RolloutTimeline, after: RolloutTimeline, policies: Set<String>, limit: Int = 200
    ) -> String {
        let old = before.byCohort
        let new = after.byCohort
        let names = Set(old.keys).union(new.keys).filter { name in
            (new[name]?.policy).map(policies.contains) == true || (old[name]?.policy).map(policies.contains) == true
        }
        let ordered = names.compactMap { new[$0] ?? old[$0] }.sorted {
            ($0.policy, $0.ring, $0.cohort) < ($1.policy, $1.ring, $1.cohort)
        }
        var lines: [String] = []
        var section: String?
        var bars = 0
        var skipped = 0
        for entry in ordered {
            let a = old[entry.cohort]
            let b = new[entry.cohort]
            var rows: [String] = []
            switch (a, b) {
            case (let a?, let b?) where a.deadline == b.deadline && a.noticeStart == b.noticeStart:
                rows.append(bar("ring \(b.ring) \(b.cohort)", b, tag: nil))
            case (let a?, let b?):
                rows.append(bar("ring \(a.ring) \(a.cohort) before", a, tag: "done"))
                rows.append(
                    bar("ring \(b.ring) \(b.cohort) after", b, tag: b.deadline < a.deadline ? "crit" : "active"))
            case (nil, let b?):
                rows.append(bar("ring \(b.ring) \(b.cohort) added", b, tag: "active"))
            case (let a?, nil):
                rows.append(bar("ring \(a.ring) \(a.cohort) removed", a, tag: "done"))
            case (nil, nil):
                break
            }
            guard bars + rows.count <= limit else {
                skipped += rows.count
                continue
            }
            if entry.policy != section {
                section = entry.policy
                lines.append("    section \(entry.policy)\n")
            }
            bars += rows.count
            lines += rows
        }
        let title = "Rollout before and after" + (skipped > 0 ? " (\(skipped) bars left out)" : "")
        return header(title) + lines.joined()
    }

    package static func header(_ title: String) -> String {
        """
        gantt
            title \(title.replacingOccurrences(of: "\n", with: " "))
            dateFormat YYYY-MM-DD HH:mm
            axisFormat %Y-%m-%d

        """
    }

    static func bar(_ name: String, _ entry: Entry, tag: String?) -> String {
        let prefix = tag.map { "\($0), " } ?? ""
        let start = entry.noticeStart == entry.deadline ? entry.deadline.mermaidText : entry.noticeStart.mermaidText
        return "    \(name) :\(prefix)\(start), \(entry.deadline.mermaidText)\n"
    }
}
