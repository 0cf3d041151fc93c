import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The enforce step's instant is the deadline read in `legacy.timeZone`, with the zone's DST rules, on both sides
/// of a spring-forward gap and of an autumn overlap (inside an overlap: the first occurrence).
@Suite struct LegacyPlanTimeTests {
    struct Case: Sendable, CustomStringConvertible {
        var zone: String
        var deadline: String
        var utc: String
        var offset: String
        var resolution = "unique"
        var description: String { "\(zone) \(deadline)" }
    }

    static let cases: [Case] = [
        // America/New_York: 2027-03-14 02:00 EST -> 03:00 EDT; 2027-11-07 02:00 EDT -> 01:00 EST.
        Case(zone: "America/New_York", deadline: "2027-03-14T01:30", utc: "2027-03-14T06:30:00Z", offset: "-05:00"),
        Case(zone: "America/New_York", deadline: "2027-03-14T03:30", utc: "2027-03-14T07:30:00Z", offset: "-04:00"),
        Case(zone: "America/New_York", deadline: "2027-11-07T00:30", utc: "2027-11-07T04:30:00Z", offset: "-04:00"),
        Case(
            zone: "America/New_York", deadline: "2027-11-07T01:30", utc: "2027-11-07T05:30:00Z", offset: "-04:00",
            resolution: "overlap-first"),
        Case(zone: "America/New_York", deadline: "2027-11-07T02:30", utc: "2027-11-07T07:30:00Z", offset: "-05:00"),
        // Europe/Berlin: 2027-03-28 02:00 CET -> 03:00 CEST; 2027-10-31 03:00 CEST -> 02:00 CET.
        Case(zone: "Europe/Berlin", deadline: "2027-03-28T01:30", utc: "2027-03-28T00:30:00Z", offset: "+01:00"),
        Case(zone: "Europe/Berlin", deadline: "2027-03-28T03:30", utc: "2027-03-28T01:30:00Z", offset: "+02:00"),
        Case(zone: "Europe/Berlin", deadline: "2027-10-31T01:30", utc: "2027-10-30T23:30:00Z", offset: "+02:00"),
        Case(
            zone: "Europe/Berlin", deadline: "2027-10-31T02:30", utc: "2027-10-31T00:30:00Z", offset: "+02:00",
            resolution: "overlap-first"),
        Case(zone: "Europe/Berlin", deadline: "2027-10-31T03:30", utc: "2027-10-31T02:30:00Z", offset: "+01:00"),
        // Australia/Sydney: 2027-04-04 03:00 AEDT -> 02:00 AEST; 2027-10-03 02:00 AEST -> 03:00 AEDT.
        Case(zone: "Australia/Sydney", deadline: "2027-04-04T01:30", utc: "2027-04-03T14:30:00Z", offset: "+11:00"),
        Case(
            zone: "Australia/Sydney", deadline: "2027-04-04T02:30", utc: "2027-04-03T15:30:00Z", offset: "+11:00",
            resolution: "overlap-first"),
        Case(zone: "Australia/Sydney", deadline: "2027-04-04T03:30", utc: "2027-04-03T17:30:00Z", offset: "+10:00"),
        Case(zone: "Australia/Sydney", deadline: "2027-10-03T01:30", utc: "2027-10-02T15:30:00Z", offset: "+10:00"),
        Case(zone: "Australia/Sydney", deadline: "2027-10-03T03:30", utc: "2027-10-02T16:30:00Z", offset: "+11:00"),
        // Asia/Tokyo: no DST, always +09:00.
        Case(zone: "Asia/Tokyo", deadline: "2027-03-14T09:00", utc: "2027-03-14T00:00:00Z", offset: "+09:00"),
        Case(zone: "Asia/Tokyo", deadline: "2027-11-07T01:30", utc: "2027-11-06T16:30:00Z", offset: "+09:00"),
    ]

    /// `downloadLeadTime: 0m` sends no separate DownloadOnly: the plan leaves the step out and says why.
    @Test func zeroLeadTimeLeavesTheDownloadOut() throws {
        let result = LegacyFixture.compile(
            LegacyFixture.repository(
                osVersions: ">=13.0 <14", target: "13.7.8", deadline: "2027-03-14T09:00", timeZone: "Asia/Tokyo",
                legacy: ["downloadLeadTime: 0m"]))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let plan = try LegacyFixture.plan(try #require(result.output))
        #expect(plan.step("download") == nil)
        #expect(plan.step("enforce")?.utc == "2027-03-14T00:00:00Z")
        #expect(plan.omitted.contains { $0.item == "download" && $0.reason.contains("downloadLeadTime is 0") })
    }

    /// Offsets keep their seconds when they have any (local mean times), and stay `±hh:mm` otherwise.
    @Test(arguments: [
        (0, "+00:00"), (-18_000, "-05:00"), (1172, "+00:19:32"), (-2670, "-00:44:30"), (20_700, "+05:45"),
    ])
    func offsetsKeepTheirSeconds(_ seconds: Int, _ text: String) {
        #expect(ZoneRules.formatOffset(seconds) == text)
    }

    @Test(arguments: cases)
    func enforceInstantIsTheDeadlineInTheZone(_ c: Case) throws {
        let result = LegacyFixture.compile(
            LegacyFixture.repository(
                osVersions: ">=13.0 <14", target: "13.7.8", deadline: c.deadline, timeZone: c.zone,
                legacy: ["downloadLeadTime: 3d"]))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let output = try #require(result.output)
        let plan = try LegacyFixture.plan(output)
        let enforce = try #require(plan.step("enforce"))
        #expect(enforce.utc == c.utc)
        #expect(enforce.utcOffset == c.offset)
        #expect(enforce.local == c.deadline + ":00")
        #expect(plan.deadline.utc == c.utc)
        #expect(plan.deadline.resolution == c.resolution)
        #expect(plan.deadline.timeZone == c.zone)

        // The instant shows the deadline on the zone's clocks.
        let zone = try #require(ZoneRules.named(c.zone))
        let instant = try #require(Instant.parseISO8601(c.utc))
        #expect(zone.localDateTime(at: instant).wireString == c.deadline + ":00")

        // Download runs exactly the lead time (72 hours) before, verify 6 hours after; the manifest agrees.
        let download = try #require(plan.step("download"))
        #expect(download.utc == instant.adding(seconds: -3 * 86_400).iso8601)
        #expect(plan.step("verify")?.utc == instant.adding(seconds: 6 * 3600).iso8601)
        let recorded = output.manifest.cohorts["devices"]?.legacyPlan
        #expect(recorded?.map(\.step) == ["publish", "download", "enforce", "verify"])
        #expect(recorded?.first { $0.step == "enforce" }?.utc == c.utc)
        #expect(recorded?.first?.utc == nil)
    }

    @Test func overlapIsNoted() throws {
        let result = LegacyFixture.compile(
            LegacyFixture.repository(osVersions: ">=13.0 <14", target: "13.7.8", deadline: "2027-11-07T01:30"))
        let plan = try LegacyFixture.plan(try #require(result.output))
        #expect(plan.notes.contains { $0.contains("occurs twice") && $0.contains("-04:00") })
    }
}
