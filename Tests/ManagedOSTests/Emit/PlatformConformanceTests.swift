import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// tvOS (18.4+) and visionOS (26.0+) DDM cohorts pass Apple's checker at every group's lowest OS. They failed
/// while the checker knew only the pinned 18.1 schema, where the software update declarations are n/a on both
/// (its newer facts, SUMMARY.md §9, now apply; `--no-documented` shows the old failure).
@Suite struct PlatformConformanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var platform: String
        var osVersions: String
        var enrollment: String
        var settings: String?
        var legacy = false
        var testDescription: String {
            "\(platform) \(osVersions) \(enrollment)\(settings == nil ? "" : " with settings")\(legacy ? ", mixed" : "")"
        }
    }

    static let cases: [Case] = [
        Case(platform: "tvOS", osVersions: ">=18.4", enrollment: "supervised", settings: nil),
        Case(platform: "tvOS", osVersions: ">=18.4", enrollment: "device", settings: "  notifications: false"),
        Case(
            platform: "tvOS", osVersions: ">=18.4", enrollment: "supervised",
            settings: "  notifications: false\n  automaticActions: {download: AlwaysOn}"),
        Case(
            platform: "tvOS", osVersions: ">=17.0", enrollment: "supervised", settings: "  notifications: false",
            legacy: true),
        Case(platform: "visionOS", osVersions: ">=26.0", enrollment: "supervised", settings: nil),
        Case(platform: "visionOS", osVersions: ">=26.0", enrollment: "device", settings: "  notifications: false"),
        // Straddling the settings declaration's macOS 15 gate: failed at 14.0 while one activation listed the
        // settings for every device (the checker: "references configuration … not among the checked files").
        Case(platform: "macOS", osVersions: ">=14.0", enrollment: "supervised", settings: "  notifications: true"),
        Case(
            platform: "macOS", osVersions: ">=13.0", enrollment: "supervised",
            settings: "  notifications: true\n  automaticActions: {download: AlwaysOn}", legacy: true),
        Case(platform: "macOS", osVersions: ">=15.4", enrollment: "supervised", settings: "  notifications: true"),
    ]

    static func repository(_ c: Case) -> String {
        let settings = c.settings.map { "settings:\n\($0)\n" } ?? ""
        let legacy = c.legacy ? "legacy: {timeZone: Europe/Berlin}\n" : ""
        return """
            apiVersion: mosc/v1
            kind: Cohort
            name: devices
            platform: \(c.platform)
            osVersions: "\(c.osVersions)"
            enrollment: \(c.enrollment)
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: update
            platform: \(c.platform)
            target: {version: "26.6"}
            deadline: "2026-12-15T17:00"
            \(legacy)\(settings)cohorts: [devices]
            """
    }

    @Test(.enabled(if: LegacyConformance.isAvailable, LegacyConformance.skipMessage), arguments: cases)
    func ddmCohortConforms(_ c: Case) throws {
        let result = LegacyFixture.compile(Self.repository(c))
        #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(result.diagnostics.map(\.message))")
        let output = try #require(result.output)
        let cohort = try #require(output.manifest.cohorts["devices"])
        #expect(cohort.paths.contains("ddm"))
        #expect(output.tree.files.keys.contains { $0.hasPrefix("cohorts/devices/ddm/declarations/") })
        let folder = try LegacyFixture.write(output)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let run = try LegacyConformance.check(folder)
        #expect(run.status == 0, "\(run.output)")
    }
}
