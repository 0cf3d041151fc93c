import ManagedOS

/// YAML with emoji markers (1️⃣ … 9️⃣) that pin expected diagnostic places; the markers are removed before parsing.
public struct MarkedText: Sendable {
    /// The text without markers.
    public let text: String
    /// Each marker's 1-based line and column in `text`.
    public let markers: [String: (line: Int, column: Int)]

    /// The markers recognised.
    public static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// Strips markers from `marked`, remembering where they were.
    public init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        scan: while let character = rest.first {
            for name in Self.markerNames where rest.hasPrefix(name) {
                markers[name] = (line, column)
                rest = rest.dropFirst(name.count)
                continue scan
            }
            text.append(character)
            if character == "\u{FEFF}" && line == 1 && column == 1 {
                // A leading byte order mark is no column, as mosc counts them.
            } else if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.markers = markers
    }
}
