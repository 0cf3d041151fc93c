/// "Did you mean": the one policy every suggestion follows (misspelt keys, kinds, weekdays and values, cohort
/// names in policies and device lists, subcommands, time zones).
///
/// Case is ignored. A candidate is offered when it is at most `maximumDistance(ofLength:)` edits from what was
/// written (optimal string alignment: a swap of neighbours is one edit): a quarter of the written word's length, at
/// least 1 and at most 3, so a short word is not "corrected" into an unrelated one. The closest comes first; ties
/// go to the form listed first (a zone's whole name before its last part), then to the candidates' order.
package enum Suggestions {
    /// The most edits a suggestion may be from a written word of `length` bytes.
    package static func maximumDistance(ofLength length: Int) -> Int { max(1, min(3, length / 4)) }

    /// The candidates close enough to `written`, best first, at most `limit`; `forms` gives each candidate's
    /// lowercased UTF-8 spellings to compare with (its name, or also its last part).
    package static func ranked<Candidate>(
        _ written: String, among candidates: [Candidate], limit: Int, forms: (Candidate) -> [[UInt8]]
    ) -> [Candidate] {
        let query = Array(written.lowercased().utf8)
        // A word of more than 64 bytes is no typo of a name; this also bounds the work.
        guard !query.isEmpty, query.count <= 64, limit > 0 else { return [] }
        let maximum = maximumDistance(ofLength: query.count)
        var scored: [(distance: Int, form: Int, index: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            var best: (distance: Int, form: Int)?
            for (form, spelling) in forms(candidate).enumerated() {
                let distance = EditDistance.optimalStringAlignment(query, spelling, limit: maximum)
                if distance <= maximum, best.map({ distance < $0.distance }) ?? true { best = (distance, form) }
            }
            if let best { scored.append((best.distance, best.form, index)) }
        }
        scored.sort { ($0.distance, $0.form, $0.index) < ($1.distance, $1.form, $1.index) }
        return scored.prefix(limit).map { candidates[$0.index] }
    }

    /// The closest of `names` to `written`, if one is close enough.
    package static func closest(to written: String, among names: [String]) -> String? {
        ranked(written, among: names, limit: 1) { [Array($0.lowercased().utf8)] }.first
    }
}
