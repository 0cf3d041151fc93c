/// A line diff for failure messages: `-` expected, `+` actual, with a few lines of context around each change.
public enum TextDiff {
    /// A unified-ish diff of `expected` and `actual` (empty when equal). Falls back to the first differing line
    /// when the texts are too large for the quadratic alignment.
    public static func unified(expected: String, actual: String, context: Int = 3) -> String {
        if expected == actual { return "" }
        let old = lines(expected)
        let new = lines(actual)
        guard old.count * new.count <= 4_000_000 else { return firstDifference(old, new) }
        let edits = align(old, new)
        let changed = edits.indices.filter { edits[$0].mark != " " }
        var out = ""
        var shownUpTo = -1
        for index in changed where index > shownUpTo {
            let start = max(index - context, shownUpTo + 1)
            var end = index
            // Extend the hunk while the next change is within reach of this one's trailing context.
            while let next = changed.first(where: { $0 > end }), next <= end + 2 * context { end = next }
            end = min(end + context, edits.count - 1)
            if start > shownUpTo + 1 || shownUpTo == -1 { out += "@@ line \(edits[start].line) @@\n" }
            for edit in edits[start...end] { out += "\(edit.mark)\(edit.text)\n" }
            shownUpTo = end
        }
        return out
    }

    private struct Edit {
        var mark: Character
        var text: String
        /// The 1-based line in the expected text (or where the insertion lands).
        var line: Int
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            // Make trailing whitespace and carriage returns visible: they are the usual invisible mismatch.
            line.hasSuffix(" ") || line.hasSuffix("\r") ? "\(line)⏎" : String(line)
        }
    }

    /// A longest-common-subsequence alignment.
    private static func align(_ old: [String], _ new: [String]) -> [Edit] {
        let n = old.count
        let m = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                edits.append(Edit(mark: " ", text: old[i], line: i + 1))
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                edits.append(Edit(mark: "+", text: new[j], line: i + 1))
                j += 1
            } else {
                edits.append(Edit(mark: "-", text: old[i], line: i + 1))
                i += 1
            }
        }
        return edits
    }

    private static func firstDifference(_ old: [String], _ new: [String]) -> String {
        let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let expected = index < old.count ? old[index] : "<end of text>"
        let actual = index < new.count ? new[index] : "<end of text>"
        return "@@ line \(index + 1) @@\n-\(expected)\n+\(actual)\n"
    }
}
