import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Exports for the tests: `examples/fleet`, or a small repository written inline.
enum ExportFleetFixture {
    /// `examples/fleet` compiled at the tests' `--now` and exported.
    static func example() throws -> (export: FleetExport, source: ExportSource) {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let compiled = ExportSource.compile(loaded, options: .testing)
        let source = try #require(compiled.source, "\(compiled.diagnostics.map(\.message))")
        return (try exportFleet(source), source)
    }

    /// The text rendering of the example's export diagnostics, paths relative to the repository's root.
    static func exampleText() throws -> String {
        let root = RepositoryPaths.root.path + "/"
        return TextRenderer().render(try example().export.diagnostics).replacingOccurrences(of: root, with: "")
    }

    /// A one-file repository `repo/policy.yaml`, compiled at the tests' `--now`.
    static func source(_ yaml: String) throws -> ExportSource {
        let file = SourceFile(path: "repo/policy.yaml", text: yaml)
        let result = Compiler.compile(root: "repo", files: [file], options: .testing)
        let output = try #require(result.output, "\(result.diagnostics.map(\.message))")
        return ExportSource(compiled: output, repository: result.repository)
    }

    /// The export of `yaml`'s repository.
    static func export(_ yaml: String) throws -> FleetExport {
        try exportFleet(try source(yaml))
    }

    /// A DDM-only macOS cohort `mac-eng` enforced by `macos-26`; `cohortExtra` goes at the cohort's end.
    static func macRepository(settings: String = "", cohortExtra: String = "") -> String {
        """
        apiVersion: mosc/v1
        kind: Settings
        identifierPrefix: com.example.mdm
        \(settings)
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: mac-eng
        platform: macOS
        osVersions: ">=14.0"
        \(cohortExtra)
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: macos-26
        platform: macOS
        target: {version: "26.6.2", build: "25G83"}
        deadline: "2027-01-12T18:00"
        cohorts: [mac-eng]
        """
    }
}

/// One input per export diagnostic, rendered as text: the source of the `specs/diagnostics.md` examples of the
/// MOS8xx codes.
enum ExportDiagnosticScenarios {
    static func text(_ yaml: String, edit: (inout ExportSource) -> Void = { _ in }) throws -> String {
        var source = try ExportFleetFixture.source(yaml)
        edit(&source)
        return TextRenderer().render(try exportFleet(source).diagnostics)
    }

    /// The cohort's activation with a `Predicate` added, as a compile that scoped by predicate would emit it.
    static func addPredicate(to source: inout ExportSource, cohort: String) {
        let path = source.manifest.cohorts[cohort]?.artifacts.map(\.path).first { $0.hasSuffix(".activation.json") }
        guard let path, let bytes = source.files.files[path],
            var activation = try? JSONDecoder().decode(Declaration.self, from: Data(bytes))
        else { return }
        activation.payload["Predicate"] = .string("(device.operating_system.major == 15)")
        source.files.add(path, CanonicalJSON.bytes(activation.jsonValue))
    }

    static let scenarios: [DiagnosticCode: @Sendable () throws -> String] = [
        .fleetLegacyOnlyCohort: { try ExportFleetFixture.exampleText() },
        .fleetLegacyPartNotExported: { try ExportFleetFixture.exampleText() },
        .fleetNoTeam: { try text(ExportFleetFixture.macRepository()) },
        .fleetActivationPredicate: {
            try text(ExportFleetFixture.macRepository(settings: "fleet: {team: Engineering}")) {
                addPredicate(to: &$0, cohort: "mac-eng")
            }
        },
        .fleetPlatformUnsupported: {
            try text(
                """
                apiVersion: mosc/v1
                kind: Settings
                fleet: {team: Lobby}
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: lobby-tv
                platform: tvOS
                osVersions: ">=18.4"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: tvos-26
                platform: tvOS
                target: {version: "26.6"}
                deadline: "2027-01-12T18:00"
                cohorts: [lobby-tv]
                """)
        },
    ]
}

@Suite struct ExportDiagnosticScenarioTests {
    @Test(arguments: Array(ExportDiagnosticScenarios.scenarios.keys).sorted())
    func scenarioYieldsItsCode(_ code: DiagnosticCode) throws {
        let text = try ExportDiagnosticScenarios.scenarios[code]?() ?? ""
        #expect(text.contains("[\(code.rawValue)]"), "\(text)")
    }
}
