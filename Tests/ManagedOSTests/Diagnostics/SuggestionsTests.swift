import ManagedOS
import Testing

/// The one "did you mean" policy: at most a quarter of the written word's length in edits (1 to 3), case
/// ignored, closest first, ties in the candidates' order.
@Suite struct SuggestionsTests {
    @Test(
        arguments: [
            ("dedline", ["deadline", "detailsURL"], "deadline"),  // one edit in seven letters
            ("Deadline", ["deadline"], "deadline"),  // case is ignored
            ("mac-ofice", ["mac-office", "mac-it"], "mac-office"),
            ("tiem", ["time"], "time"),  // a swap of neighbours is one edit
            ("abc", ["xyz"], nil),
            ("afterRelaese", ["afterRelease", "afterPreviousRing"], "afterRelease"),
            ("asia/tokio", ["asia/tomsk"], nil),  // three edits in ten letters: too far
        ] as [(String, [String], String?)])
    func suggestsWithinTheDistance(_ written: String, _ names: [String], _ expected: String?) {
        #expect(NodeReader.suggestion(for: written, among: names) == expected)
    }

    @Test func tiesKeepTheCandidatesOrder() {
        #expect(NodeReader.suggestion(for: "mac-a", among: ["mac-b", "mac-c"]) == "mac-b")
        #expect(NodeReader.suggestion(for: "mac-a", among: ["mac-c", "mac-b"]) == "mac-c")
    }
}
