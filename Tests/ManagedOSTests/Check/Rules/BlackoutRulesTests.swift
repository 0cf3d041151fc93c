import ManagedOS
import ManagedOSTestSupport
import Testing

/// Blackouts (change freezes and holidays): computed deadlines move past them, written-out ones are warned
/// about, with the nearest allowed times. macOS 15.7.9 was released Thursday 2026-08-06; now is 2026-11-25.
@Suite struct BlackoutRulesTests {
    static func repository(_ body: String, settings: String = "") -> String {
        """
        apiVersion: mosc/v1
        kind: Settings
        \(settings.isEmpty ? "identifierPrefix: com.example" : settings)
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: macOS
        target: {version: "15.7.9"}
        cohorts: [macs]

        """ + body
    }

    static let freeze = """
        blackouts:
          - {from: "2026-12-21", to: "2027-01-01", reason: Holiday change freeze}
          - {date: "01-15", reason: Year-end close}
        """

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "a written-out deadline in the holiday freeze", [.at(.deadlineInBlackout, "1️⃣")],
            yaml: repository("deadline: 1️⃣\"2026-12-23T17:00\"", settings: freeze)),
        DiagnosticCase(
            "a written-out deadline on a yearly day, from the policy's own blackouts",
            [.at(.deadlineInBlackout, "1️⃣")],
            yaml: repository(
                "deadline: 1️⃣\"2027-01-15T17:00\"\nblackouts:\n  - {date: \"01-15\", reason: Year-end close}")),
        DiagnosticCase(
            "a computed deadline is moved, not warned about", [],
            yaml: repository("deadline: {afterRelease: 140d, time: \"17:00\"}", settings: freeze)),
        DiagnosticCase(
            "dates out of order", [.at(.invalidValue, "1️⃣")],
            yaml: repository(
                "deadline: \"2027-01-12T17:00\"\nblackouts:\n  - {from: 1️⃣\"2027-01-02\", to: \"2026-12-21\", reason: x}"
            )),
        DiagnosticCase(
            "a blackout without dates", [.at(.missingKey, "1️⃣")],
            yaml: repository("deadline: \"2027-01-12T17:00\"\nblackouts:\n  - 1️⃣{from: \"12-24\", reason: x}")),
        DiagnosticCase(
            "a blackout without a reason", [.at(.missingKey, "1️⃣")],
            yaml: repository("deadline: \"2027-01-12T17:00\"\nblackouts:\n  - 1️⃣{date: \"12-24\"}")),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func theWarningNamesTheBlackoutAndTheNearestAllowedTimes() {
        let text = DiagnosticCase(
            "freeze", [],
            yaml: Self.repository("deadline: \"2026-12-23T17:00\"\nskipDays: [Sat, Sun]", settings: Self.freeze)
        ).renderedText()
        #expect(
            text.contains(
                "warning: deadline 2026-12-23T17:00:00 falls in the blackout 'Holiday change freeze' (2026-12-21 to 2027-01-01) [MOS229]"
            ), "\(text)")
        // Before: Friday 12-18 (12-19/20 are a weekend); after: Monday 2027-01-04 (01-02/03 are a weekend).
        #expect(
            text.contains("the nearest allowed times are \"2026-12-18T17:00:00\" and \"2027-01-04T17:00:00\""),
            "\(text)")
    }

    struct Move: Sendable, CustomTestStringConvertible {
        var delay: String
        var skip: [Weekday]
        var expected: String
        var by: String?
        var testDescription: String { "\(delay) \(skip.map(\.shortName))" }
    }

    static let freezeDays = [
        Blackout(
            days: .dates(from: LocalDate(year: 2026, month: 12, day: 21), to: LocalDate(year: 2027, month: 1, day: 1)),
            reason: "Holiday change freeze"),
        Blackout(days: .yearly(from: MonthDay(month: 1, day: 4), to: MonthDay(month: 1, day: 4)), reason: "Inventory"),
    ]

    @Test(arguments: [
        Move(delay: "139d", skip: [], expected: "2027-01-02T17:00:00", by: "Holiday change freeze"),  // 12-23
        Move(delay: "140d", skip: [], expected: "2027-01-02T17:00:00", by: "Holiday change freeze"),
        // Out of the freeze onto a weekend, then onto the yearly inventory day: Tuesday 2027-01-05.
        Move(delay: "140d", skip: [.saturday, .sunday], expected: "2027-01-05T17:00:00", by: "Inventory"),
        Move(delay: "130d", skip: [.saturday, .sunday], expected: "2026-12-14T17:00:00", by: nil),  // Monday stays
    ])
    func computedDeadlinesMovePastBlackouts(_ move: Move) throws {
        let here = SourceMark(fileID: 1, line: 1, column: 1)
        let syntax = DeadlineSyntax.relative(
            RelativeDeadlineSyntax(
                location: here, afterRelease: Located(move.delay, at: here), time: Located("17:00", at: here)))
        let release = try #require(OSCatalog.bundled.resolve(.version(OSVersion(15, 7, 9)), platform: .macOS))
        let resolved = try resolveDeadline(
            syntax, target: release, skipDays: Set(move.skip), blackouts: Self.freezeDays
        ).get()
        #expect(resolved.value.wireString == move.expected)
        #expect((resolved.movedFrom != nil) == (move.by != nil))
        #expect(resolved.movedBy?.reason == move.by)
    }

    @Test(arguments: [
        ("12-24", "01-01", "2026-12-31", true), ("12-24", "01-01", "2027-01-01", true),
        ("12-24", "01-01", "2027-01-02", false), ("12-24", "01-01", "2026-12-23", false),
        ("02-29", "02-29", "2028-02-29", true), ("02-29", "02-29", "2027-03-01", false),
    ])
    func yearlyBlackoutsWrapTheYear(_ from: String, _ to: String, _ date: String, _ covered: Bool) throws {
        let blackout = Blackout(
            days: .yearly(from: try #require(MonthDay(from)), to: try #require(MonthDay(to))), reason: "r")
        let day = try #require(LocalDateTime.parse(date + "T00:00").value).date
        #expect(blackout.contains(day) == covered)
    }

    @Test func monthDaysAreReal() {
        #expect(MonthDay("02-29") != nil)
        #expect(MonthDay("02-30") == nil)
        #expect(MonthDay("13-01") == nil)
        #expect(MonthDay("1-01") == nil)
    }
}
