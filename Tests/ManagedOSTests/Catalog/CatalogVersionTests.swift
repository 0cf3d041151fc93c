import ManagedOS
import Testing

@Suite struct CatalogVersionTests {
    @Test(arguments: [
        ("15", [15]), ("15.7.8", [15, 7, 8]), ("26.0", [26, 0]), ("2.0.1", [2, 0, 1]), ("15.10", [15, 10]),
        ("1.2.3.4", [1, 2, 3, 4]),
    ])
    func parsesValidVersions(_ text: String, _ components: [Int]) {
        #expect(CatalogVersion(text)?.components == components)
        #expect(CatalogVersion(text)?.description == text)
    }

    @Test(arguments: [
        "", ".", "15.", ".15", "15..1", "15.a", "v15", "15.07", "-1", "+15", " 15", "15 ", "1.2.3.4.5",
        "1234567", "15,7", "١٥",
    ])
    func rejectsInvalidVersions(_ text: String) {
        #expect(CatalogVersion(text) == nil)
    }

    @Test(arguments: [("15.9", "15.10"), ("15.7.9", "15.10"), ("9.9", "10"), ("15", "15.0.1"), ("15.4.1", "15.5")])
    func ordersNumerically(_ lower: String, _ higher: String) throws {
        let low = try #require(CatalogVersion(lower))
        let high = try #require(CatalogVersion(higher))
        #expect(low < high)
        #expect(!(high < low))
    }

    @Test func trailingZerosNameTheSameVersion() throws {
        let short = try #require(CatalogVersion("15"))
        let long = try #require(CatalogVersion("15.0.0"))
        #expect(short == long)
        #expect(!(short < long) && !(long < short))
        #expect(Set([short, long]).count == 1)
        #expect(short.major == 15)
    }
}
