import ManagedOS
import Testing

/// The catalog's versions are `OSVersion`s (one version type): read from text, never through floating point,
/// compared numerically, printed as written.
@Suite struct CatalogVersionTextTests {
    @Test(arguments: [
        ("15", [15, 0, 0]), ("15.7.8", [15, 7, 8]), ("26.0", [26, 0, 0]), ("2.0.1", [2, 0, 1]), ("15.10", [15, 10, 0]),
    ])
    func parsesValidVersions(_ text: String, _ components: [Int]) {
        let version = OSVersion(text)
        #expect(version.map { [$0.major, $0.minor, $0.patch] } == components)
        #expect(version?.description == text)
    }

    @Test(arguments: [
        "", ".", "15.", ".15", "15..1", "15.a", "v15", "15.07", "-1", "+15", " 15", "15 ", "1.2.3.4", "1.2.3.4.5",
        "1234567", "15,7", "١٥",
    ])
    func rejectsInvalidVersions(_ text: String) {
        #expect(OSVersion(text) == nil)
    }

    @Test(arguments: [("15.9", "15.10"), ("15.7.9", "15.10"), ("9.9", "10"), ("15", "15.0.1"), ("15.4.1", "15.5")])
    func ordersNumerically(_ lower: String, _ higher: String) throws {
        let low = try #require(OSVersion(lower))
        let high = try #require(OSVersion(higher))
        #expect(low < high)
        #expect(!(high < low))
    }

    @Test func trailingZerosNameTheSameVersion() throws {
        let short = try #require(OSVersion("15"))
        let long = try #require(OSVersion("15.0.0"))
        #expect(short == long)
        #expect(!(short < long) && !(long < short))
        #expect(Set([short, long]).count == 1)
        #expect(short.major == 15)
    }
}
