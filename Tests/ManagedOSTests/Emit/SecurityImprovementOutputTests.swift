import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// A Background Security Improvement target compiles to the pair devices accept: the base version as
/// `TargetOSVersion` and the improvement's supplemental build as `TargetBuildVersion` (devices refuse
/// "26.3.1 (a)"), while the manifest keeps the name devices report, so `mosc status` compares against it.
@Suite struct SecurityImprovementOutputTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var platform: String
        var written: String
        var osVersion: String
        var build: String
        var testDescription: String { "\(platform) \(written)" }
    }

    static let march18 = CompilerOptions(now: Instant(unixSeconds: 1_773_835_200))

    @Test(arguments: [
        Row(platform: "macOS", written: "26.3.1 (a)", osVersion: "26.3.1", build: "25D771280a"),
        Row(platform: "macOS", written: "26.3.1(a)", osVersion: "26.3.1", build: "25D771280a"),
        Row(platform: "iOS", written: "26.3.1 (a)", osVersion: "26.3.1", build: "23D771330a"),
        Row(platform: "iPadOS", written: "26.3.1 (a)", osVersion: "26.3.1", build: "23D771330a"),
    ])
    func emitsBaseVersionAndSupplementalBuild(_ row: Row) throws {
        let yaml = """
            apiVersion: mosc/v1
            kind: Cohort
            name: fleet
            platform: \(row.platform)
            osVersions: ">=26.3.1 <26.4"
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: bsi
            platform: \(row.platform)
            target: {version: "\(row.written)"}
            deadline: "2026-03-23T17:00"
            cohorts: [fleet]
            """
        let result = Compiler.compile(
            root: "repo", files: [SourceFile(path: "repo/policy.yaml", text: yaml)], options: Self.march18)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message))")
        let output = try #require(result.output)
        let path = try #require(
            output.tree.files.keys.first {
                $0.hasPrefix("cohorts/fleet/ddm/declarations/") && $0.contains("enforcement")
            })
        let bytes = try #require(output.tree.files[path])
        let declaration = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let payload = try #require(declaration["Payload"] as? [String: Any])
        #expect(payload["TargetOSVersion"] as? String == row.osVersion)
        #expect(payload["TargetBuildVersion"] as? String == row.build)
        #expect(payload["TargetLocalDateTime"] as? String == "2026-03-23T17:00:00")
        let cohort = try #require(output.manifest.cohorts["fleet"])
        #expect(cohort.targetVersion == "26.3.1 (a)")
        #expect(cohort.targetBuild == row.build)
    }

    /// A relative deadline counts from the improvement's posting (2026-03-17), not its base release's date.
    @Test func relativeDeadlineCountsFromThePosting() throws {
        let yaml = """
            apiVersion: mosc/v1
            kind: Cohort
            name: fleet
            platform: macOS
            osVersions: ">=26.3.1 <26.4"
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: bsi
            platform: macOS
            target: {version: "26.3.1 (a)"}
            deadline: {afterRelease: 5d, time: "17:00"}
            cohorts: [fleet]
            """
        let result = Compiler.compile(
            root: "repo", files: [SourceFile(path: "repo/policy.yaml", text: yaml)], options: Self.march18)
        let output = try #require(result.output, "\(result.diagnostics.map(\.message))")
        #expect(output.manifest.cohorts["fleet"]?.deadline == "2026-03-22T17:00:00")
    }
}
