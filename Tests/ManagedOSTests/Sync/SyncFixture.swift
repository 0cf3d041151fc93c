import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// A small policy repository to sync, changed field by field by the scenarios, and the runs against the mock.
struct SyncFleet {
    /// The macOS 26 policy's name (a rename changes every Identifier of its cohorts).
    var policyName = "macos-26"
    var deadline = "2027-01-12T18:00"
    /// Whether the policy has a `settings:` block (a settings declaration per DDM cohort on macOS 15+).
    var settings = true
    /// The DDM-only cohorts the policy enforces, then the mixed one.
    var cohorts = ["mac-a", "mac-b", "mac-mixed"]
    /// Whether the legacy-only cohort's policy is there.
    var legacyPolicy = true
    /// Whether there is any policy at all.
    var anyPolicy = true

    static let identifierPrefix = "com.example.sync"

    var files: [SourceFile] {
        var texts: [(String, String)] = [
            (
                "settings.yaml",
                """
                apiVersion: mosc/v1
                kind: Settings
                identifierPrefix: \(Self.identifierPrefix)
                minimumNotice: 0m
                """
            ),
            (
                "cohorts.yaml",
                ["mac-a", "mac-b", "mac-c"].map { name in
                    """
                    apiVersion: mosc/v1
                    kind: Cohort
                    name: \(name)
                    platform: macOS
                    osVersions: ">=15.0"
                    """
                }.joined(separator: "\n---\n") + """

                    ---
                    apiVersion: mosc/v1
                    kind: Cohort
                    name: mac-mixed
                    platform: macOS
                    osVersions: ">=13.0"
                    ---
                    apiVersion: mosc/v1
                    kind: Cohort
                    name: mac-old
                    platform: macOS
                    osVersions: ">=13.0 <14.0"
                    """
            ),
        ]
        if anyPolicy {
            texts.append(
                (
                    "policies/macos-26.yaml",
                    """
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: \(policyName)
                    platform: macOS
                    target:
                      version: "26.6.2"
                      build: "25G83"
                    deadline: "\(deadline)"
                    legacy:
                      timeZone: America/New_York
                    \(settings ? "settings:\n  notifications: true\n  allowStandardUserOSUpdates: false\n" : "")\
                    cohorts: [\(cohorts.joined(separator: ", "))]
                    """
                ))
        }
        if legacyPolicy {
            texts.append(
                (
                    "policies/macos-13-old.yaml",
                    """
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: macos-13-old
                    platform: macOS
                    target:
                      version: "13.7.8"
                      build: "22H730"
                    deadline: "2026-12-15T19:00"
                    legacy:
                      timeZone: America/Chicago
                    cohorts: [mac-old]
                    """
                ))
        }
        return texts.map { SourceFile(path: "repo/\($0.0)", contents: Array($0.1.utf8)) }
    }

    /// The fleet compiled in memory at the tests' `--now`.
    func input() throws -> SyncInput {
        let loader = CompiledSideLoader(options: .testing)
        switch loader.compile(root: "repo", files: files, label: "repo") {
        case .loaded(let side): return SyncInput(side)
        case .invalid(_, let diagnostics):
            throw MockMDMServer.Failure(description: TextRenderer().render(diagnostics))
        }
    }
}

/// The devices list of the scenarios: DDM Macs, a mixed cohort routed by osVersion, legacy Macs.
enum SyncDevices {
    static let header = "cohort,serial,udid,osVersion\n"
    static let standard = [
        "mac-a,A1,UDID-A1,15.2",
        "mac-a,A2,UDID-A2,",
        "mac-b,B1,UDID-B1,26.0",
        "mac-mixed,M1,UDID-M1,13.6",
        "mac-mixed,M2,UDID-M2,15.1",
        "mac-mixed,M3,UDID-M3,",
        "mac-old,O1,UDID-O1,13.5",
        "mac-old,O2,UDID-O2,13.7.8",
    ]

