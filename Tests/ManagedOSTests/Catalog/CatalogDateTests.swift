import ManagedOS
import Testing

@Suite struct CatalogDateTests {
    @Test(arguments: ["2026-08-22", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func roundTripsValidDates(_ text: String) {
        #expect(CatalogDate(text)?.description == text)
    }

    @Test(arguments: [
        "", "2026-8-22", "2026/08/22", "2026-13-01", "2026-00-10", "2026-04-31", "2025-02-29", "1900-02-29",
        "0000-01-01", "2026-08-22T00:00:00Z", "20260822", "2026-08-2x",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(CatalogDate(text) == nil)
    }

    @Test func ordersChronologically() throws {
        let earlier = try #require(CatalogDate("2025-12-31"))
        let later = try #require(CatalogDate("2026-01-01"))
        #expect(earlier < later)
        #expect(CatalogDate(year: 2026, month: 1, day: 1) == later)
    }
}
