extension ZoneRules {
    /// Up to `limit` known identifiers closest to a name ``named(_:)`` rejected, best first.
    ///
    /// Case is ignored and spaces count as underscores; the query is compared with each whole identifier
    /// and with its last part, so `America/New_Yrok`, `america/new_york` and `new york` all suggest
    /// `America/New_York`. Far-off names give an empty list.
    public static func suggestions(for bad: String, limit: Int = 3) -> [String] {
        // Spaces count as underscores; ties go to a match on the whole name, then to alphabetical order.
        Suggestions.ranked(bad.replacing(" ", with: "_"), among: lowercasedCandidates, limit: limit) {
            [$0.whole, $0.lastPart]
        }.map(\.identifier)
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
