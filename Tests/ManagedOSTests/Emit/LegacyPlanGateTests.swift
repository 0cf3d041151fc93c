import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Every key and step of a legacy plan is gated at the cohort's lowest legacy OS, from Apple's schema. These
/// repositories skip validation (which rejects several of them), so the emitter's own gates show.
@Suite struct LegacyPlanGateTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var platform = "macOS"
        var osVersions: String
        var target: String
        var legacy: [String] = []
        /// ProductVersion (true) or the ProductKey placeholder (false).
        var productVersion: Bool
        /// The keys of the enforce step's Updates item.
        var enforceKeys: Set<String>
        var enforceAction: String
        var download: Bool = true
        var scan: Bool = true
        /// Items plan.json lists as left out.
        var omitted: Set<String> = []
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "macOS 11 predates ProductVersion (12.0)", osVersions: ">=11.0 <14", target: "15.7.9",
            productVersion: false, enforceKeys: ["InstallAction", "ProductKey"], enforceAction: "InstallASAP"),
        Case(
            name: "macOS 12 takes ProductVersion", osVersions: ">=12.0 <14", target: "15.7.9",
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallASAP"),
        Case(
            name: "no MaxUserDeferrals below macOS 12.0", osVersions: ">=11.5 <12", target: "11.7.10",
            legacy: ["installAction: InstallLater", "maxUserDeferrals: 3"], productVersion: false,
            enforceKeys: ["InstallAction", "ProductKey"], enforceAction: "InstallLater",
            omitted: ["Updates[].MaxUserDeferrals"]),
        Case(
            name: "MaxUserDeferrals from macOS 12.0, Priority not below 12.3", osVersions: ">=12.0 <13",
            target: "12.7.6", legacy: ["installAction: InstallLater", "maxUserDeferrals: 3", "priority: High"],
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion", "MaxUserDeferrals"],
            enforceAction: "InstallLater", omitted: ["Updates[].Priority"]),
        Case(
            name: "Priority from macOS 12.3", osVersions: ">=12.3 <13", target: "12.7.6",
            legacy: ["installAction: InstallLater", "maxUserDeferrals: 3", "priority: High"], productVersion: true,
            enforceKeys: ["InstallAction", "ProductVersion", "MaxUserDeferrals", "Priority"],
            enforceAction: "InstallLater"),
        Case(
            name: "minor-update options left out of a major update", osVersions: ">=12.3 <13", target: "13.7.8",
            legacy: ["installAction: InstallLater", "maxUserDeferrals: 3", "priority: High"], productVersion: true,
            enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallLater",
            omitted: ["Updates[].MaxUserDeferrals", "Updates[].Priority"]),
        Case(
            name: "minor-update options left out when devices span majors", osVersions: ">=12.3 <14",
            target: "13.7.8", legacy: ["installAction: InstallLater", "maxUserDeferrals: 3", "priority: Low"],
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallLater",
            omitted: ["Updates[].MaxUserDeferrals", "Updates[].Priority"]),
        Case(
            name: "no DownloadOnly step on macOS 10.15; InstallForceRestart falls back to Default",
            osVersions: ">=10.15 <14", target: "15.7.9", legacy: ["installAction: InstallForceRestart"],
            productVersion: false, enforceKeys: ["InstallAction", "ProductKey"], enforceAction: "Default",
            download: false, omitted: ["download", "InstallAction InstallForceRestart"]),
        Case(
            name: "InstallForceRestart from macOS 11", osVersions: ">=11.0 <14", target: "15.7.9",
            legacy: ["installAction: InstallForceRestart"], productVersion: false,
            enforceKeys: ["InstallAction", "ProductKey"], enforceAction: "InstallForceRestart"),
        Case(
            name: "iOS has no ScheduleOSUpdateScan", platform: "iOS", osVersions: ">=16.0 <17", target: "26.6.1",
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallASAP",
            scan: false, omitted: ["ScheduleOSUpdateScan"]),
        Case(
            name: "iOS 11.2 predates ProductVersion (11.3)", platform: "iOS", osVersions: ">=11.2 <17",
            target: "26.6.1", productVersion: false, enforceKeys: ["InstallAction", "ProductKey"],
            enforceAction: "InstallASAP", scan: false, omitted: ["ScheduleOSUpdateScan"]),
        Case(
            name: "iOS 11.3 takes ProductVersion", platform: "iOS", osVersions: ">=11.3 <17", target: "26.6.1",
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallASAP",
            scan: false, omitted: ["ScheduleOSUpdateScan"]),
        Case(
            name: "tvOS 12.1 predates ProductVersion (12.2)", platform: "tvOS", osVersions: ">=12.1 <18",
            target: "18.6",
            productVersion: false, enforceKeys: ["InstallAction", "ProductKey"], enforceAction: "InstallASAP",
            scan: false, omitted: ["ScheduleOSUpdateScan"]),
        Case(
            name: "tvOS 12.2 takes ProductVersion", platform: "tvOS", osVersions: ">=12.2 <18", target: "18.6",
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallASAP",
            scan: false, omitted: ["ScheduleOSUpdateScan"]),
        Case(
            name: "iPadOS uses iOS's gates", platform: "iPadOS", osVersions: ">=16.0 <17", target: "18.7.10",
            productVersion: true, enforceKeys: ["InstallAction", "ProductVersion"], enforceAction: "InstallASAP",
            scan: false, omitted: ["ScheduleOSUpdateScan"]),
    ]

    @Test(arguments: cases)
    func gates(_ c: Case) throws {
        let yaml = LegacyFixture.repository(
            platform: c.platform, osVersions: c.osVersions, target: c.target, deadline: "2027-02-10T19:00",
            legacy: c.legacy)
        let (output, diagnostics) = try #require(LegacyFixture.emitUnchecked(yaml))
        #expect(!diagnostics.contains { $0.code == .noLegacyPath })
        let plan = try LegacyFixture.plan(output)
        #expect(plan.formatVersion == 1)
        #expect(Set(plan.omitted.map(\.item)) == c.omitted)

        let publish = try #require(plan.step("publish"))
        #expect(publish.when == "load" && publish.utc == nil)
        let expectedPublish = (c.scan ? ["ScheduleOSUpdateScan"] : []) + ["AvailableOSUpdates"]
        #expect(publish.commands.map(\.requestType) == expectedPublish)
        if c.scan {
            let scan = try LegacyFixture.command(output, publish.commands[0].file)
            #expect(scan["Force"] as? Bool == true)
        }

        #expect((plan.step("download") != nil) == c.download)
        #expect(
            plan.steps.map(\.name)
                == (c.download ? ["publish", "download", "enforce", "verify"] : ["publish", "enforce", "verify"]))
        if let download = plan.step("download") {
            let item = try LegacyFixture.update(try LegacyFixture.command(output, download.commands[0].file))
            #expect(item["InstallAction"] as? String == "DownloadOnly")
        }

        let enforce = try #require(plan.step("enforce"))
        let reference = try #require(enforce.commands.first)
        let item = try LegacyFixture.update(try LegacyFixture.command(output, reference.file))
        #expect(Set(item.keys) == c.enforceKeys)
        #expect(item["InstallAction"] as? String == c.enforceAction)
        if c.productVersion {
            #expect(item["ProductVersion"] as? String == c.target)
            #expect(reference.productKey == nil)
        } else {
            let source = try #require(reference.productKey)
            #expect(source.from == "AvailableOSUpdates")
            #expect(source.match == ["Version": c.target])
            #expect(item["ProductKey"] as? String == source.placeholder)
            #expect(source.placeholder == "<from AvailableOSUpdates: Version \(c.target)>")
            #expect(plan.notes.contains { $0.contains(source.placeholder) })
        }

        let verify = try #require(plan.step("verify"))
        #expect(verify.commands.map(\.requestType) == ["OSUpdateStatus", "DeviceInformation"])
        #expect(verify.repeatEvery == "6h")
        #expect(verify.maxChecks == 8)
        let information = try LegacyFixture.command(output, verify.commands[1].file)
        #expect(information["Queries"] as? [String] == ["OSVersion", "BuildVersion"])

        // Every file applies from the cohort's lowest legacy OS.
        let lowest = try #require(OSVersion(String(c.osVersions.dropFirst(2).prefix { $0 != " " })))
        let legacyArtifacts = output.manifest.cohorts["devices"]?.artifacts.filter { $0.path.contains("/legacy/") }
        #expect(legacyArtifacts?.isEmpty == false)
        #expect(legacyArtifacts?.allSatisfy { OSVersion($0.minimumOS) == lowest } == true)
    }

    /// Each gated plan passes Apple's checker at the cohort's platform and lowest legacy OS.
    @Test(.enabled(if: LegacyConformance.isAvailable, LegacyConformance.skipMessage), arguments: cases)
    func gatedCommandsConform(_ c: Case) throws {
        let yaml = LegacyFixture.repository(
            platform: c.platform, osVersions: c.osVersions, target: c.target, deadline: "2027-02-10T19:00",
            legacy: c.legacy)
        let (output, _) = try #require(LegacyFixture.emitUnchecked(yaml))
        let folder = try LegacyFixture.write(output)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let run = try LegacyConformance.check(folder)
        #expect(run.status == 0, "\(run.output)")
    }
}
