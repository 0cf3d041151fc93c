import ManagedOS
import ManagedOSTestSupport
import Testing

/// `late`: past the deadline without Pass. DDM deadlines are judged at UTC−12; legacy at the plan's instant.
@Suite struct LateTests {
    typealias F = StatusFixture

    /// mac-it's deadline 2026-12-08T18:00 local last occurs at 2026-12-09T06:00:00Z (UTC−12).
    @Test(arguments: [
        ("2026-12-09T05:59:59Z", false), ("2026-12-09T06:00:00Z", true), ("2026-12-20T00:00:00Z", true),
    ])
    func ddmDeviceIsLateOnlyOnceTheDeadlinePassedEverywhere(_ now: String, _ late: Bool) {
        let instant = Instant.parseISO8601(now) ?? .testingNow
        let result = F.run(reports: [("C02AAA0001.json", F.ddm(installState: "downloading"))], now: instant)
        #expect(F.device(result, "C02AAA0001")?.late == late)
        #expect(result.fleet.cohorts["mac-it"]?.ddmLateAfter == "2026-12-09T06:00:00Z")
        #expect(result.fleet.cohorts["mac-it"]?.late == (late ? 1 : 0))
    }

    @Test func aPassedDeviceIsNeverLate() {
        let now = Instant.parseISO8601("2027-01-01T00:00:00Z") ?? .testingNow
        let result = F.run(reports: [("C02AAA0001.json", F.ddm(os: "26.6.2", installState: "none"))], now: now)
        #expect(F.device(result, "C02AAA0001")?.late == false)
    }

    @Test(arguments: [("2026-12-16T00:59:59Z", false), ("2026-12-16T01:00:00Z", true)])
    func legacyDeviceIsLateAtTheEnforceInstant(_ now: String, _ late: Bool) {
        let instant = Instant.parseISO8601(now) ?? .testingNow
        let report = F.osUpdateStatus(status: "Downloading", downloaded: false, percent: "0.4")
        let result = F.run(reports: [("r.plist", report)], now: instant)
        #expect(F.device(result, "C02FD00001")?.late == late)
        #expect(result.fleet.cohorts["mac-frontdesk"]?.legacyLateAfter == "2026-12-16T01:00:00Z")
    }

    @Test func failOnMatchesErrorsAndLateDevices() {
        let now = Instant.parseISO8601("2026-12-10T00:00:00Z") ?? .testingNow
        let result = F.run(reports: [("C02AAA0001.json", F.ddm(installState: "downloading"))], now: now)
        #expect(result.fleet.hasDevices(.late))
        #expect(!result.fleet.hasDevices(.error))
        let early = F.run(reports: [("C02AAA0001.json", F.ddm(installState: "failed"))])
        #expect(early.fleet.hasDevices(.error))
        #expect(!early.fleet.hasDevices(.late))
    }
}
