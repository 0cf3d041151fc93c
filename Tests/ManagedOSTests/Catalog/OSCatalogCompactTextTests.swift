import ManagedOS
import Testing

@Suite struct OSCatalogCompactTextTests {
    static let sample = """
        mosc-os-catalog\t1\t2026-08-22
        # a comment
        macOS\t15.10\t\t2026-01-02\t0\t
        macOS\t15.9\t24X1,24X6001\t2026-01-01\t2\t40

        iOS\t18.7.8\t22H6352,22H352\t2026-04-22\t0\t1

        """

    @Test func parsesAndSortsNumerically() throws {
        let catalog = try Self.sample.parsedCatalog()
        #expect(catalog.date.description == "2026-08-22")
        #expect(catalog.releases(platform: "macOS").map(\.version) == ["15.9", "15.10"])
        #expect(catalog.release(platform: "macOS", version: "15.9")?.builds == ["24X1", "24X6001"])
        #expect(catalog.release(platform: "macOS", version: "15.10")?.cves == nil)
        #expect(catalog.release(platform: "macOS", version: "15.9")?.exploitedCVEs == 2)
    }

    @Test func serializedTextIsSortedAndRoundTrips() throws {
        let catalog = try Self.sample.parsedCatalog()
        let text = catalog.serialized()
        let dataLines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(dataLines.first == "mosc-os-catalog\t2\t2026-08-22")
        #expect(
            dataLines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[1] }
                == ["15.9", "15.10", "18.7.8"])
        #expect(text.hasSuffix("\n"))
        let reparsed = try text.parsedCatalog()
        #expect(reparsed == catalog)
        #expect(reparsed.serialized() == text)
    }

    /// Background Security Improvement lines (`bsi …`) are added within format 1 and round-trip.
    @Test func improvementsRoundTrip() throws {
        let text =
            Self.sample
            + "bsi\tmacOS\t26.3.2\ta\t25D771400a\t25D2140\t2026-03-17\t1\t26.4\t2026-03-24\n"
            + "bsi\tmacOS\t26.3.1\ta\t25D771280a\t25D2128\t2026-03-17\t1\t26.4\t2026-03-24\n"
            + "bsi\tiOS\t26.3.1\ta\t23D771330a\t\t2026-03-17\t\t\t\n"
        let catalog = try text.parsedCatalog()
        #expect(catalog.improvements(platform: "macOS").map(\.name) == ["26.3.1 (a)", "26.3.2 (a)"])
        let mac = try #require(catalog.improvement(platform: "macOS", baseVersion: "26.3.1", letter: "a"))
        #expect(mac.build == "25D771280a")
        #expect(mac.prerequisiteBuild == "25D2128")
        #expect(mac.supersededBy?.version.description == "26.4")
        #expect(mac.supersededBy?.releaseDate.description == "2026-03-24")
        let phone = try #require(catalog.improvement(platform: "iOS", baseVersion: "26.3.1", letter: "a"))
        #expect(phone.prerequisiteBuild == nil && phone.cves == nil && phone.supersededBy == nil)
        let serialized = catalog.serialized()
        #expect(serialized.contains("\n# bsi\tplatform\tbaseVersion\tletter\tbuild\t"))
        #expect(try serialized.parsedCatalog() == catalog)
        // Without improvements the format is exactly what it was.
        #expect(!(try Self.sample.parsedCatalog().serialized().contains("bsi")))
    }

    @Test func bundledCatalogRoundTrips() throws {
        let bundled = OSCatalog.bundled
        #expect(!bundled.releases(platform: "macOS").isEmpty)
        let reparsed = try bundled.serialized().parsedCatalog()
        #expect(reparsed == bundled)
    }

    @Test func acceptsWindowsLineEndings() throws {
        let crlf = Self.sample.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(try crlf.parsedCatalog() == Self.sample.parsedCatalog())
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var lines: [Int]
        var testDescription: String { name }
    }

    static let header = "mosc-os-catalog\t1\t2026-08-22\n"

    @Test(arguments: [
        MalformedCase(name: "empty text", text: "", lines: [1]),
        MalformedCase(name: "missing header", text: "macOS\t15.0\t\t2024-09-16\t0\t1\n", lines: [1]),
        MalformedCase(name: "future format", text: "mosc-os-catalog\t3\t2026-08-22\n", lines: [1]),
        MalformedCase(name: "bad catalog date", text: "mosc-os-catalog\t1\t2026-02-30\n", lines: [1]),
        MalformedCase(name: "too few fields", text: header + "# c\nmacOS\t15.0\t\t2024-09-16\t0\n", lines: [3]),
        MalformedCase(name: "unknown platform", text: header + "watchOS\t11.0\t\t2024-09-16\t0\t1\n", lines: [2]),
        MalformedCase(name: "bad version", text: header + "macOS\t15.x\t\t2024-09-16\t0\t1\n", lines: [2]),
        MalformedCase(name: "bad build", text: header + "macOS\t15.0\t24A,\t2024-09-16\t0\t1\n", lines: [2]),
        MalformedCase(name: "repeated build", text: header + "macOS\t15.0\t24A1,24A1\t2024-09-16\t0\t1\n", lines: [2]),
        MalformedCase(name: "bad date", text: header + "macOS\t15.0\t\t2024-9-16\t0\t1\n", lines: [2]),
        MalformedCase(name: "negative count", text: header + "macOS\t15.0\t\t2024-09-16\t-1\t1\n", lines: [2]),
        MalformedCase(name: "bad cves", text: header + "macOS\t15.0\t\t2024-09-16\t0\tmany\n", lines: [2]),
        MalformedCase(
            name: "duplicate", text: header + "macOS\t15.0\t\t2024-09-16\t0\t1\nmacOS\t15\t\t2024-09-16\t0\t1\n",
            lines: [3]),
        MalformedCase(name: "bsi: too few fields", text: header + "bsi\tmacOS\t26.3.1\ta\n", lines: [2]),
        MalformedCase(
            name: "bsi: upper-case letter", text: header + "bsi\tmacOS\t26.3.1\tA\t25D771280a\t\t2026-03-17\t\t\t\n",
            lines: [2]),
        MalformedCase(
            name: "bsi: no build", text: header + "bsi\tmacOS\t26.3.1\ta\t\t\t2026-03-17\t\t\t\n", lines: [2]),
        MalformedCase(
            name: "bsi: superseded without a date",
            text: header + "bsi\tmacOS\t26.3.1\ta\t25D771280a\t\t2026-03-17\t1\t26.4\t\n", lines: [2]),
        MalformedCase(
            name: "bsi: duplicate",
            text: header + "bsi\tiOS\t26.3.1\ta\t23D771330a\t\t2026-03-17\t\t\t\n"
                + "bsi\tiOS\t26.3.1\ta\t23D771330a\t\t2026-03-17\t\t\t\n", lines: [3]),
        MalformedCase(
            name: "several problems reported together",
            text: header + "macOS\t15.0\t\t2024-09-16\t0\t1\n\nmacOS\t1.\t\t2024-09-16\t0\t1\niOS\t18.0\n",
            lines: [4, 5]),
    ])
    func reportsLineNumbers(_ malformed: MalformedCase) {
        switch OSCatalog.parse(malformed.text) {
        case .success:
            Issue.record("parsed malformed text")
        case .failure(let error):
            #expect(error.problems.map(\.line) == malformed.lines, "\(error)")
            #expect(error.description.hasPrefix("line \(malformed.lines.first ?? 0): "))
        }
    }

    @Test func oneLineWithSeveralProblemsReportsEach() {
        guard case .failure(let error) = OSCatalog.parse(Self.header + "tvOS\tx\t\tnever\tnone\t\n") else {
            Issue.record("parsed malformed text")
            return
        }
        #expect(error.problems.count == 3)
        #expect(error.problems.allSatisfy { $0.line == 2 })
    }
}

extension String {
    /// Parses catalog text, throwing the parse problems (which fail the test) when it does not parse.
    func parsedCatalog() throws -> OSCatalog {
        try OSCatalog.parse(self).get()
    }
}
