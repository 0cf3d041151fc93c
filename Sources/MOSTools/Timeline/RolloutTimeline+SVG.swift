import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension RolloutTimeline {
    /// Layout of the SVG chart, in pixels.
    private enum Layout {
        package static let width = 1000
        static let labelWidth = 260
        static let chartWidth = 700
        package static let top = 56
        static let rowHeight = 24
        static let barHeight = 14
    }

    /// A self-contained SVG chart (no scripts, fonts or external references), byte-identical for the same
    /// timeline: a row per policy, then per cohort in ring order the span from its target's release to its
    /// deadline (a bar; the notice window, hatched, when the release date is unknown) and the deadline (a diamond,
    /// grey once passed), and a dashed line at `now`.
    public var svg: String {
        let rows = svgRows
        let height = Layout.top + max(rows.count, 1) * Layout.rowHeight + 48
        let (start, end) = range
        let span = Double(max(end - start, 1))
        func position(_ time: LocalDateTime) -> Double {
            Double(Layout.labelWidth) + Double(time.secondsSinceEpochAsIfUTC - start) / span * Double(Layout.chartWidth)
        }
        func x(_ time: LocalDateTime) -> String { Self.number(position(time)) }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Layout.width)" height="\(height)" \
            viewBox="0 0 \(Layout.width) \(height)" font-family="sans-serif" font-size="12">
            <title>\(Self.escape(title))</title>
            <rect x="0" y="0" width="\(Layout.width)" height="\(height)" fill="#ffffff"/>
            <text x="8" y="20" font-size="15" font-weight="bold">\(Self.escape(title))</text>

            """
        let bottom = Layout.top + rows.count * Layout.rowHeight
        for tick in ticks(start: start, end: end) {
            let position = x(tick)
            out += """
                <line x1="\(position)" y1="\(Layout.top - 12)" x2="\(position)" y2="\(bottom)" stroke="#dddddd"/>
                <text x="\(position)" y="\(Layout.top - 16)" text-anchor="middle" fill="#555555">\(tick.date)</text>

                """
        }
        // Blackouts: shaded days behind the bars, the reason as the tooltip.
        for band in blackouts {
            let from = max(position(band.start), Double(Layout.labelWidth))
            let to = min(position(band.end), Double(Layout.labelWidth + Layout.chartWidth))
            guard to > from else { continue }
            out += """
                <rect x="\(Self.number(from))" y="\(Layout.top - 12)" width="\(Self.number(to - from))" \
                height="\(bottom - Layout.top + 12)" fill="#fdae6b" fill-opacity="0.3"><title>\(Self.escape(
                    "blackout: \(band.reason) (\(band.start.date) to \(band.end.adding(days: -1).date))"))</title></rect>

                """
        }
        for (index, row) in rows.enumerated() {
            let y = Layout.top + index * Layout.rowHeight
            let middle = y + Layout.rowHeight / 2
            switch row {
            case .section(let policy):
                out += "<text x=\"8\" y=\"\(middle + 4)\" font-weight=\"bold\">\(Self.escape(policy))</text>\n"
            case .entry(let entry):
                let label = "ring \(entry.ring) \(entry.cohort) (\(entry.platform) \(entry.targetVersion))"
                out += "<text x=\"20\" y=\"\(middle + 4)\">\(Self.escape(label))</text>\n"
                let barY = middle - Layout.barHeight / 2
                if entry.spanStart < entry.deadline {
                    let width = Self.number(position(entry.deadline) - position(entry.spanStart))
                    let (fill, what) =
                        entry.released.map {
                            (
                                "#9ecae1",
                                "released \($0.date), \(Self.days(from: $0, to: entry.deadline)) to the deadline"
                            )
                        }
                        ?? ("#e0e0e0", "release date unknown; notice from \(entry.noticeStart.mermaidText)")
                    out += """
                        <rect x="\(x(entry.spanStart))" y="\(barY)" width="\(width)" height="\(Layout.barHeight)" fill="\(fill)" \
                        stroke="#3182bd"><title>\(Self.escape("\(entry.cohort): \(what)"))</title></rect>

                        """
                }
                let dx = position(entry.deadline)
                let points = [
                    (dx, Double(middle - 7)), (dx + 7, Double(middle)), (dx, Double(middle + 7)),
                    (dx - 7, Double(middle)),
                ]
                .map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
                let tip =
                    "\(entry.cohort): deadline \(entry.deadline.mermaidText)" + (entry.passed ? " (passed)" : "")
                    + (entry.legacyEnforce.map { ", legacy enforce \($0)" } ?? "")
                out += """
                    <polygon points="\(points)" fill="\(entry.passed ? "#888888" : "#d62728")"><title>\(Self.escape(tip))</title></polygon>

                    """
            }
        }
        if let now = nowWallTime {
            let position = x(now)
            out += """
                <line x1="\(position)" y1="\(Layout.top - 12)" x2="\(position)" y2="\(bottom)" stroke="#d62728" stroke-dasharray="4 3"/>
                <text x="\(position)" y="\(bottom + 12)" text-anchor="middle" fill="#d62728">now \(now.mermaidText)Z</text>

                """
        }
        let legendY = bottom + 32
        let notice = minimumNoticeSeconds > 0 ? DiffText.duration(minimumNoticeSeconds) : "off"
        out += """
            <rect x="8" y="\(legendY - 10)" width="24" height="10" fill="#9ecae1" stroke="#3182bd"/>
            <text x="38" y="\(legendY)">release to deadline</text>
            <rect x="170" y="\(legendY - 10)" width="24" height="10" fill="#e0e0e0" stroke="#3182bd"/>
            <text x="200" y="\(legendY)">release unknown: notice window (\(notice))</text>
            <polygon points="480,\(legendY - 10) 486,\(legendY - 5) 480,\(legendY) 474,\(legendY - 5)" fill="#d62728"/>
            <text x="494" y="\(legendY)">deadline (device local time)</text>
            <polygon points="690,\(legendY - 10) 696,\(legendY - 5) 690,\(legendY) 684,\(legendY - 5)" fill="#888888"/>
            <text x="704" y="\(legendY)">passed</text>
            </svg>

            """
        return out
    }

    /// `45 days` between two wall times, rounded down.
    static func days(from start: LocalDateTime, to end: LocalDateTime) -> String {
        let days = (end.secondsSinceEpochAsIfUTC - start.secondsSinceEpochAsIfUTC) / 86_400
        return days == 1 ? "1 day" : "\(days) days"
    }

    /// A row of the chart.
    package enum Row {
        case section(String)
        case entry(Entry)
    }

    var svgRows: [Row] {
        var rows: [Row] = []
        var section: String?
        for entry in entries {
            if entry.policy != section {
                section = entry.policy
                rows.append(.section(entry.policy))
            }
            rows.append(.entry(entry))
        }
        return rows
    }

    /// The time span drawn (as-if-UTC seconds): the earliest span start (or `now`) to the latest deadline (or
    /// `now`), a day either side.
    package var range: (start: Int64, end: Int64) {
        let now = nowWallTime.map { [$0.secondsSinceEpochAsIfUTC] } ?? []
        let starts = entries.map(\.spanStart.secondsSinceEpochAsIfUTC) + now
        let ends = entries.map(\.deadline.secondsSinceEpochAsIfUTC) + now
        let day: Int64 = 86_400
        let start = ((starts.min() ?? 0) / day - 1) * day
        let end = ((ends.max() ?? 0) / day + 2) * day
        return (start, end)
    }

    /// Midnights at a step that leaves at most 10 ticks.
    func ticks(start: Int64, end: Int64) -> [LocalDateTime] {
        let day: Int64 = 86_400
        let steps: [Int64] = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728, 1820, 3640]
        let days = (end - start) / day
        let step = (steps.first { days / $0 <= 10 } ?? 3640) * day
        var ticks: [LocalDateTime] = []
        var tick = start
        while tick <= end {
            ticks.append(LocalDateTime(secondsSinceEpochAsIfUTC: tick))
            tick += step
        }
        return ticks
    }

    /// A coordinate with at most one decimal, no trailing `.0`: the same bytes on every platform.
    package static func number(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Escapes text for XML and HTML.
    package static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
