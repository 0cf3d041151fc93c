import ManagedOS
import ManagedOSTestSupport
import Testing

/// The `fleet:` blocks of Settings and Cohorts: existing cohorts, one place per cohort, names Fleet
/// can hold; and the parse stage's unknown keys and types inside them.
@Suite struct FleetMappingRuleTests {
    static let cohort = """
        apiVersion: mosc/v1
        kind: Cohort
        name: mac-eng
        platform: macOS
        """

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "fleet.cohorts names an unknown cohort", [.at(.fleetUnknownCohort, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  cohorts:
                    1️⃣mac-egn: {label: Engineering}
                ---
                \(cohort)
                """),
        DiagnosticCase(
            "a cohort mapped in Settings and on itself", [.at(.fleetMappedTwice, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  cohorts:
                    mac-eng: {team: Engineering}
                ---
                \(cohort)
                1️⃣fleet: {label: Engineering Macs}
                """),
        DiagnosticCase(
            "a label padded with a space", [.at(.invalidFleetName, "1️⃣")],
            yaml: """
                \(cohort)
                fleet: {team: Engineering, label: 1️⃣" Engineering Macs"}
                """),
        DiagnosticCase(
            "an empty default team", [.at(.invalidFleetName, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet: {team: 1️⃣""}
                """),
        DiagnosticCase(
            "a team with a line break", [.at(.invalidFleetName, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  cohorts:
                    mac-eng: {team: 1️⃣"Engineering\\nMacs"}
                ---
                \(cohort)
                """),
        DiagnosticCase(
            "two cohorts under one team and label", [.at(.fleetLabelShared, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  team: Workstations
                ---
                \(cohort)
                fleet: {label: Macs}
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: mac-it
                platform: macOS
                1️⃣fleet: {label: Macs}
                """),
        DiagnosticCase(
            "a misspelt key in a cohort's fleet block", [.at(.unknownKey, "1️⃣")],
            yaml: """
                \(cohort)
                fleet:
                  1️⃣lable: Engineering Macs
                """),
        DiagnosticCase(
            "a misspelt key in Settings' fleet block", [.at(.unknownKey, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  1️⃣teams: Workstations
                """),
        DiagnosticCase(
            "fleet.cohorts as a list", [.at(.wrongType, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  cohorts:
                    1️⃣- mac-eng
                """),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase(
            "a default team, a Settings entry and a cohort's own block", [],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                fleet:
                  team: "💻 Workstations"
                  cohorts:
                    mac-it: {label: "IT Macs"}
                ---
                \(cohort)
                fleet: {team: "Engineering: Macs", label: "Engineering #1"}
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: mac-it
                platform: macOS
                """)
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func aCohortsOwnBlockWinsThenItsEntryThenTheDefault() {
        let files = [
            SourceFile(
                path: "repo/all.yaml",
                text: """
                    apiVersion: mosc/v1
                    kind: Settings
                    fleet:
                      team: Default
                      cohorts:
                        b: {label: B label}
                        c: {team: C team}
                    ---
                    apiVersion: mosc/v1
                    kind: Cohort
                    name: a
                    platform: macOS
                    fleet: {team: A team, label: A label}
                    """)
        ]
        let repository = Compiler.validate(root: "repo", files: files, options: .testing).repository
        let mapping = FleetMapping(repository)
        let own = repository.cohorts.first?.fleet
        #expect(mapping.target(cohort: "a", own: own).team?.value == "A team")
        #expect(mapping.target(cohort: "a", own: own).label == "A label")
        #expect(mapping.target(cohort: "b", own: nil).team?.value == "Default")
        #expect(mapping.target(cohort: "b", own: nil).label == "B label")
        #expect(mapping.target(cohort: "c", own: nil).team?.value == "C team")
        #expect(mapping.target(cohort: "c", own: nil).label == "c")
    }
}
