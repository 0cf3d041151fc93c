import MOSBasics
import MOSDomain

extension PolicySyntax {
    /// The policy's written-out deadlines (its own and its cohorts' overrides) that parse and fall on a day
    /// before `date`, once per place written: the target was not yet available then.
    func writtenDeadlines(before date: LocalDate) -> [(text: Located<String>, value: LocalDateTime)] {
        var written = [deadline?.wallTimeText]
        written += cohorts.map { $0.deadline?.wallTimeText }
        var seen: Set<SourceLocation> = []
        var early: [(text: Located<String>, value: LocalDateTime)] = []
        for text in written.compactMap({ $0 }) where seen.insert(text.location).inserted {
            // A year out of range is MOS220's, not a deadline before anything.
            guard let value = LocalDateTime.parse(text.value).value, value.date < date,
                ResolvedDeadline.supportedYears.contains(value.year)
            else { continue }
            early.append((text, value))
        }
        return early
    }
}
