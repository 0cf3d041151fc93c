import Foundation
import ManagedOSTestSupport
import Testing

/// `mosc sync` and `mosc status --server` end to end: the built CLI against the mock server.
@Suite(.timeLimit(.minutes(2))) struct SyncCLITests {
    /// A temporary folder with a devices list for `examples/fleet` and a state folder.
    final class Scratch {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-sync-cli-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let csv = """
                cohort,serial,udid,osVersion
                mac-it,C02MIT0001,UDID-MIT-1,26.0
                mac-office,C02OFF0001,UDID-OFF-1,13.6
                mac-office,C02OFF0002,UDID-OFF-2,15.1
                mac-frontdesk,C02FD00001,UDID-FD-1,13.5

                """
            try Data(csv.utf8).write(to: folder.appendingPathComponent("devices.csv"))
        }
        deinit { try? FileManager.default.removeItem(at: folder) }
        var devices: String { folder.appendingPathComponent("devices.csv").path }
        var state: String { folder.appendingPathComponent("state").path }
    }

    static let now = "2026-12-20T00:00:00Z"

    func sync(_ server: MockMDMServer, _ scratch: Scratch, _ extra: [String], key: String? = nil) throws -> CLITests.Run
    {
        try CLITests.run(
            [
                "sync", "kmfddm", "examples/fleet", "--url", server.url, "--nanomdm-url", server.url, "--devices",
                scratch.devices, "--state-dir", scratch.state, "--now", Self.now, "--color", "never",
            ] + extra,
            environment: ["MOSC_API_KEY": key ?? server.key])
    }

    @Test func dryRunThenSyncThenNothingToDo() throws {
        let server = try MockMDMServer()
        defer { server.stop() }
        let scratch = try Scratch()
        let dry = try sync(server, scratch, ["--dry-run", "--exit-code"])
        #expect(dry.status == 1, "\(dry.stderr)")
        #expect(dry.stdout.contains("(dry run: nothing is written)"))
        #expect(dry.stdout.contains("  + com.example.mdm.macos-26.mac-it.enforcement"))
        #expect(!dry.stdout.contains(server.key) && !dry.stderr.contains(server.key))
        let real = try sync(server, scratch, ["--format", "json"])
        #expect(real.status == 0, "\(real.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(real.stdout.utf8)) as? [String: Any]
        #expect(document?["formatVersion"] as? Int == 1)
        #expect((document?["enqueued"] as? Int ?? 0) > 0)
        let again = try sync(server, scratch, ["--exit-code"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing to do"))
        #expect(again.stdout.contains("requests: 2"))
        // status --server reads back what the mock holds (no device has reported: Pending, or none listed).
        let status = try CLITests.run(
            [
                "status", "--policies", "examples/fleet", "--devices", scratch.devices, "--server", "kmfddm", "--url",
                server.url, "--now", Self.now,
            ],
            environment: ["MOSC_API_KEY": server.key])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("C02MIT0001"))
    }

    @Test func keysAndURLsAreCheckedBeforeAnythingIsSent() throws {
        let server = try MockMDMServer()
        defer { server.stop() }
        let scratch = try Scratch()
        let noKey = try CLITests.run(
            [
                "sync", "kmfddm", "examples/fleet", "--url", server.url, "--devices", scratch.devices,
                "--api-key-env", "MOSC_TEST_UNSET_KEY", "--now", Self.now,
            ])
        #expect(noKey.status == 64)
        #expect(noKey.stderr.contains("MOSC_TEST_UNSET_KEY"))
        let insecure = try sync(server, scratch, ["--url", "http://mdm.example.com"])
        #expect(insecure.status == 64)
        #expect(insecure.stderr.contains("--allow-insecure-http"))
        let wrong = try sync(server, scratch, [], key: "not-the-key")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("401"))
        #expect(!wrong.stderr.contains("not-the-key") && !wrong.stdout.contains("not-the-key"))
        let keyFile = scratch.folder.appendingPathComponent("key")
        try Data((server.key + "\n").utf8).write(to: keyFile)
        let fromFile = try sync(server, scratch, ["--api-key-file", keyFile.path, "--dry-run"], key: "ignored")
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(try server.requests().allSatisfy { $0.line.hasPrefix("GET ") })
    }

    @Test func badDevicesListIsADiagnosticAndNothingIsSynced() throws {
        let server = try MockMDMServer()
        defer { server.stop() }
        let scratch = try Scratch()
        try Data("cohort,serial,udid\nmac-itt,C02X,UDID-X\nmac-it,C02Y,\n".utf8).write(
            to: URL(fileURLWithPath: scratch.devices))
        let run = try sync(server, scratch, [])
        #expect(run.status == 3)
        #expect(run.stderr.contains("devices.csv:2: error: cohort 'mac-itt' is not in the compiled output [MOS709]"))
        #expect(run.stderr.contains("devices.csv:3: error: device 'C02Y' has no udid"))
        #expect(try server.requests().isEmpty)
    }
}