    static func csv(_ rows: [String] = standard) -> SourceFile {
        SourceFile(path: "devices.csv", contents: Array((header + rows.joined(separator: "\n") + "\n").utf8))
    }
}

/// One mock server and one state folder; every run syncs against them.
final class SyncBench {
    let server: MockMDMServer
    let stateFolder: String
    let mode: MDMServerKind

    init(mode: MDMServerKind = .kmfddm) throws {
        server = try MockMDMServer(mode: mode.rawValue)
        self.mode = mode
        stateFolder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-sync-\(UUID())").path
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(atPath: stateFolder)
    }

    func options(now: Instant = .testingNow, edit: (inout SyncOptions) -> Void = { _ in }) throws -> SyncOptions {
        guard case .success(let url) = ServerURL.parse(server.url, allowInsecure: false) else {
            throw MockMDMServer.Failure(description: "bad url")
        }
        var options = SyncOptions(
            server: mode, url: url, apiKey: server.key, now: now, store: SyncRecordStore(folder: stateFolder))
        options.commandURL = mode == .kmfddm ? url : nil
        options.http.timeout = 5
        options.http.backoff = 0.02
        edit(&options)
        return options
    }

    /// Syncs `fleet` for `rows`; throws when the sync stops before writing.
    @discardableResult
    func sync(
        _ fleet: SyncFleet, rows: [String] = SyncDevices.standard, now: Instant = .testingNow,
        edit: (inout SyncOptions) -> Void = { _ in }
    ) throws -> SyncOutcome {
        let input = try fleet.input()
        let devices = SyncDevice.route(SyncDevices.csv(rows), input: input).devices
        switch Compiler.sync(input: input, devices: devices, options: try options(now: now, edit: edit)) {
        case .success(let outcome): return outcome
        case .failure(let failure): throw failure
        }
    }

    /// Checks that every DDM device is served exactly its cohort's compiled declarations (Identifier, Type,
    /// Payload), that the server never showed a half state, and that no write went without `nonotify=1`.
    func expectConverged(_ fleet: SyncFleet, rows: [String] = SyncDevices.standard) throws {
        let input = try fleet.input()
        let devices = SyncDevice.route(SyncDevices.csv(rows), input: input).devices
        let state = try server.state()
        let served = state["served"] as? [String: [String]] ?? [:]
        let declarations = state["declarations"] as? [String: Any] ?? [:]
        for device in devices {
            let cohort = try #require(input.cohorts[device.cohort])
            let expected = device.ddm ? cohort.declarations.keys.sorted() : []
            #expect(served[device.enrollment] ?? [] == expected, "\(device.displayID)")
            for identifier in expected {
                let compiled = try #require(cohort.declarations[identifier])
                let bytes = try #require(input.read(compiled.path))
                let want = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
                let held = try #require(declarations[identifier] as? [String: Any])
                for key in ["Type", "Identifier", "Payload"] {
                    #expect(canonical(held[key]) == canonical(want[key]), "\(identifier) \(key) differs")
                }
            }
        }
        // Owned declarations on the server are exactly the compiled ones of enforced DDM cohorts.
        let owned = declarations.keys.filter { $0.hasPrefix(SyncFleet.identifierPrefix + ".") }.sorted()
        let compiled = input.cohorts.values.flatMap { $0.declarations.keys }.sorted()
        #expect(owned == compiled)
        #expect((state["violations"] as? [String] ?? []) == [])
        let implicit = (state["notifies"] as? [[String: Any]] ?? []).filter { $0["implicit"] != nil }
        #expect(implicit.isEmpty, "a write went without nonotify=1")
    }

    /// A JSON value written with sorted keys, to compare two parsed documents.
    private func canonical(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "unencodable"
    }

    /// The notifies since the last log reset.
    func notifies() throws -> [[String: Any]] {
        try server.state()["notifies"] as? [[String: Any]] ?? []
    }

    /// The writes (non-GET requests) since the last log reset.
    func writes() throws -> [String] {
        try server.requests().map(\.line).filter { !$0.hasPrefix("GET ") }
    }
}
