import Foundation
import ManagedOS
import Testing

/// SOFA dates some old releases when it first recorded them (macOS 12.2: 2023-11-02). Such dates are detected
/// and dropped on import, when a catalog file is read, and in the bundled data, so MOS275 and `afterRelease`
/// never rely on them.
@Suite struct ReleaseDateTests {
    static func date(_ text: String) -> CatalogDate? { CatalogDate(text) }

    static func release(_ version: String, _ date: String?) -> OSRelease? {
        guard let number = OSVersion(version) else { return nil }
        return OSRelease(
            version: number, builds: [], releaseDate: date.flatMap { CatalogDate($0) }, exploitedCVEs: 0, cves: nil)
    }

    static func catalog(_ releases: [(String, String?)]) throws -> OSCatalog {
        OSCatalog(
            date: try #require(CatalogDate("2026-08-22")),
            releases: ["macOS": try releases.map { try #require(release($0.0, $0.1)) }])
    }

    @Test func aReleaseDatedAfterAHigherVersionOfItsMajorIsImplausible() throws {
        let catalog = try Self.catalog([
            ("12.1", "2021-12-13"), ("12.2", "2023-11-02"), ("12.4", "2022-05-16"), ("12.5", "2022-07-20"),
        ])
        let found = catalog.implausibleReleaseDates()
        #expect(found.map(\.version) == ["12.2"])
        #expect(found.first?.description == "macOS 12.2 is dated 2023-11-02, after 12.4 (2022-05-16)")
        let marked = catalog.markingImplausibleDatesUnknown()
        #expect(marked.catalog.release(platform: "macOS", version: "12.2")?.releaseDate == nil)
        #expect(marked.catalog.release(platform: "macOS", version: "12.4")?.releaseDate == Self.date("2022-05-16"))
    }

    @Test func aDotZeroReleaseDatedAfterTheNextMajorIsImplausibleButLaterPatchesAreNot() throws {
        let catalog = try Self.catalog([
            ("13.0", "2022-10-24"), ("13.0.1", "2024-06-12"), ("14.0", "2023-09-26"),
            // 12.7.x shipped after 13.0 and 14.0: security updates for older majors are normal.
            ("12.6", "2022-09-12"), ("12.7.6", "2024-07-29"),
        ])
        #expect(catalog.implausibleReleaseDates().map(\.version) == ["13.0.1"])
    }

    @Test func theCompactFormatWritesAnUnknownDateAsAnEmptyFieldInVersion2() throws {
        let catalog = try Self.catalog([("12.2", nil), ("12.4", "2022-05-16")])
        let text = catalog.serialized()
        #expect(text.hasPrefix("mosc-os-catalog\t2\t2026-08-22\n"))
        #expect(text.contains("macOS\t12.2\t\t\t0\t\n"))
        #expect(try OSCatalog.parse(text).get() == catalog)
        // Version 1 had no unknown dates: an empty date there is still a mistake.
        let version1 = text.replacingOccurrences(of: "mosc-os-catalog\t2", with: "mosc-os-catalog\t1")
        guard case .failure(let error) = OSCatalog.parse(version1) else {
            Issue.record("an empty date in format 1 was accepted")
            return
        }
        #expect(error.problems.map(\.message) == ["invalid release date ''; expected YYYY-MM-DD"])
    }

    @Test func readingAFormat1CatalogDropsItsImplausibleDates() throws {
        let text = """
            mosc-os-catalog\t1\t2026-08-22
            macOS\t12.2\t\t2023-11-02\t1\t15
            macOS\t12.4\t\t2022-05-16\t0\t84

            """
        let catalog = try OSCatalog.parse(text).get()
        #expect(catalog.release(platform: "macOS", version: "12.2")?.releaseDate == nil)
        #expect(catalog.release(platform: "macOS", version: "12.4")?.releaseDate == Self.date("2022-05-16"))
    }

    @Test func theBundledCatalogTrustsNoImplausibleDate() {
        let bundled = OSCatalog.bundled
        #expect(bundled.implausibleReleaseDates().isEmpty)
        for version in ["12.2", "12.6", "13.0.1"] {
            #expect(bundled.release(platform: "macOS", version: version)?.releaseDate == nil, "macOS \(version)")
        }
        #expect(bundled.release(platform: "macOS", version: "12.4")?.releaseDate == Self.date("2022-05-16"))
    }

    @Test(.enabled(if: CatalogPaths.sofaAvailable, SOFAImportTests.skipMessage))
    func importingTheRealFeedsReportsTheWrongDates() throws {
        let imported = try OSCatalog.importSOFAReportingDates(feeds: try CatalogPaths.sharedFeeds())
        let macOS = imported.unknownDates.filter { $0.platform == "macOS" }.map(\.version)
        for version in ["12.2", "12.6", "13.0.1"] { #expect(macOS.contains(version), "macOS \(version)") }
        #expect(imported.catalog.implausibleReleaseDates().isEmpty)
    }
}
