import Foundation
import ManagedOSTestSupport
import Testing

/// `mosc status` end to end over `examples/status`, compiled in memory from `examples/fleet`.
@Suite struct StatusCLITests {
    static let base = [
        "status", "--policies", "examples/fleet", "--devices", "examples/status/devices.csv",
        "examples/status/reports", "--now", "2026-12-10T12:00:00Z",
    ]

    @Test func tableThenOneLinePerDevice() throws {
        let run = try CLITests.run(Self.base)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("COHORT"))
        #expect(run.stdout.contains("C02MIT0001                 mac-it         Downloading  late"))
        #expect(
            run.stdout.contains(
                "C02FD00001                 mac-frontdesk  Downloading  -     OSUpdateStatus: Downloading 40%"))
    }

    @Test func jsonIsVersioned() throws {
        let run = try CLITests.run(Self.base + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 2)
        #expect((object?["devices"] as? [Any])?.count == 9)
    }

    @Test func failOn() throws {
        #expect(try CLITests.run(Self.base + ["--fail-on", "error"]).status == 1)
        #expect(try CLITests.run(Self.base + ["--fail-on", "late"]).status == 1)
        // Before any deadline and with only the healthy devices' reports, nothing matches.
        let calm = try CLITests.run([
            "status", "--policies", "examples/fleet", "--devices", "examples/status/devices.csv",
            "examples/status/reports/C02MIT0002-20261208T120000Z.json", "--now", "2026-11-25T12:00:00Z",
            "--fail-on", "error", "--fail-on", "late",
        ])
        #expect(calm.status == 0, "\(calm.stderr)")
    }

    @Test func usageAndIOErrors() throws {
        let neither = try CLITests.run(["status", "--devices", "examples/status/devices.csv"])
        #expect(neither.status == 64)
        let missing = try CLITests.run([
            "status", "--compiled", "no/such/folder", "--devices", "examples/status/devices.csv",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder"))
        let missingJSON = try CLITests.run([
            "status", "--compiled", "no/such/folder", "--devices", "examples/status/devices.csv", "--format", "json",
        ])
        let failure = try JSONSerialization.jsonObject(with: Data(missingJSON.stdout.utf8)) as? [String: Any]
        #expect(missingJSON.status == 2 && failure?["formatVersion"] as? Int == 2, "\(missingJSON.stdout)")
        #expect((failure?["error"] as? String)?.contains("no such file or folder") == true)
    }

    @Test func malformedReportIsADiagnosticNamingTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("C02MIT0001.json")
        try Data("{\"StatusItems\": ".utf8).write(to: bad)
        let run = try CLITests.run([
            "status", "--policies", "examples/fleet", "--devices", "examples/status/devices.csv", bad.path,
            "--now", "2026-12-01T00:00:00Z", "--color", "never",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad.path): error: the report is not valid JSON"))
        #expect(run.stderr.contains("[MOS701]"))
    }
}
