import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `mosc sync` against the mock KMFDDM/NanoMDM: every scenario of issue 15, each checking what the server serves
/// afterwards, that no step showed a half state, and how many writes and notifies it took.
@Suite(.serialized, .timeLimit(.minutes(2))) struct SyncTests {
    static let fleet = SyncFleet()

    @Test func firstSyncThenANoOpRerun() throws {
        let bench = try SyncBench()
        let first = try bench.sync(Self.fleet)
        #expect(first.failure == nil)
        #expect(first.plan.observed == "full")
        // 3 cohorts × (enforcement, settings, activation); the mixed cohort's settings too (some Macs run 15+),
        // with a second activation for its Macs below 15, which cannot take the settings.
        #expect(first.plan.added.count == 10)
        try bench.expectConverged(Self.fleet)
        #expect(try bench.notifies().count == 1)
        try bench.server.resetLog()
        let again = try bench.sync(Self.fleet)
        #expect(!again.plan.hasChanges)
        #expect(again.plan.observed == "record")
        #expect(again.requests == 2)
        #expect(try bench.writes() == [])
        #expect(try bench.notifies().isEmpty)
    }

    @Test func aNoOpWithoutTheRecordReadsEverythingAndWritesNothing() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        try bench.server.resetLog()
        let full = try bench.sync(Self.fleet) { $0.full = true }
        #expect(full.plan.observed == "full")
        #expect(!full.plan.hasChanges)
        #expect(full.plan.unchanged == 10)  // mac-mixed straddles the settings gate: two activations
        #expect(try bench.writes() == [])
        #expect(try bench.notifies().isEmpty)
    }

    @Test func aChangedDeadlineUploadsOnlyTheEnforcements() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        try bench.server.resetLog()
        var moved = Self.fleet
        moved.deadline = "2027-01-19T18:00"
        let outcome = try bench.sync(moved)
        #expect(outcome.plan.changed.map(\.identifier).allSatisfy { $0.hasSuffix(".enforcement") })
        #expect(outcome.plan.changed.count == 3)
        #expect(outcome.plan.added.isEmpty && outcome.plan.removed.isEmpty && outcome.plan.sets.isEmpty)
        #expect(try bench.writes().filter { $0.hasPrefix("PUT /v1/declarations?nonotify=1") }.count == 3)
        #expect(try bench.writes().count == 4)  // and the notify
        #expect(try bench.notifies().count == 1)
        try bench.expectConverged(moved)
    }

    @Test func aRemovedSettingsBlockLeavesTheSetsAndTheServer() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        var plain = Self.fleet
        plain.settings = false
        // Three settings declarations go, and mac-mixed's activation for its devices below the settings gate.
        let outcome = try bench.sync(plain) { $0.allowRemovals = 4 }
        #expect(
            outcome.plan.removed.map(\.identifier).sorted()
                == [
                    "com.example.sync.macos-26.mac-a.settings",
                    "com.example.sync.macos-26.mac-mixed.activation-below-15",
                    "com.example.sync.macos-26.mac-mixed.settings", "com.example.sync.macos-26.mac-b.settings",
                ].sorted())
        #expect(outcome.plan.changed.allSatisfy { $0.identifier.hasSuffix(".activation") })
        try bench.expectConverged(plain)
    }

    @Test func aRenamedPolicyNeverServesTwoEnforcements() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        var renamed = Self.fleet
        renamed.policyName = "macos-tahoe"
        try bench.server.resetLog()
        // Ten declarations go: more than the default share.
        #expect(throws: SyncFailure.self) { try bench.sync(renamed) }
        #expect(try bench.writes() == [])
        let outcome = try bench.sync(renamed) { $0.allowRemovals = 10 }
        #expect(outcome.plan.added.count == 10 && outcome.plan.removed.count == 10)
        try bench.expectConverged(renamed)
        #expect(try bench.notifies().count == 1)
    }

    @Test func aDroppedCohortEmptiesItsSetAndUnassignsItsDevices() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        var dropped = Self.fleet
        dropped.cohorts = ["mac-a", "mac-mixed"]
        let rows = SyncDevices.standard.filter { !$0.hasPrefix("mac-b,") }
        let outcome = try bench.sync(dropped, rows: rows) { $0.allowRemovals = 4 }
        #expect(outcome.plan.sets.contains { $0.set == "mosc-mac-b" && $0.cohort == nil && $0.remove.count == 3 })
        #expect(outcome.plan.enrollments.contains { $0.enrollment == "UDID-B1" && $0.remove == ["mosc-mac-b"] })
        try bench.expectConverged(dropped, rows: rows)
        let state = try bench.server.state()
        #expect((state["sets"] as? [String: Any])?["mosc-mac-b"] == nil)
        #expect((state["enrollmentSets"] as? [String: Any])?["UDID-B1"] == nil)
    }

    @Test func aDeviceMovedBetweenCohortsLeavesTheOldSetFirst() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        try bench.server.resetLog()
        let rows = SyncDevices.standard.map { $0.hasPrefix("mac-a,A1,") ? "mac-b,A1,UDID-A1,15.2" : $0 }
        let outcome = try bench.sync(Self.fleet, rows: rows)
        #expect(outcome.plan.enrollments.map(\.enrollment) == ["UDID-A1"])
        #expect(outcome.plan.enrollments.first?.add == ["mosc-mac-b"])
        #expect(outcome.plan.enrollments.first?.remove == ["mosc-mac-a"])
        #expect(
            try bench.writes() == [
                "DELETE /v1/enrollment-sets/UDID-A1?set=mosc-mac-a&nonotify=1",
                "PUT /v1/enrollment-sets/UDID-A1?set=mosc-mac-b&nonotify=1", "POST /v1/notify?id=UDID-A1",
            ])
        try bench.expectConverged(Self.fleet, rows: rows)
    }

    @Test func aMixedCohortIsRoutedByOSVersion() throws {
        let bench = try SyncBench()
        let input = try Self.fleet.input()
        let routed = SyncDevice.route(SyncDevices.csv(), input: input)
        let byID = Dictionary(uniqueKeysWithValues: routed.devices.map { ($0.displayID, $0) })
        #expect(byID["M1"]?.ddm == false && byID["M1"]?.legacy == true)
        #expect(byID["M2"]?.ddm == true && byID["M2"]?.legacy == false)
        #expect(byID["M3"]?.ddm == true && byID["M3"]?.legacy == true)
        #expect(routed.diagnostics.map(\.code) == [.unroutedDevice])
        #expect(routed.diagnostics.first?.location?.line == 7)
        let outcome = try bench.sync(Self.fleet)
        let commanded = Set(outcome.plan.commands.map(\.device))
        #expect(commanded == ["M1", "M3", "O1"])  // O2 already runs the target
        try bench.expectConverged(Self.fleet)
    }

    @Test func legacyStepsAreSentOncePerDeviceAndRepetitionOverTime() throws {
        let bench = try SyncBench()
        var sent: [String: Int] = [:]
        // From before the download (2026-12-13T01:00Z) to past the last verify check, every 3 hours.
        var now = Instant.parseISO8601("2026-12-10T00:00:00Z") ?? .testingNow
        let end = Instant.parseISO8601("2026-12-19T00:00:00Z") ?? .testingNow
        let rows = ["mac-old,O1,UDID-O1,13.5"]
        var steps: [String] = []
        while now <= end {
            let outcome = try bench.sync(Self.fleet, rows: rows, now: now)
            #expect(outcome.failure == nil)
            #expect(outcome.alreadySent == 0)
            for command in outcome.plan.commands {
                sent[command.commandUUID, default: 0] += 1
                steps.append("\(command.step)#\(command.repetition) \(command.requestType)")
            }
            now = Instant(unixSeconds: now.unixSeconds + 3 * 3600)
        }
        #expect(sent.values.allSatisfy { $0 == 1 })
        #expect(
            steps.prefix(4) == [
                "publish#0 ScheduleOSUpdateScan", "publish#0 AvailableOSUpdates",
                "download#0 ScheduleOSUpdate", "enforce#0 ScheduleOSUpdate",
            ])
        // Eight verify checks of two commands each.
        #expect(steps.filter { $0.hasPrefix("verify") }.count == 16)
        let queues = try bench.server.state()["queues"] as? [String: [String]] ?? [:]
        #expect(queues["UDID-O1"]?.count == sent.count)
        // Without the record, a rerun sends the same UUIDs and NanoMDM refuses them as already stored.
        try FileManager.default.removeItem(atPath: bench.stateFolder)
        let rerun = try bench.sync(Self.fleet, rows: rows, now: end)
        #expect(rerun.enqueued == 0)
        #expect(rerun.alreadySent == rerun.plan.commands.count && rerun.alreadySent > 0)
        #expect((try bench.server.state()["queues"] as? [String: [String]])?["UDID-O1"]?.count == sent.count)
    }

    /// Seen against a real NanoMDM: a push to an enrollment without push data answers 500 ("push data missing for
    /// id"). The commands are queued already, so the sync completes and says which enrollments were not pushed.
    @Test func aPushTheServerCannotDeliverIsAWarningNotAFailure() throws {
        let bench = try SyncBench()
        try bench.server.control("/_mock/no-push-data", body: ["ids": ["UDID-O1"]])
        let rows = ["mac-old,O1,UDID-O1,13.5"]
        let now = Instant.parseISO8601("2026-12-20T00:00:00Z") ?? .testingNow
        let outcome = try bench.sync(Self.fleet, rows: rows, now: now)
        #expect(outcome.failure == nil)
        #expect(outcome.enqueued > 0)
        #expect(outcome.unpushed == ["UDID-O1"])
        #expect(outcome.text(dryRun: false).contains("queued but not pushed to 1 enrollments (UDID-O1)"))
        let queues = try bench.server.state()["queues"] as? [String: [String]] ?? [:]
        #expect(queues["UDID-O1"]?.count == outcome.enqueued)
    }

    @Test func theOSVersionColumnIsOptionalAndChecked() throws {
        let input = try Self.fleet.input()
        let csv = SourceFile(
            path: "devices.csv",
            contents: Array("cohort,udid,OSVERSION\nmac-a,U1,15.2\nmac-a,U2,fifteen\nmac-a,U3,\n".utf8))
        let routed = SyncDevice.route(csv, input: input)
        #expect(routed.devices.map(\.enrollment) == ["U1", "U3"])
        #expect(routed.devices.first?.osVersion == "15.2")
        #expect(routed.diagnostics.map(\.code) == [.invalidDeviceRow])
        #expect(routed.diagnostics.first?.location?.line == 3)
    }

    @Test func perSendingUUIDsDependOnEnrollmentAndRepetition() {
        let a = LegacySending.uuid(compiled: "C", enrollment: "E1", repetition: 0)
        #expect(a == LegacySending.uuid(compiled: "C", enrollment: "E1", repetition: 0))
        #expect(a != LegacySending.uuid(compiled: "C", enrollment: "E2", repetition: 0))
        #expect(a != LegacySending.uuid(compiled: "C", enrollment: "E1", repetition: 1))
        #expect(a.count == 36)
    }

    @Test func anEmptyCompileIsNeverSyncedOverOwnedState() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        var empty = Self.fleet
        empty.anyPolicy = false
        empty.legacyPolicy = false
        try bench.server.resetLog()
        #expect {
            try bench.sync(empty, rows: []) { $0.allowRemovals = 1000 }
        } throws: { error in
            guard case .refused(let message)? = error as? SyncFailure else { return false }
            return message.contains("enforces nothing")
        }
        #expect(try bench.writes() == [])
    }

    @Test func tooManyRemovalsAreRefusedBeforeAnyWrite() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        try bench.server.resetLog()
        #expect {
            try bench.sync(Self.fleet, rows: [])
        } throws: { error in
            guard case .refused(let message)? = error as? SyncFailure else { return false }
            return message.contains("--allow-removals 5")
        }
        #expect(try bench.writes() == [])
    }

    @Test func plainHTTPToAnotherHostIsRefused() {
        #expect(throws: SyncFailure.self) { try ServerURL.parse("http://mdm.example.com", allowInsecure: false).get() }
        #expect((try? ServerURL.parse("http://mdm.example.com", allowInsecure: true).get()) != nil)
        #expect(
            (try? ServerURL.parse("https://mdm.example.com/", allowInsecure: false).get())?.text
                == "https://mdm.example.com")
        #expect(throws: SyncFailure.self) {
            try ServerURL.parse("https://u:p@mdm.example.com", allowInsecure: false).get()
        }
        #expect(throws: SyncFailure.self) { try ServerURL.parse("ftp://mdm.example.com", allowInsecure: false).get() }
    }

    @Test func aServerFailingMidSyncStopsThenARerunConverges() throws {
        let bench = try SyncBench()
        // The fourth set write onwards fails with 500 (retried, then given up).
        try bench.server.control(
            "/_mock/fail", body: ["match": "/set-declarations/", "after": 3, "count": 1000, "status": 500])
        let broken = try bench.sync(Self.fleet) { $0.http.concurrency = 1 }
        guard case .request(let error)? = broken.failure else {
            Issue.record("expected a request failure")
            return
        }
        #expect(error.status == 500)
        #expect(broken.completedCohorts.count < 3)
        #expect((try bench.server.state()["violations"] as? [String]) == [])
        try bench.server.control("/_mock/clear-failures", body: [String: Any]())
        let rerun = try bench.sync(Self.fleet)
        #expect(rerun.failure == nil)
        #expect(rerun.plan.observed == "full")
        try bench.expectConverged(Self.fleet)
    }

    @Test func retriesA5xxButNeverA4xx() throws {
        let bench = try SyncBench()
        try bench.server.control("/_mock/fail", body: ["match": "GET /v1/sets", "after": 0, "count": 2, "status": 503])
        let outcome = try bench.sync(Self.fleet)
        #expect(outcome.failure == nil)
        #expect(try bench.server.requests().filter { $0.line == "GET /v1/sets" }.count == 3)
        try bench.server.resetLog()
        try bench.server.control("/_mock/fail", body: ["match": "GET /v1/sets", "after": 0, "count": 5, "status": 400])
        #expect(throws: SyncFailure.self) { try bench.sync(Self.fleet) { $0.full = true } }
        #expect(try bench.server.requests().filter { $0.line == "GET /v1/sets" }.count == 1)
    }

    @Test func aWrongKeyARedirectAndNoServerAreErrorsWithoutTheKey() throws {
        let bench = try SyncBench()
        let secret = "do-not-print-me"
        #expect {
            try bench.sync(Self.fleet) { $0.apiKey = secret }
        } throws: { error in
            let text = "\(error)"
            return text.contains("401") && !text.contains(secret)
        }
        try bench.server.control("/_mock/redirect", body: ["to": "http://127.0.0.2:1"])
        #expect {
            try bench.sync(Self.fleet)
        } throws: { error in "\(error)".contains("redirect") }
        bench.server.stop()
        #expect {
            try bench.sync(Self.fleet) { $0.http.attempts = 1 }
        } throws: { error in
            guard case .request(let failure)? = error as? SyncFailure else { return false }
            return failure.status == nil
        }
    }

    @Test func theDryRunListsExactlyWhatTheRunDoes() throws {
        let bench = try SyncBench()
        try bench.sync(Self.fleet)
        var changed = Self.fleet
        changed.settings = false
        changed.deadline = "2027-01-19T18:00"
        let rows = SyncDevices.standard.map { $0.hasPrefix("mac-a,A1,") ? "mac-b,A1,UDID-A1,15.2" : $0 }
        try bench.server.resetLog()
        let dry = try bench.sync(changed, rows: rows) {
            $0.dryRun = true
            $0.allowRemovals = 4
        }
        #expect(try bench.writes() == [])
        let real = try bench.sync(changed, rows: rows) { $0.allowRemovals = 4 }
        #expect(dry.plan == real.plan)
        #expect(dry.json(dryRun: true).contains("\"dryRun\" : true"))
        // The writes are the plan's: uploads, set changes, enrollment changes, deletions, one notify.
        let writes = try bench.writes()
        let setWrites = dry.plan.sets.reduce(0) { $0 + $1.add.count + $1.remove.count }
        let enrollmentWrites = dry.plan.enrollments.reduce(0) { $0 + $1.add.count + $1.remove.count }
        #expect(
            writes.count
                == dry.plan.added.count + dry.plan.changed.count + dry.plan.removed.count + setWrites
                + enrollmentWrites + 1)
        try bench.expectConverged(changed, rows: rows)
    }

    @Test func nanoHUBServesBothAPIsUnderItsPrefixes() throws {
        let bench = try SyncBench(mode: .nanohub)
        let outcome = try bench.sync(Self.fleet, now: Instant.parseISO8601("2026-12-14T00:00:00Z") ?? .testingNow)
        #expect(outcome.failure == nil)
        #expect(outcome.enqueued > 0)
        let lines = try bench.server.requests().map(\.line)
        #expect(lines.contains { $0.hasPrefix("PUT /api/v1/ddm/declarations") })
        #expect(lines.contains { $0.hasPrefix("PUT /api/v1/nanomdm/enqueue/UDID-O1") })
        #expect(lines.allSatisfy { $0.hasPrefix("/api/v1/") || $0.contains(" /api/v1/") })
        try bench.expectConverged(Self.fleet)
    }

    @Test func theTextPlanReadsLikeADiff() throws {
        let bench = try SyncBench()
        let dry = try bench.sync(Self.fleet) { $0.dryRun = true }
        let text = dry.text(dryRun: true)
        #expect(text.contains("declarations: 10 added, 0 changed, 0 removed, 0 unchanged"))
        #expect(text.contains("  + com.example.sync.macos-26.mac-a.enforcement"))
        #expect(text.contains("  A1 (UDID-A1): + mosc-mac-a"))
        #expect(!text.contains(bench.server.key))
    }
}
