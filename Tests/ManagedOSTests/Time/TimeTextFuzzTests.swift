import ManagedOS
import Testing

/// Every one-character edit of some good inputs: no parser may trap, and anything accepted must
/// survive a round trip through its canonical text.
@Suite struct TimeTextFuzzTests {
    static let alphabet: [Character] = ["0", "2", "9", "-", "+", ":", "T", "t", "Z", ".", " ", "d", "h", "m", "é", "/"]

    static func edits(of seed: String) -> [String] {
        let characters = Array(seed)
        var results: Set<String> = [seed, ""]
        for index in characters.indices {
            results.insert(String(characters[..<index]))
            results.insert(String(characters[..<index] + characters[(index + 1)...]))
            for replacement in alphabet {
                var changed = characters
                changed[index] = replacement
                results.insert(String(changed))
                changed.insert(replacement, at: index)
                results.insert(String(changed))
            }
        }
        return results.sorted()
    }

    @Test(arguments: ["2026-03-01T09:00:00", "2024-02-29T23:59", "2026-11-25T09:00:00.5+05:30", "2026-12-31T24:00Z"])
    func dateTimeParsersHoldUp(_ seed: String) {
        for text in Self.edits(of: seed) {
            if case .valid(let value) = LocalDateTime.parse(text) {
                #expect(LocalDateTime.parse(value.wireString) == .valid(value), "\(text)")
            }
            if let instant = Instant.parseISO8601(text) {
                #expect(Instant.parseISO8601(instant.iso8601) == instant, "\(text)")
            }
        }
    }

    @Test(arguments: ["1d12h30m", "90m", "3650d"])
    func durationParserHoldsUp(_ seed: String) {
        for text in Self.edits(of: seed) {
            if case .valid(let value) = DurationSpec.parse(text) {
                #expect(DurationSpec.parse(value.description) == .valid(value), "\(text)")
            }
        }
    }

    @Test func suggestionsHoldUp() {
        // Each call scores about 600 names, so a sample of the edits keeps the debug-build test quick.
        for (index, text) in Self.edits(of: "Asia/Tokyo").enumerated() where index % 5 == 0 {
            #expect(ZoneRules.suggestions(for: text).count <= 3)
        }
    }
}
