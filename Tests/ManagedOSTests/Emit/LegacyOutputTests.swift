import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Which cohorts get a legacy plan, CommandUUIDs, determinism, the OS 26 boundary and conformance of the fleet.
@Suite struct LegacyOutputTests {
    static func compileFleet() throws -> CompiledOutput {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let result = Compiler.compile(loaded, options: .testing)
        #expect(!result.hasErrors)
        return try #require(result.output)
    }

    @Test func mixedCohortGetsBothPathsAndDDMOnlyNoLegacy() throws {
        let output = try Self.compileFleet()
        let paths = output.tree.paths
        func has(_ cohort: String, _ folder: String) -> Bool {
            paths.contains { $0.hasPrefix("cohorts/\(cohort)/\(folder)/") }
        }
        for mixed in ["iphone-corp", "mac-office", "ipad-classroom"] {
            #expect(has(mixed, "ddm") && has(mixed, "legacy"), "\(mixed)")
            #expect(output.manifest.cohorts[mixed]?.paths == ["ddm", "legacy"])
            #expect(paths.contains("cohorts/\(mixed)/legacy/plan.json"))
        }
        for legacyOnly in ["mac-frontdesk", "ipad-kiosk"] {
            #expect(!has(legacyOnly, "ddm") && has(legacyOnly, "legacy"), "\(legacyOnly)")
            #expect(output.manifest.cohorts[legacyOnly]?.paths == ["legacy"])
        }
        for ddmOnly in ["mac-it", "mac-eng", "mac-audio", "iphone-it", "iphone-field"] {
            #expect(has(ddmOnly, "ddm") && !has(ddmOnly, "legacy"), "\(ddmOnly)")
            #expect(output.manifest.cohorts[ddmOnly]?.legacyPlan == nil)
        }
        // Command files are numbered in plan order and named after their RequestType.
        let frontdesk = paths.filter { $0.hasPrefix("cohorts/mac-frontdesk/legacy/commands/") }
        #expect(
            frontdesk.map { String($0.split(separator: "/").last ?? "") } == [
                "01-ScheduleOSUpdateScan.plist", "02-AvailableOSUpdates.plist", "03-ScheduleOSUpdate.plist",
                "04-ScheduleOSUpdate.plist", "05-OSUpdateStatus.plist", "06-DeviceInformation.plist",
            ])
    }

    @Test func commandUUIDsAreUniqueAndStable() throws {
        let first = try Self.compileFleet()
        let second = try Self.compileFleet()
        #expect(first.tree == second.tree)
        var seen: [String: String] = [:]
        for path in first.tree.paths where path.contains("/legacy/commands/") {
            let document = try LegacyFixture.commandDocument(first, path)
            let uuid = try #require(document["CommandUUID"] as? String)
            #expect(seen[uuid] == nil, "\(path) shares \(uuid) with \(seen[uuid] ?? "")")
            seen[uuid] = path
            #expect(uuid.count == 36)
        }
        #expect(seen.count >= 20)
    }

    @Test func cohortsWithIdenticalPlansGetDistinctUUIDs() throws {
        let yaml = """
            apiVersion: mosc/v1
            kind: Cohort
            name: front-a
            platform: macOS
            osVersions: ">=13.0 <14"
            ---
            apiVersion: mosc/v1
            kind: Cohort
            name: front-b
            platform: macOS
            osVersions: ">=13.0 <14"
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: update
            platform: macOS
            target:
              version: "13.7.8"
            deadline: "2027-02-10T19:00"
            legacy:
              timeZone: America/Chicago
            cohorts:
              - front-a
              - front-b

            """
        let output = try #require(LegacyFixture.compile(yaml).output)
        let a = try LegacyFixture.plan(output, cohort: "front-a").steps.flatMap(\.commands).map(\.commandUUID)
        let b = try LegacyFixture.plan(output, cohort: "front-b").steps.flatMap(\.commands).map(\.commandUUID)
        #expect(a.count == 6 && b.count == 6)
        #expect(Set(a).isDisjoint(with: b))
        #expect(Set(a).count == a.count)
    }

    /// No plan is ever emitted for OS 26+ devices: ScheduleOSUpdate is deprecated in 26 and removed in 27, and
    /// every platform's DDM threshold (where the legacy range ends) lies below that.
    @Test(arguments: [Platform.macOS, .iOS, .iPadOS, .tvOS])
    func legacyRangeEndsBelowScheduleOSUpdateDeprecation(_ platform: Platform) throws {
        let gates = SoftwareUpdateGates.bundled
        let schedule = try #require(gates.legacyCommandSupport(.scheduleOSUpdate, platform: platform))
        let deprecated = try #require(schedule.deprecated)
        #expect(deprecated == OSVersion(26, 0))
        #expect(schedule.removed == OSVersion(27, 0))
        let threshold = try #require(gates.ddmThreshold(for: platform))
        #expect(threshold <= deprecated)
    }

    @Test func planReachingOS26IsRefused() throws {
        var bag = DiagnosticBag()
        let yaml = LegacyFixture.repository(osVersions: ">=13.0 <14", target: "13.7.8", deadline: "2027-02-10T19:00")
        let files = [SourceFile(path: "repo/repo.yaml", text: yaml)]
        let repository = parseRepository(root: "repo", files: files, limits: .defaults, diagnostics: &bag)
        var plan = try #require(
            lowerRepository(ValidationContext(repository: repository, options: .testing), diagnostics: &bag))
        // A schema without a DDM threshold would leave every version to the legacy path.
        plan.cohorts[0].cohort.ddmThreshold = OSVersion(9999)
        plan.cohorts[0].cohort.range = .atLeast(OSVersion(13, 0))
        let (output, diagnostics) = LegacyFixture.emit(plan, diagnostics: &bag)
        #expect(diagnostics.contains { $0.code == .noLegacyPath && $0.message.contains("26.0") })
        #expect(!output.tree.paths.contains { $0.contains("/legacy/") })
        #expect(output.manifest.cohorts["devices"]?.paths == ["ddm"])
        #expect(output.manifest.cohorts["devices"]?.legacyPlan == nil)
    }

    @Test func visionOSHasNoPlan() throws {
        let yaml = LegacyFixture.repository(
            platform: "visionOS", osVersions: ">=2.0 <26", target: "26.0", deadline: "2027-02-10T19:00")
        let (output, diagnostics) = try #require(LegacyFixture.emitUnchecked(yaml))
        #expect(diagnostics.contains { $0.code == .noLegacyPath })
        #expect(!output.tree.paths.contains { $0.contains("/legacy/") })
    }

    @Test(.enabled(if: LegacyConformance.isAvailable, LegacyConformance.skipMessage))
    func fleetConformsToApplesSchema() throws {
        let output = try Self.compileFleet()
        let folder = try LegacyFixture.write(output)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let run = try LegacyConformance.check(folder)
        #expect(run.status == 0, "\(run.output)")
        // Every legacy command is among the checked artifacts, at the cohort's lowest legacy OS.
        for (name, cohort) in output.manifest.cohorts where cohort.paths.contains("legacy") {
            let commands = cohort.artifacts.filter { $0.path.contains("/legacy/commands/") }
            #expect(!commands.isEmpty, "\(name)")
            let lowest = cohort.routing.legacy.flatMap { VersionRange.parse($0).success?.lower?.version }
            #expect(commands.allSatisfy { OSVersion($0.minimumOS) == lowest }, "\(name)")
        }
    }
}

extension Result {
    /// The success value, if any.
    fileprivate var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
