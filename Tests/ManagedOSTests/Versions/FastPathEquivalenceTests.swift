import ManagedOS
import Testing

@testable import MOSDomain

/// The byte-level readers the benchmarks asked for (Benchmarks/RESULTS.md) must read exactly what the
/// Character-level ones they replaced read.
@Suite struct FastPathEquivalenceTests {
    static let versions = [
        "14", "14.0", "15.7.8", "26.6.2", "0", "0.0.0", "15.01", "015", "1.2.3.4", "", ".", "15.", ".15", "15..1",
        "123456", "1234567", "15.123456.1", "15.1234567", "a", "15.x", "-1", "+1", " 15", "15 ", "1e3", "15.7.8.",
        "٣", "15.٣", "15\u{301}.1", "15.1\u{301}",
    ]

    @Test(arguments: versions)
    func osVersionReadsLikeBefore(_ text: String) {
        #expect(OSVersion(text) == OSVersion(characters: text))
        #expect(OSVersion(text)?.precision == OSVersion(characters: text)?.precision)
        #expect(OSVersion(text)?.description == OSVersion(characters: text)?.description)
    }

    @Test(arguments: ["", "plain ascii\n", "tab\tand\r\n", String(repeating: "x", count: 17), "é", "ok\u{FF}", "日本"])
    func utf8CheckFindsTheSameByte(_ text: String) {
        var bytes = Array(text.utf8)
        if text == "ok\u{FF}" { bytes = [0x6F, 0x6B, 0xFF] }
        let found = YAMLComposer.firstInvalidUTF8(bytes)
        #expect((found == nil) == (String(validating: bytes, as: UTF8.self) != nil))
        if text == "ok\u{FF}" { #expect(found?.offset == 2 && found?.column == 3) }
    }
}
