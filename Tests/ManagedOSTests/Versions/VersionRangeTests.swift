import ManagedOS
import Testing

/// The `osVersions` grammar: comparators with optional spaces before the version, and bare or `=` versions as
/// release lines (specs/policy-language.md §4).
@Suite struct VersionRangeTests {
    @Test(arguments: [
        (">=14.0", ">=14.0"), (">=13.0 <16", ">=13.0 <16"), ("<14", "<14"), (">14", ">14"), ("<=15", "<=15"),
        // Whitespace after a comparator belongs to it.
        (">= 18.0", ">=18.0"), (">=  13.0\t<  16", ">=13.0 <16"), ("> 13", ">13"),
        // A bare or '=' version is the release line it names, not one exact version.
        ("18", ">=18 <19.0"), ("=18", ">=18 <19.0"), ("==18", ">=18 <19.0"), ("18.2", ">=18.2 <18.3"),
        ("=15.1", ">=15.1 <15.2"), ("18.2.1", "=18.2.1"), (">=16 18", ">=18 <19.0"),
        ("\t>=13.0\t<16 ", ">=13.0 <16"), (">=13 <=13", "=13"),
    ])
    func parses(_ text: String, _ canonical: String) {
        #expect((try? VersionRange.parse(text).get())?.description == canonical)
    }

    @Test(arguments: [
        ("", VersionRange.ParseError.empty), (" ", .empty), (">=", .missingVersion(">=")),
        (">=13 <", .missingVersion("<")), ("=", .missingVersion("=")), ("~13", .badComparator("~13")),
        ("x13", .badComparator("x13")), ("=>13", .badVersion(">13")), (">=13.x", .badVersion("13.x")),
        (">=013", .badVersion("013")), ("13.0.0.0", .badVersion("13.0.0.0")), (">=13.0<16", .badVersion("13.0<16")),
        ("é13", .badComparator("é13")),
    ])
    func rejects(_ text: String, _ error: VersionRange.ParseError) {
        #expect(VersionRange.parse(text) == .failure(error))
    }

    @Test func aMajorHoldsEveryReleaseOfIt() throws {
        let range = try VersionRange.parse("18").get()
        #expect(range.contains(OSVersion(18, 0)) && range.contains(OSVersion(18, 7, 10)))
        #expect(!range.contains(OSVersion(19, 0)) && !range.contains(OSVersion(17, 7)))
    }
}
