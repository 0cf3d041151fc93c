import ManagedOS
import Testing

@Suite struct ZoneRulesNameTests {
    @Test(arguments: [
        "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Tokyo", "UTC", "Etc/UTC", "Etc/GMT+5",
        "Etc/GMT-14", "Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "America/Argentina/Buenos_Aires",
        "America/Indiana/Indianapolis", "Pacific/Kiritimati", "US/Eastern", "EST", "EST5EDT", "GMT",
    ])
    func acceptsIANANames(_ name: String) {
        #expect(ZoneRules.named(name)?.identifier == name)
    }

    @Test(arguments: [
        "", "america/new_york", "America/New York", "America/New_Yrok", "New_York", "GMT+5", "GMT+0500",
        "UTC+1", "+01:00", "Z", "CEST", "PST", "Factory", "localtime", "SystemV/AST4", "Etc/Unknown", "Local",
        " UTC", "Europe/Berlin ",
    ])
    func rejectsOtherNames(_ name: String) {
        #expect(ZoneRules.named(name) == nil)
    }

    @Test(arguments: [
        ("America/New_Yrok", ["America/New_York"]),
        ("new york", ["America/New_York"]),
        ("america/new_york", ["America/New_York"]),
        ("Europe/Berln", ["Europe/Berlin"]),
        ("berlin", ["Europe/Berlin"]),
        ("Australia/Sidney", ["Australia/Sydney"]),
        ("Asia/Tokio", ["Asia/Tokyo"]),
        ("Kolkata", ["Asia/Kolkata"]),
        ("utc", ["UTC", "Etc/UTC", "UCT"]),
        ("xyzzy plugh", []),
        ("", []),
        (String(repeating: "a", count: 10_000), []),
    ])
    func suggestsCloseNames(_ bad: String, _ expected: [String]) {
        #expect(ZoneRules.suggestions(for: bad) == expected)
    }

    @Test func suggestsAtMostTheLimit() {
        #expect(ZoneRules.suggestions(for: "Eastern").count <= 3)
        #expect(ZoneRules.suggestions(for: "Europe/Berln", limit: 0).isEmpty)
    }

    @Test func knownIdentifiersAreSortedAndLoadable() {
        let names = ZoneRules.knownIdentifiers
        #expect(names == names.sorted())
        #expect(names.count >= 590)
        #expect(names.allSatisfy { ZoneRules.named($0) != nil })
    }

    @Test func equalityIsByIdentifier() {
        #expect(ZoneRules.named("UTC") == ZoneRules.named("UTC"))
        #expect(ZoneRules.named("UTC") != ZoneRules.named("Etc/UTC"))
    }
}
