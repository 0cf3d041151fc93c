import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension RolloutTimeline {
    /// A self-contained HTML page (inline style, inline SVG, no scripts or external assets): the chart and a
    /// table of the cohorts.
    public var html: String {
        var rows = ""
        for entry in entries {
            let cells = [
                entry.policy, String(entry.ring), entry.cohort, entry.platform, entry.targetVersion,
                entry.released.map { "\($0.date)" } ?? "unknown", entry.deadline.mermaidText,
                now == nil ? "" : (entry.passed ? "passed" : "ahead"), entry.legacyEnforce ?? "",
            ]
            rows += "<tr>" + cells.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222222; }
            table { border-collapse: collapse; margin-top: 1.5em; }
            th, td { border: 1px solid #cccccc; padding: 4px 8px; text-align: left; }
            th { background: #f3f3f3; }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(title))</h1>
            \(svg)<table>
            <tr><th>Policy</th><th>Ring</th><th>Cohort</th><th>Platform</th><th>Target</th><th>Released</th>\
            <th>Deadline (local)</th><th>At \(Self.escape(nowWallTime.map { "\($0.mermaidText)Z" } ?? "now"))</th>\
            <th>Legacy enforce (UTC)</th></tr>
            \(rows)</table>
            </body>
            </html>

            """
    }
}
