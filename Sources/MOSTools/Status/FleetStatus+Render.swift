import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension FleetStatus {
    /// The versioned JSON document: sorted keys, trailing newline.
    public var json: String { CanonicalJSON.string(self) }

    /// A table of counts per cohort, then one line per device; columns padded with spaces, no colour.
    public var text: String {
        var lines = [
            "status at \(now); DDM deadlines count as passed at UTC-12 (the last zone to reach them), "
                + "legacy ones at the legacy plan's enforce instant", "",
        ]
        let statuses = UpdateStatus.allCases
        var table = [["COHORT", "TARGET", "DEVICES"] + statuses.map { $0.rawValue.uppercased() } + ["LATE"]]
        for name in cohorts.keys.sorted() {
            guard let cohort = cohorts[name] else { continue }
            let target = cohort.targetVersion + (cohort.targetBuild.map { " (\($0))" } ?? "")
            table.append(
                [name, target, "\(cohort.devices)"] + statuses.map { "\(cohort.counts[$0.rawValue] ?? 0)" }
                    + ["\(cohort.late)"])
        }
        lines += Self.align(table, rightAligned: Set(2..<(4 + statuses.count)))
        lines.append("")
        var rows = [["DEVICE", "COHORT", "STATUS", "LATE", "REASON"]]
        for device in devices {
            rows.append([
                device.displayID, device.cohort, device.status.rawValue, device.late ? "late" : "-", device.reason,
            ])
        }
        lines += Self.align(rows, rightAligned: [])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pads every column but the last to its widest cell.
    private static func align(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column == row.count - 1 && !rightAligned.contains(column) { return cell }
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
    }
}
