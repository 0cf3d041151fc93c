import ManagedOS
import ManagedOSTestSupport
import Testing

/// legacy.timeZone names a place: abbreviations and Windows names get the zone meant (MOS210), fixed offsets and
/// legacy rule sets a warning (MOS214).
@Suite struct TimeZoneRuleTests {
    /// A mixed macOS cohort and a policy whose legacy.timeZone is `zone` (written as is, marker included).
    static func policy(zone: String) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=13.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: macOS
        target: {version: "26.6.2"}
        deadline: "2027-01-12T18:00"
        legacy: {timeZone: \(zone)}
        cohorts: [macs]
        """
    }

    static let cases: [DiagnosticCase] = [
        DiagnosticCase("an abbreviation", [.at(.invalidTimeZone, "1️⃣")], yaml: policy(zone: "1️⃣PST")),
        DiagnosticCase(
            "a Windows zone name", [.at(.invalidTimeZone, "1️⃣")], yaml: policy(zone: "1️⃣\"Pacific Standard Time\"")),
        DiagnosticCase("a fixed-offset zone", [.at(.nonGeographicTimeZone, "1️⃣")], yaml: policy(zone: "1️⃣EST")),
        DiagnosticCase("an Etc offset", [.at(.nonGeographicTimeZone, "1️⃣")], yaml: policy(zone: "1️⃣Etc/GMT+5")),
        DiagnosticCase("a legacy rule set", [.at(.nonGeographicTimeZone, "1️⃣")], yaml: policy(zone: "1️⃣PST8PDT")),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase("UTC, which the spec allows", [], yaml: policy(zone: "UTC")),
        DiagnosticCase("Etc/UTC", [], yaml: policy(zone: "Etc/UTC")),
        DiagnosticCase("a place without daylight saving", [], yaml: policy(zone: "America/Phoenix")),
        DiagnosticCase("a country link", [], yaml: policy(zone: "Japan")),
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test(arguments: [
        ("PST", "America/Los_Angeles"), ("pdt", "America/Los_Angeles"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("EST", "America/New_York"), ("Eastern Standard Time", "America/New_York"), ("CST", "America/Chicago"),
        ("W. Europe Standard Time", "Europe/Berlin"), ("AEST", "Australia/Sydney"), ("PST8PDT", "America/Los_Angeles"),
    ])
    func theZoneMeantIsTheHint(_ written: String, _ meant: String) throws {
        let result = DiagnosticCase("", [], yaml: Self.policy(zone: "\"\(written)\"")).validate()
        let diagnostic = try #require(
            result.diagnostics.first { $0.code == .invalidTimeZone || $0.code == .nonGeographicTimeZone })
        #expect(diagnostic.hint == "did you mean '\(meant)'?")
        #expect(ZoneRules.named(meant) != nil, "the zone meant must be a real zone")
    }

    @Test func anAmbiguousAbbreviationSuggestsNoOtherAbbreviation() {
        // 'IST' stands for India, Ireland and Israel: no guess, and never the fixed zones 'EST', 'HST' or 'MST'.
        let result = DiagnosticCase("", [], yaml: Self.policy(zone: "IST")).validate()
        let hint = result.diagnostics.first { $0.code == .invalidTimeZone }?.hint ?? ""
        for fixed in ["'EST'", "'HST'", "'MST'"] { #expect(!hint.contains(fixed), "\(hint)") }
        #expect(ZoneRules.suggestions(for: "PST").allSatisfy { ZoneRules.nonGeographicKind(of: $0) == nil })
    }

    @Test func aFixedOffsetSaysItsOffsetAndTheInvertedSign() throws {
        let result = DiagnosticCase("", [], yaml: Self.policy(zone: "Etc/GMT+5")).validate()
        let warning = try #require(result.diagnostics.first { $0.code == .nonGeographicTimeZone })
        #expect(warning.message.contains("UTC-05:00") && warning.message.contains("daylight saving"))
        #expect(warning.message.contains("invert"))
    }
}
