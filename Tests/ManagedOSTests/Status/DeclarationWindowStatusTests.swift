import ManagedOS
import Testing

/// A cohort straddling the settings gate: its macOS 14 devices are served an activation without the settings, so
/// they report the settings declaration and the macOS 15+ activation inactive, which is expected there and an
/// error on a device that should apply them.
@Suite struct DeclarationWindowStatusTests {
    typealias F = StatusFixture

    static let base = "com.example.mdm.macos-26.mac-it"
    static var straddling: CohortExpectation {
        var cohort = F.mac
        cohort.declarationIdentifiers = [
            "\(base).enforcement", "\(base).settings", "\(base).activation", "\(base).activation-below-15",
        ]
        cohort.declarationWindows = [
            "\(base).enforcement": .init(minimum: OSVersion(14, 0)),
            "\(base).settings": .init(minimum: OSVersion(15, 0)),
            "\(base).activation": .init(minimum: OSVersion(15, 0)),
            "\(base).activation-below-15": .init(minimum: OSVersion(14, 0), below: OSVersion(15, 0)),
        ]
        return cohort
    }

    /// Reports `inactive` for the declarations of the other OS group.
    static func report(os: String, inactive: [String]) -> String {
        let items = ["settings", "activation", "activation-below-15"].map { suffix in
            let kind = suffix.hasPrefix("activation") ? "activations" : "configurations"
            return (
                kind,
                "{\"identifier\": \"\(base).\(suffix)\", \"server-token\": \"t\", \"active\": "
                    + "\(!inactive.contains(suffix)), \"valid\": \"valid\", \"reasons\": []}"
            )
        }
        let activations = items.filter { $0.0 == "activations" }.map(\.1).joined(separator: ", ")
        let configurations = items.filter { $0.0 == "configurations" }.map(\.1).joined(separator: ", ")
        return F.ddm(
            os: os, installState: "downloading",
            declarations: """
                {"activations": [\(activations)], "assets": [], "management": [], "configurations": [\(configurations)]}
                """)
    }

    @Test(arguments: [
        ("14.7.8", ["settings", "activation"], UpdateStatus.downloading),
        ("15.7.9", ["activation-below-15"], UpdateStatus.downloading),
        ("15.7.9", ["settings"], UpdateStatus.error),
        ("14.7.8", ["activation-below-15"], UpdateStatus.error),
    ])
    func inactiveOutsideItsWindowIsExpected(os: String, inactive: [String], status: UpdateStatus) {
        let result = F.run(
            reports: [("C02AAA0001.json", Self.report(os: os, inactive: inactive))],
            cohorts: [F.mac.name: Self.straddling, F.frontDesk.name: F.frontDesk])
        let device = F.device(result, "C02AAA0001")
        #expect(device?.status == status, "\(device?.reason ?? "-")")
    }
}
