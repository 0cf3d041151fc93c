import ManagedOS
import ManagedOSTestSupport

/// Small cohorts and report builders shared by the status tests; reports are shaped as Apple's schema says.
enum StatusFixture {
    /// A DDM-only Mac cohort: target 26.6.2 (25G83), deadline 2026-12-08T18:00 local.
    static let mac = CohortExpectation(
        name: "mac-it", platform: "macOS", paths: [.ddm], targetVersion: "26.6.2", targetBuild: "25G83",
        deadline: "2026-12-08T18:00:00",
        declarationIdentifiers: [
            "com.example.mdm.macos-26.mac-it.enforcement", "com.example.mdm.macos-26.mac-it.activation",
        ],
        ddmThreshold: OSVersion(14, 0))
    /// A legacy-only Mac cohort whose plan enforces at 2026-12-16T01:00:00Z.
    static let frontDesk = CohortExpectation(
        name: "mac-frontdesk", platform: "macOS", paths: [.legacy], targetVersion: "13.7.8", targetBuild: "22H730",
        deadline: "2026-12-15T19:00:00", legacyEnforce: Instant.parseISO8601("2026-12-16T01:00:00Z"),
        ddmThreshold: OSVersion(14, 0))
    static let cohorts = [mac.name: mac, frontDesk.name: frontDesk]
    /// Well before every deadline.
    static let early = Instant.parseISO8601("2026-12-01T12:00:00Z") ?? .testingNow

    static let devices = """
        cohort,serial,udid
        mac-it,C02AAA0001,
        mac-frontdesk,C02FD00001,5C1D33A8-8B3E-5A5C-9E1F-3B4A2E6D7C10

        """

    /// Runs status over in-memory files.
    static func run(
        devices: String = devices, reports: [(String, String)], now: Instant = early,
        cohorts: [String: CohortExpectation] = cohorts
    ) -> StatusResult {
        Compiler.status(
            cohorts: cohorts, devices: SourceFile(path: "devices.csv", text: devices),
            reports: reports.map { SourceFile(path: "reports/\($0.0)", text: $0.1) }, options: StatusOptions(now: now))
    }

    /// The one device with `serial`.
    static func device(_ result: StatusResult, _ serial: String) -> FleetStatus.Device? {
        result.fleet.devices.first { $0.serial == serial }
    }

    /// A DDM status report with the given `softwareupdate` and `device.operating-system` items.
    static func ddm(
        serial: String? = nil, os: String? = nil, build: String? = nil, installState: String? = nil,
        pending: (String, String)? = nil, failures: Int? = nil, failureReason: String? = nil,
        declarations: String? = nil, full: Bool = false
    ) -> String {
        var device: [String] = []
        if let serial { device.append("\"identifier\": {\"serial-number\": \"\(serial)\"}") }
        var system: [String] = []
        if let os { system.append("\"version\": \"\(os)\"") }
        if let build { system.append("\"build-version\": \"\(build)\"") }
        if !system.isEmpty { device.append("\"operating-system\": {\(system.joined(separator: ", "))}") }
        var update: [String] = []
        if let installState { update.append("\"install-state\": \"\(installState)\"") }
        if let pending {
            update.append(
                "\"pending-version\": {\"os-version\": \"\(pending.0)\", \"build-version\": \"\(pending.1)\"}")
        }
        if let failures {
            let reason = failureReason.map { ", \"reason\": \"\($0)\"" } ?? ""
            update.append("\"failure-reason\": {\"count\": \(failures)\(reason)}")
        }
        var items: [String] = []
        if !device.isEmpty { items.append("\"device\": {\(device.joined(separator: ", "))}") }
        if !update.isEmpty { items.append("\"softwareupdate\": {\(update.joined(separator: ", "))}") }
        if let declarations { items.append("\"management\": {\"declarations\": \(declarations)}") }
        return
            "{\"StatusItems\": {\(items.joined(separator: ", "))}, \"Errors\": []\(full ? ", \"FullReport\": true" : "")}"
    }

    /// `management.declarations` with the enforcement configuration in the given state.
    static func declarations(active: Bool, valid: String, reasons: [String] = []) -> String {
        let reasonList = reasons.map { "{\"code\": \"\($0)\"}" }.joined(separator: ", ")
        return """
            {"activations": [], "assets": [], "management": [], "configurations": [
              {"identifier": "com.example.mdm.macos-26.mac-it.enforcement", "server-token": "8e50467e",
               "active": \(active), "valid": "\(valid)", "reasons": [\(reasonList)]}]}
            """
    }

    /// A legacy command response as an XML property list.
    static func plist(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        \(body)
        <key>Status</key><string>Acknowledged</string>
        <key>UDID</key><string>5C1D33A8-8B3E-5A5C-9E1F-3B4A2E6D7C10</string>
        </dict>
        </plist>
        """
    }

    /// An `OSUpdateStatus` response.
    static func osUpdateStatus(status: String, downloaded: Bool, percent: String) -> String {
        plist(
            """
            <key>OSUpdateStatus</key>
            <array><dict>
            <key>DownloadPercentComplete</key><real>\(percent)</real>
            <key>IsDownloaded</key>\(downloaded ? "<true/>" : "<false/>")
            <key>ProductKey</key><string>MSU_UPDATE_22H730_patch_13.7.8</string>
            <key>Status</key><string>\(status)</string>
            </dict></array>
            """)
    }

    /// A `ScheduleOSUpdate` response with one result.
    static func scheduleOSUpdate(status: String, action: String = "InstallASAP") -> String {
        plist(
            """
            <key>UpdateResults</key>
            <array><dict>
            <key>InstallAction</key><string>\(action)</string>
            <key>ProductKey</key><string>MSU_UPDATE_22H730_patch_13.7.8</string>
            <key>Status</key><string>\(status)</string>
            </dict></array>
            """)
    }

    /// A `DeviceInformation` response.
    static func deviceInformation(os: String, build: String) -> String {
        plist(
            """
            <key>QueryResponses</key>
            <dict><key>BuildVersion</key><string>\(build)</string><key>OSVersion</key><string>\(os)</string></dict>
            """)
    }
}
