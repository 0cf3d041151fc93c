import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `mosc status --server`: status read back from KMFDDM's status-values and declaration-status maps exactly as
/// the same reports read from files.
@Suite(.timeLimit(.minutes(1))) struct ServerStatusTests {
    /// Reports as devices send them, one per device, covering every DDM status and the refused-as-older Pass.
    static var reports: [String: [String: Any]] {
        [
            "UDID-A1": report(os: "15.2", state: "downloading", pending: "26.6.2"),
            "UDID-A2": report(os: "15.3", state: "prepared", pending: "26.6.2"),
            "UDID-B1": report(os: "26.7", state: "none"),
            "UDID-M2": report(os: "15.1", state: "installing", pending: "26.6.2"),
            "UDID-M3": report(os: "15.1", state: "none", failures: 2),
            "UDID-C1": report(
                os: "15.4", state: "none",
                declarations: [
                    [
                        "identifier": "com.example.sync.macos-26.mac-a.enforcement", "active": false,
                        "valid": "invalid",
                        "server-token": "t",
                        "reasons": [
                            [
                                "code": "Error.ConfigurationCannotBeApplied",
                                "description": "The target OS version 26.6.2 is older than current version 26.7.",
                            ]
                        ],
                    ]
                ]),
            "UDID-C2": report(
                os: "15.4", state: "none",
                declarations: [
                    [
                        "identifier": "com.example.sync.macos-26.mac-a.enforcement", "active": false,
                        "valid": "invalid",
                        "server-token": "t", "reasons": [["code": "Error.ConfigurationCannotBeApplied"]],
                    ]
                ]),
        ]
    }

    static let devices = SourceFile(
        path: "devices.csv",
        contents: Array(
            """
            cohort,serial,udid
            mac-a,A1,UDID-A1
            mac-a,A2,UDID-A2
            mac-b,B1,UDID-B1
            mac-mixed,M2,UDID-M2
            mac-mixed,M3,UDID-M3
            mac-a,C1,UDID-C1
            mac-a,C2,UDID-C2
            mac-a,N1,UDID-N1

            """.utf8))

    static func report(
        os: String, state: String, pending: String? = nil, failures: Int = 0, declarations: [[String: Any]] = []
    ) -> [String: Any] {
        var update: [String: Any] = [
            "install-state": state, "failure-reason": ["count": failures, "reason": failures > 0 ? "no space" : ""],
        ]
        if let pending { update["pending-version"] = ["os-version": pending, "build-version": "25G83"] }
        var items: [String: Any] = [
            "device": ["operating-system": ["version": os, "build-version": "X"]], "softwareupdate": update,
        ]
        if !declarations.isEmpty { items["management"] = ["declarations": ["configurations": declarations]] }
        return ["StatusItems": items, "Errors": [Any]()]
    }

    /// KMFDDM's flattening: every leaf under its dotted path, as text.
    static func flatten(_ value: Any, path: String, into values: inout [[String: Any]]) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary where !(path == ".StatusItems.management" && key == "declarations") {
                flatten(child, path: path + "." + key, into: &values)
            }
        } else if let array = value as? [Any] {
            for child in array { flatten(child, path: path, into: &values) }
        } else {
            values.append(["path": path, "value": "\(value)", "timestamp": "2026-12-01T10:00:00Z", "status_id": "s"])
        }
    }

    @Test func serverStatusEqualsTheSameReportsFromFiles() throws {
        let server = try MockMDMServer()
        defer { server.stop() }
        var values: [String: Any] = [:]
        var declarations: [String: Any] = [:]
        for (udid, report) in Self.reports {
            var flat: [[String: Any]] = []
            Self.flatten(report["StatusItems"] ?? [:], path: ".StatusItems", into: &flat)
            values[udid] = flat
            let items = ((report["StatusItems"] as? [String: Any])?["management"] as? [String: Any])?["declarations"]
            declarations[udid] = ((items as? [String: Any])?["configurations"] as? [[String: Any]] ?? []).map {
                $0.merging(["current": true, "status_received": "2026-12-01T10:00:00Z"]) { a, _ in a }
            }
        }
        try server.control("/_mock/status", body: ["values": values, "declarations": declarations])
        let loader = CompiledSideLoader(options: .testing)
        guard case .loaded(let side) = loader.compile(root: "repo", files: SyncFleet().files, label: "repo") else {
            Issue.record("the fleet does not compile")
            return
        }
        let cohorts = CohortExpectation.all(from: side.manifest)
        let files = try Self.reports.map { udid, report in
            SourceFile(
                path: "reports/\(udid).json",
                contents: [UInt8](try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])))
        }
        guard case .success(let url) = ServerURL.parse(server.url, allowInsecure: false) else { return }
        let fetched = try ServerStatusReports.fetch(
            enrollments: ["UDID-A1", "UDID-A2", "UDID-B1", "UDID-M2", "UDID-M3", "UDID-C1", "UDID-C2", "UDID-N1"],
            server: .kmfddm, url: url, apiKey: server.key
        ).get()
        #expect(fetched.count == Self.reports.count)  // N1 never reported: no report
        let now = Instant.parseISO8601("2026-12-10T12:00:00Z") ?? .testingNow
        let fromFiles = Compiler.status(
            cohorts: cohorts, devices: Self.devices, reports: files, options: StatusOptions(now: now))
        let fromServer = Compiler.status(
            cohorts: cohorts, devices: Self.devices, reports: fetched, options: StatusOptions(now: now))
        #expect(fromServer.diagnostics.isEmpty, "\(fromServer.diagnostics)")
        let fileStatuses = fromFiles.fleet.devices.map { "\($0.displayID) \($0.status) \($0.reason)" }
        let serverStatuses = fromServer.fleet.devices.map { "\($0.displayID) \($0.status) \($0.reason)" }
        #expect(fileStatuses == serverStatuses)
        let byID = Dictionary(uniqueKeysWithValues: fromServer.fleet.devices.map { ($0.displayID, $0.status) })
        #expect(byID["A1"] == .downloading)
        #expect(byID["A2"] == .cached)
        #expect(byID["B1"] == .pass)
        #expect(byID["M2"] == .installing)
        #expect(byID["M3"] == .error)
        #expect(byID["C1"] == .pass)  // refused as older than the current version
        #expect(byID["C2"] == .error)
        #expect(byID["N1"] == .unreported)
    }

    @Test func theMockCatchesTwoEnforcementsAndDanglingReferences() throws {
        let server = try MockMDMServer()
        defer { server.stop() }
        let enforcement = "com.apple.configuration.softwareupdate.enforcement.specific"
        try server.control(
            "/_mock/seed",
            body: [
                "declarations": [
                    ["Identifier": "x.e1", "Type": enforcement, "Payload": [String: Any]()],
                    ["Identifier": "x.e2", "Type": enforcement, "Payload": [String: Any]()],
                    [
                        "Identifier": "x.a1", "Type": "com.apple.activation.simple",
                        "Payload": ["StandardConfigurations": ["x.e1"]],
                    ],
                    [
                        "Identifier": "x.a2", "Type": "com.apple.activation.simple",
                        "Payload": ["StandardConfigurations": ["x.e2", "x.e3"]],
                    ],
                ],
                "sets": ["s": ["x.e1", "x.e2", "x.a1"]],
            ])
        // One write puts the second activation in: two enforcements, and a reference to a missing one.
        #expect(try server.api("PUT", "/v1/set-declarations/s?declaration=x.a2&nonotify=1", user: "kmfddm") == 204)
        let violations = try server.state()["violations"] as? [String] ?? []
        #expect(violations.contains { $0.contains("activates 2 enforcements") })
        #expect(violations.contains { $0.contains("references missing x.e3") })
    }
}
