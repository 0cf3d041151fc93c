import ManagedOS
import Testing

/// Activation predicates on `device.operating-system.version`, evaluated as NSPredicate evaluates them
/// (`PredicateEvaluator`), on version strings where string comparison and numeric order disagree.
@Suite struct OSVersionPredicateTests {
    static let item = OSVersionPredicate.statusItem

    static func holds(_ predicate: String, on version: String) throws -> Bool {
        try PredicateEvaluator.evaluate(predicate, status: [item: version])
    }

    /// The evaluator's string semantics, so the tests below mean something: naive comparison gets these wrong.
    @Test func naiveStringComparisonIsWrong() throws {
        #expect(try Self.holds("@status(\(Self.item)) >= '15.9'", on: "15.10") == false)
        #expect(try Self.holds("@status(\(Self.item)) >= '15.0'", on: "9.0") == true)
        #expect(try Self.holds("@status(\(Self.item)) BEGINSWITH '1'", on: "100.0") == true)
    }

    /// Versions whose string order differs from their numeric order, or that share prefixes.
    static let versions = [
        "9.0", "9.9", "10.0", "13.7.8", "14", "14.0", "14.7.8", "15", "15.0", "15.0.1", "15.1", "15.3.9", "15.4",
        "15.4.0", "15.4.1", "15.9", "15.10", "15.10.1", "15.40", "16.0", "19.9", "20.0", "26.0", "26.3.1", "99.0",
        "100.0", "105.0", "150.4", "1.5", "1.15", "5.1",
    ]

    static let gates = [
        OSVersion(14, 0), OSVersion(15, 0), OSVersion(15, 4), OSVersion(15, 10), OSVersion(15, 4, 1),
        OSVersion(9, 3), OSVersion(10, 0), OSVersion(26, 0), OSVersion(99, 9), OSVersion(100, 0), OSVersion(1, 0),
        OSVersion(0, 0, 1),
    ]

    @Test(arguments: gates)
    func atLeastAndBelowFollowNumericOrder(_ gate: OSVersion) throws {
        for text in Self.versions {
            let version = try #require(OSVersion(text))
            #expect(
                try Self.holds(OSVersionPredicate.atLeast(gate), on: text) == (version >= gate), "\(text) >= \(gate)")
            #expect(try Self.holds(OSVersionPredicate.below(gate), on: text) == (version < gate), "\(text) < \(gate)")
        }
    }

    /// Every version from 0.0.0 to 120.12.3 against every gate up to 30.12.3: exhaustive on small numbers.
    @Test func exhaustiveOnSmallNumbers() throws {
        let gates = [OSVersion(0, 1), OSVersion(2, 0), OSVersion(11, 0), OSVersion(11, 12, 3), OSVersion(30, 9)]
        for gate in gates {
            let predicate = OSVersionPredicate.atLeast(gate)
            for major in [0, 1, 2, 3, 9, 10, 11, 12, 19, 20, 29, 30, 31, 99, 100, 120] {
                for minor in [0, 1, 2, 8, 9, 10, 11, 12, 13] {
                    for patch in [0, 1, 3, 10] {
                        let text = patch == 0 ? "\(major).\(minor)" : "\(major).\(minor).\(patch)"
                        let expected = OSVersion(major, minor, patch) >= gate
                        #expect(try Self.holds(predicate, on: text) == expected, "\(text) >= \(gate)")
                    }
                }
            }
        }
    }

    @Test(arguments: [14, 15, 26, 9, 1])
    func majorSelectsOneMajor(_ major: Int) throws {
        for text in Self.versions {
            let version = try #require(OSVersion(text))
            #expect(try Self.holds(OSVersionPredicate.major(major), on: text) == (version.major == major), "\(text)")
        }
    }

    @Test(arguments: [">=14.0 <15", ">=15.4 <26", ">15.4 <=15.10", ">=9.0 <100", "<15.4", ">=15.10"])
    func withinFollowsTheRange(_ text: String) throws {
        let range = try VersionRange.parse(text).get()
        let predicate = try #require(OSVersionPredicate.within(range))
        for version in Self.versions {
            let parsed = try #require(OSVersion(version))
            #expect(try Self.holds(predicate, on: version) == range.contains(parsed), "\(version) in \(text)")
        }
    }

    /// The predicate strings need no escapes and keep Apple's checker's balance rule: parentheses and quotes.
    @Test func predicatesAreSimpleStrings() {
        for gate in Self.gates {
            let predicate = OSVersionPredicate.below(gate)
            #expect(!predicate.contains("\\"))
            #expect(predicate.filter { $0 == "(" }.count == predicate.filter { $0 == ")" }.count)
            #expect(predicate.filter { $0 == "'" }.count == 2)
        }
    }
}
