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

    /// Each known identifier that names a place, with its lowercased UTF-8 forms, computed once. Fixed offsets
    /// and legacy rule sets are never suggested: 'PST' is not a typo of 'EST' (see `meantZone(for:)`).
    private static let lowercasedCandidates: [(identifier: String, whole: [UInt8], lastPart: [UInt8])] =
        knownIdentifierList.filter { nonGeographicKind(of: $0) == nil }.map { identifier in
            let whole = Array(identifier.lowercased().utf8)
            let lastPart = whole.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? whole
            return (identifier, whole, lastPart)
        }
}
