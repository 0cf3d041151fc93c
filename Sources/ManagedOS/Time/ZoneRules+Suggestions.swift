extension ZoneRules {
    /// Up to `limit` known identifiers closest to a name ``named(_:)`` rejected, best first.
    ///
    /// Case is ignored and spaces count as underscores; the query is compared with each whole identifier
    /// and with its last part, so `America/New_Yrok`, `america/new_york` and `new york` all suggest
    /// `America/New_York`. Far-off names give an empty list.
    public static func suggestions(for bad: String, limit: Int = 3) -> [String] {
        let query = Array(bad.lowercased().replacing(" ", with: "_").utf8)
        // A name with more than 64 bytes is no typo of an identifier; this also bounds the work.
        guard !query.isEmpty, query.count <= 64 else { return [] }
        let maximumDistance = max(1, min(3, query.count / 4))
        var scored: [(distance: Int, wholeName: Bool, identifier: String)] = []
        for candidate in lowercasedCandidates {
            let whole = EditDistance.optimalStringAlignment(query, candidate.whole, limit: maximumDistance)
            let last = EditDistance.optimalStringAlignment(query, candidate.lastPart, limit: maximumDistance)
            let distance = min(whole, last)
            if distance <= maximumDistance {
                scored.append((distance, whole <= last, candidate.identifier))
            }
        }
        // Ties go to a match on the whole name, then to alphabetical order, so the output is stable.
        scored.sort {
            ($0.distance, $0.wholeName ? 0 : 1, $0.identifier) < ($1.distance, $1.wholeName ? 0 : 1, $1.identifier)
        }
        return scored.prefix(max(0, limit)).map(\.identifier)
    }

    /// Each known identifier with its lowercased UTF-8 forms, computed once.
    private static let lowercasedCandidates: [(identifier: String, whole: [UInt8], lastPart: [UInt8])] =
        knownIdentifierList.map { identifier in
            let whole = Array(identifier.lowercased().utf8)
            let lastPart = whole.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? whole
            return (identifier, whole, lastPart)
        }
}

/// Edit distances for "did you mean" suggestions.
enum EditDistance {
    /// The optimal string alignment distance (Levenshtein plus swaps of neighbours, so `Yrok` is one edit
    /// from `York`). Returns `limit + 1` as soon as the distance must exceed `limit`.
    static func optimalStringAlignment(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // Later cells build on the last two rows only, so once both exceed the limit every result will.
            if rowMinimum > limit && previous.min() ?? 0 > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
