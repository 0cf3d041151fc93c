import ManagedOS
import Testing

/// Legacy command responses (XML plists as the device answers) mapped to statuses.
@Suite struct LegacyStatusTests {
    typealias F = StatusFixture
    static let serial = "C02FD00001"

    @Test func midDownload() {
        let result = F.run(reports: [
            ("C02FD00001-20261209T150000Z.plist", F.deviceInformation(os: "13.7.5", build: "22H527")),
            (
                "C02FD00001-20261210T090000Z.plist",
                F.osUpdateStatus(status: "Downloading", downloaded: false, percent: "0.4")
            ),
        ])
        let device = F.device(result, Self.serial)
        #expect(device?.status == .downloading)
        #expect(
            device?.reason == "OSUpdateStatus: Downloading 40% (MSU_UPDATE_22H730_patch_13.7.8); runs 13.7.5 (22H527)")
        #expect(device?.path == .legacy)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test(arguments: [
        ("Idle", false, UpdateStatus.pending), ("Idle", true, .cached), ("Downloading", true, .cached),
        ("Downloading", false, .downloading), ("Installing", false, .installing),
    ])
    func osUpdateStatus(_ status: String, _ downloaded: Bool, _ expected: UpdateStatus) {
        let report = F.osUpdateStatus(status: status, downloaded: downloaded, percent: downloaded ? "1.0" : "0")
        #expect(F.device(F.run(reports: [("r.plist", report)]), Self.serial)?.status == expected)
    }

    /// Every `UpdateResults[].Status` value of Apple's rangelist.
    @Test(arguments: [
        ("Idle", UpdateStatus.pending), ("Downloading", .downloading), ("DownloadFailed", .error),
        ("DownloadRequiresComputer", .error), ("DownloadInsufficientSpace", .error),
        ("DownloadInsufficientPower", .error), ("DownloadInsufficientNetwork", .error), ("Installing", .installing),
        ("InstallInsufficientSpace", .error), ("InstallInsufficientPower", .error),
        ("InstallPhoneCallInProgress", .pending), ("InstallFailed", .error),
    ])
    func scheduleOSUpdate(_ status: String, _ expected: UpdateStatus) {
        let result = F.run(reports: [("r.plist", F.scheduleOSUpdate(status: status))])
        #expect(F.device(result, Self.serial)?.status == expected)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func installActionErrorIsError() {
        let report = F.scheduleOSUpdate(status: "Idle", action: "Error")
        #expect(F.device(F.run(reports: [("r.plist", report)]), Self.serial)?.status == .error)
    }

    @Test func passFromDeviceInformation() {
        let report = F.deviceInformation(os: "13.7.8", build: "22H730")
        let device = F.device(F.run(reports: [("r.plist", report)]), Self.serial)
        #expect(device?.status == .pass)
    }

    @Test func jsonResponsesWorkToo() {
        let report = """
            {"UDID": "5C1D33A8-8B3E-5A5C-9E1F-3B4A2E6D7C10", "Status": "Acknowledged",
             "OSUpdateStatus": [{"ProductKey": "x", "IsDownloaded": false, "DownloadPercentComplete": 0.25,
                                 "Status": "Downloading"}]}
            """
        let device = F.device(F.run(reports: [("anything.json", report)]), Self.serial)
        #expect(device?.reason.hasPrefix("OSUpdateStatus: Downloading 25%") == true)
    }

    @Test func unknownLegacyStatusIsPendingWithAWarning() {
        let result = F.run(reports: [("r.plist", F.scheduleOSUpdate(status: "Paused"))])
        #expect(F.device(result, Self.serial)?.status == .pending)
        #expect(result.diagnostics.map(\.code) == [.unknownStatusValue])
    }
}
