import ManagedOS
import Testing

/// Every status from real-shaped reports, measured against a cohort's expectation.
@Suite struct StatusMappingTests {
    typealias F = StatusFixture

    struct DDMCase: Sendable, CustomTestStringConvertible {
        var name: String
        var report: String
        var status: UpdateStatus
        var reasonContains: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        DDMCase(
            name: "downloading", report: F.ddm(os: "26.5.2", installState: "downloading", pending: ("26.6.2", "25G83")),
            status: .downloading, reasonContains: "downloading 26.6.2 (25G83)"),
        DDMCase(
            name: "prepared is Cached", report: F.ddm(installState: "prepared", pending: ("26.6.2", "25G83")),
            status: .cached, reasonContains: "prepared 26.6.2 (25G83), ready to install"),
        DDMCase(
            name: "installing", report: F.ddm(installState: "installing"), status: .installing,
            reasonContains: "installing"),
        DDMCase(
            name: "at the target is Pass", report: F.ddm(os: "26.6.2", build: "25G83", installState: "none"),
            status: .pass, reasonContains: "runs 26.6.2 (25G83)"),
        DDMCase(
            name: "above the target is Pass", report: F.ddm(os: "27.0", installState: "none"), status: .pass,
            reasonContains: "runs 27.0"),
        DDMCase(
            name: "failure-reason count 1 is Error",
            report: F.ddm(installState: "downloading", failures: 1, failureReason: "not enough space"), status: .error,
            reasonContains: "failure-reason count 1: not enough space"),
        DDMCase(
            name: "install-state failed is Error", report: F.ddm(installState: "failed", failures: 0), status: .error,
            reasonContains: "install-state 'failed'"),
        DDMCase(
            name: "none is Pending", report: F.ddm(os: "26.5", installState: "none"), status: .pending,
            reasonContains: "no update started"),
        DDMCase(
            name: "waiting maps like none", report: F.ddm(installState: "waiting"), status: .pending,
            reasonContains: "waits to start"),
        DDMCase(
            name: "no install-state yet", report: F.ddm(os: "26.5"), status: .pending,
            reasonContains: "no install-state reported"),
        DDMCase(
            name: "a pending version below the target is named",
            report: F.ddm(installState: "downloading", pending: ("26.6.1", "25G76")), status: .downloading,
            reasonContains: "below the target 26.6.2 (25G83)"),
        DDMCase(
            name: "an RSR above the base passes", report: F.ddm(os: "26.6.2 (a)", installState: "none"), status: .pass,
            reasonContains: "runs 26.6.2 (a)"),
    ])
    func ddmStatus(_ c: DDMCase) {
        let result = F.run(reports: [("C02AAA0001.json", c.report)])
        let device = F.device(result, "C02AAA0001")
        #expect(device?.status == c.status)
        #expect(device?.reason.contains(c.reasonContains) == true, "\(device?.reason ?? "-")")
        #expect(device?.path == .ddm)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func rejectedDeclarationIsErrorWithAppleReasonCode() {
        let report = F.ddm(
            os: "26.5", installState: "none",
            declarations: F.declarations(
                active: false, valid: "invalid", reasons: ["Error.ConfigurationCannotBeApplied"]))
        let device = F.device(F.run(reports: [("C02AAA0001.json", report)]), "C02AAA0001")
        #expect(device?.status == .error)
        #expect(
            device?.reason
                == "declaration 'com.example.mdm.macos-26.mac-it.enforcement' invalid: Error.ConfigurationCannotBeApplied"
        )
    }

    /// A Background Security Improvement target as the manifest records it ("26.3.1 (a)"): the base release is
    /// not enough, the improvement (reported as the extra version "(a)") or a later release passes.
    @Test(
        arguments: [
            ("26.3.1", nil, UpdateStatus.pending), ("26.3.1", "(a)", .pass), ("26.3.1 (a)", nil, .pass),
            ("26.4", nil, .pass), ("26.3", nil, .pending),
        ] as [(String, String?, UpdateStatus)])
    func securityImprovementTarget(_ os: String, _ extra: String?, _ status: UpdateStatus) {
        var cohort = F.mac
        cohort.targetVersion = "26.3.1 (a)"
        cohort.targetBuild = "25D771280a"
        let extraItem = extra.map { ", \"supplemental\": {\"extra-version\": \"\($0)\"}" } ?? ""
        let report = """
            {"StatusItems": {"device": {"operating-system": {"version": "\(os)"\(extraItem)}},
             "softwareupdate": {"install-state": "none"}}, "Errors": []}
            """
        let result = F.run(reports: [("C02AAA0001.json", report)], cohorts: [cohort.name: cohort])
        #expect(F.device(result, "C02AAA0001")?.status == status, "\(F.device(result, "C02AAA0001")?.reason ?? "-")")
    }

    /// Apple: an enforcement that arrives already satisfied reports ConfigurationCannotBeApplied "… older than
    /// current version"; the device is past the target (here the report carries no OS version at all).
    @Test func anAlreadySatisfiedEnforcementIsPass() {
        let declarations = """
            {"activations": [], "assets": [], "management": [], "configurations": [
              {"identifier": "com.example.mdm.macos-26.mac-it.enforcement", "server-token": "8e50467e",
               "active": false, "valid": "invalid", "reasons": [{"code": "Error.ConfigurationCannotBeApplied",
               "description": "The target OS version 26.6.2 is older than current version 26.7"}]}]}
            """
        let device = F.device(F.run(reports: [("C02AAA0001.json", F.ddm(declarations: declarations))]), "C02AAA0001")
        #expect(device?.status == .pass)
        #expect(device?.reason.contains("already satisfied: Error.ConfigurationCannotBeApplied") == true)
        // The same code without that description stays an Error.
        let other = F.ddm(
            declarations: F.declarations(
                active: false, valid: "invalid", reasons: ["Error.ConfigurationCannotBeApplied"]))
        #expect(F.device(F.run(reports: [("C02AAA0001.json", other)]), "C02AAA0001")?.status == .error)
    }

    /// `pending-version.target-local-date-time` is a string in Apple's 26.0 schema (a date in the 18.2 seed).
    @Test(
        arguments: [
            ("\"2026-12-08T18:00:00\"", "2026-12-08T18:00:00"), ("\"\"", nil),
        ] as [(String, String?)])
    func pendingTargetLocalDateTimeIsAString(_ value: String, _ shown: String?) {
        let report = """
            {"StatusItems": {"softwareupdate": {"install-state": "downloading", "pending-version":
              {"os-version": "26.6.2", "build-version": "25G83", "target-local-date-time": \(value)}}}, "Errors": []}
            """
        let result = F.run(reports: [("C02AAA0001.json", report)])
        let device = F.device(result, "C02AAA0001")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(device?.status == .downloading)
        #expect(device?.reason.contains("enforced at") == (shown != nil), "\(device?.reason ?? "-")")
        if let shown { #expect(device?.reason.contains(shown) == true) }
    }

    @Test func inactiveDeclarationIsError() {
        let report = F.ddm(installState: "none", declarations: F.declarations(active: false, valid: "valid"))
        let device = F.device(F.run(reports: [("C02AAA0001.json", report)]), "C02AAA0001")
        #expect(device?.status == .error)
        #expect(device?.reason.contains("inactive") == true)
    }

    @Test func validActiveDeclarationIsNotAnError() {
        let report = F.ddm(installState: "downloading", declarations: F.declarations(active: true, valid: "valid"))
        #expect(F.device(F.run(reports: [("C02AAA0001.json", report)]), "C02AAA0001")?.status == .downloading)
    }

    @Test func incrementalReportsOverrideOnlyTheirItems() {
        let full = F.ddm(
            serial: "C02AAA0001", os: "26.5.2", build: "25F84", installState: "downloading",
            pending: ("26.6.2", "25G83"), failures: 0, full: true)
        let later = F.ddm(installState: "prepared")
        // Named so that file-name order and instant order disagree: the instant decides.
        let result = F.run(reports: [
            ("C02AAA0001-20261209T140000Z.json", later), ("C02AAA0001-2026-12-09T08:00:00Z.json", full),
        ])
        let device = F.device(result, "C02AAA0001")
        #expect(device?.status == .cached)
        #expect(device?.osVersion == "26.5.2")  // kept from the full report
        #expect(device?.reason.contains("26.6.2 (25G83)") == true)
        #expect(
            device?.reports == [
                "reports/C02AAA0001-2026-12-09T08:00:00Z.json", "reports/C02AAA0001-20261209T140000Z.json",
            ])
    }

    @Test func aLaterFullReportReplacesEverything() {
        let first = F.ddm(installState: "downloading", failures: 1)
        let second = F.ddm(os: "26.5.2", installState: "downloading", full: true)
        let result = F.run(reports: [
            ("C02AAA0001-20261201T000000Z.json", first), ("C02AAA0001-20261202T000000Z.json", second),
        ])
        #expect(F.device(result, "C02AAA0001")?.status == .downloading)
    }

    @Test func anIncrementalDeclarationUpdateOverridesTheEarlierOne() {
        let rejected = F.ddm(declarations: F.declarations(active: false, valid: "invalid"))
        let fixed = F.ddm(installState: "downloading", declarations: F.declarations(active: true, valid: "valid"))
        let result = F.run(reports: [
            ("C02AAA0001-20261201T000000Z.json", rejected), ("C02AAA0001-20261202T000000Z.json", fixed),
        ])
        #expect(F.device(result, "C02AAA0001")?.status == .downloading)
    }

    @Test func unknownInstallStateFallsBackToPendingWithAWarning() {
        let result = F.run(reports: [("C02AAA0001.json", F.ddm(installState: "verifying"))])
        let device = F.device(result, "C02AAA0001")
        #expect(device?.status == .pending)
        #expect(device?.reason == "unknown install-state 'verifying'")
        #expect(result.diagnostics.map(\.code) == [.unknownStatusValue])
        #expect(result.diagnostics.first?.location?.file == "reports/C02AAA0001.json")
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func aDeviceWithoutReportsIsUnreportedNotPending() {
        let device = F.device(F.run(reports: []), "C02AAA0001")
        #expect(device?.status == .unreported)
        #expect(device?.reason == "no report received")
    }
}
