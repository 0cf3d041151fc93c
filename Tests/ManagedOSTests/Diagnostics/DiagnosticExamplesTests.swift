import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The examples in `specs/diagnostics.md` are real: each is found, line for line, in mosc's text output for an
/// input in a test table, an `examples/invalid/` case, or one of the loader scenarios.
@Suite struct DiagnosticExamplesTests {
    /// Every rule and parse table whose cases can produce a documented example.
    static let tables: [DiagnosticCase] =
        ParseDiagnosticsTests.cases + InputLimitsTests.cases + ReferenceRulesTests.cases + DeadlineRulesTests.cases
        + SettingsDocumentRuleTests.cases + LegacyOptionsRuleTests.cases + UpdateSettingsRuleTests.cases
        + CatalogRulesTests.cases + RelativeDeadlineRulesTests.cases + CatalogPinRuleTests.cases
        + LegacyProductKeyRuleTests.cases + TimeZoneRuleTests.cases
        + FleetMappingRuleTests.cases
        + SecurityImprovementRuleTests.cases + BlackoutRulesTests.cases + RingOffsetRulesTests.cases
        + TrackTests.cases

    /// Inputs that are not a table row: real files on disk, or bytes that are not UTF-8.
    static let scenarios: [DiagnosticCode: @Sendable () throws -> String] = [
        .unreadableFile: { try RepositoryLoaderTests.unreadableFile().text },
        .symlinkOutsideRepository: { try RepositoryLoaderTests.symlinkOutside().text },
        .noPolicyFiles: { try RepositoryLoaderTests.emptyRepository().text },
        .folderTooDeep: { try RepositoryLoaderTests.tooDeep().text },
        .identifierShortened: { IdentifierTests.shortenedIdentifierText() },
        .unsafeOutputPath: { try IdentifierTests.unsafePathText() },
        .policyNotPlanned: { PlanRefusalTests.unplannableText() },
        .invalidUTF8: {
            var bytes = Array("apiVersion: mosc/v1\nkind: Cohort\nname: caf".utf8)
            bytes.append(0xE9)
            bytes.append(contentsOf: Array("\nplatform: macOS\n".utf8))
            let file = SourceFile(path: "repo/cohorts.yaml", contents: bytes)
            return TextRenderer().render(Compiler.validate(root: "repo", files: [file], options: .testing).diagnostics)
        },
    ]

    @Test func examplesAreEmptyExactlyForPendingCodes() {
        for code in DiagnosticCode.allCases {
            let pending = DiagnosticCatalogTests.pendingProducers.contains(code)
            #expect(
                code.example.isEmpty == pending,
                "\(code.rawValue): \(pending ? "pending codes have no example yet" : "write a real example")")
        }
    }

    @Test(arguments: DiagnosticCode.allCases.filter { !$0.example.isEmpty })
    func exampleIsRealOutput(_ code: DiagnosticCode) throws {
        let example = code.example
        let first = example.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            first.hasSuffix(" [\(code.rawValue)]") && first.contains(": \(code.defaultSeverity.rawValue): "),
            "the first line of \(code.rawValue)'s example must be its own diagnostic at its default severity")
        let outputs = try Self.outputs(for: code, example: example)
        #expect(!outputs.isEmpty, "no input produces \(code.rawValue)")
        #expect(
            outputs.contains { ($0 + "\n").contains(example + "\n") },
            "\(code.rawValue)'s documented example is not what mosc prints; it printed:\n\(outputs.joined(separator: "\n---\n"))"
        )
    }

    /// The text renderings of every input that can show `code`'s example.
    static func outputs(for code: DiagnosticCode, example: String) throws -> [String] {
        if let scenario = scenarios[code] ?? StatusDiagnosticScenarios.scenarios[code]
            ?? DiffDiagnosticScenarios.scenarios[code] ?? ExportDiagnosticScenarios.scenarios[code]
            ?? SyncDiagnosticScenarios.scenarios[code]
        {
            return [try scenario()]
        }
        if example.hasPrefix("examples/invalid/") {
            let caseName = example.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
            let folder = RepositoryPaths.examples.appendingPathComponent("invalid").appendingPathComponent(caseName)
            let loaded = try RepositoryLoader().load(folder.path)
            let diagnostics = Compiler.validate(loaded, options: .testing).diagnostics
            let root = RepositoryPaths.root.path + "/"
            return [TextRenderer().render(diagnostics).replacingOccurrences(of: root, with: "")]
        }
        return tables.filter { $0.expectedCodes.contains(code) }.map { $0.renderedText() }
    }
}
