import Foundation
import ManagedOS
import Testing

@Suite struct OSVersionTests {
    @Test(arguments: [
        ("14", 14, 0, 0, "14"),
        ("14.0", 14, 0, 0, "14.0"),
        ("15.7.8", 15, 7, 8, "15.7.8"),
        ("10.11.5", 10, 11, 5, "10.11.5"),
        ("26.0", 26, 0, 0, "26.0"),
        ("15.10", 15, 10, 0, "15.10"),
        ("0", 0, 0, 0, "0"),
    ])
    func parses(_ text: String, _ major: Int, _ minor: Int, _ patch: Int, _ written: String) throws {
        let version = try #require(OSVersion(text))
        #expect(version.major == major)
        #expect(version.minor == minor)
        #expect(version.patch == patch)
        #expect(version.description == written)
    }

    @Test(arguments: [
        "", "n/a", "14.", ".14", "14..0", "1.2.3.4", "-1", "+14", "14.0a", " 14", "14 ", "15.01", "01",
        "1234567", "١٤", "14,0",
    ])
    func rejects(_ text: String) {
        #expect(OSVersion(text) == nil)
    }

    @Test(arguments: [
        ("9.0", "10.11"), ("10.11", "10.11.5"), ("10.11.5", "11"), ("14.6", "14.10"), ("17", "17.0.1"),
        ("18.4", "26.0"),
    ])
    func ordersNumerically(_ lower: String, _ higher: String) throws {
        let low = try #require(OSVersion(lower))
        let high = try #require(OSVersion(higher))
        #expect(low < high)
        #expect(!(high < low))
        #expect(low != high)
    }

    @Test func equalityIgnoresWrittenPrecision() throws {
        let short = try #require(OSVersion("14"))
        let long = try #require(OSVersion("14.0.0"))
        #expect(short == long)
        #expect(short.hashValue == long.hashValue)
        #expect(Set([short, long, OSVersion(14)]).count == 1)
        #expect(!(short < long) && !(long < short))
    }

    @Test func numericInitialiserPrintsMinorAlways() {
        #expect(OSVersion(14).description == "14.0")
        #expect(OSVersion(12, 3).description == "12.3")
        #expect(OSVersion(15, 7, 8).description == "15.7.8")
    }

    @Test func codableUsesWrittenForm() throws {
        let version = try #require(OSVersion("15.7.8"))
        let encoded = try JSONEncoder().encode([version])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["15.7.8"]"#)
        #expect(try JSONDecoder().decode([OSVersion].self, from: encoded) == [version])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([OSVersion].self, from: Data(#"["x"]"#.utf8)) }
    }
}
