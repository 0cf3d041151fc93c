import Foundation
import ManagedOSTestSupport
import Testing

@testable import ManagedOS

/// Keeps the code catalog honest: well-formed unique codes, a producer for every code, a test for every code,
/// and a current `specs/diagnostics.md` (re-record with `RECORD_SPECS=1 swift test --filter DiagnosticCatalogTests`).
@Suite struct DiagnosticCatalogTests {
    /// Codes the parse stage reports (YAMLComposer, NodeReader, readDocuments), outside any `ValidationRule`.
    static let parseStageCodes: Set<DiagnosticCode> = [
        .yamlSyntax, .invalidUTF8, .duplicateKey, .aliasNotAllowed, .nestingTooDeep, .fileTooLarge, .scalarTooLong,
        .tooManyDocuments, .tooManyNodes, .unsupportedAPIVersion, .unknownKind, .unknownKey, .missingKey, .wrongType,
        .ambiguousBoolean, .unquotedVersion, .invalidValue, .unsupportedTag, .emptyDocument, .tooManyCohortsInPolicy,
        .deadlineTwoBases,
    ]

    /// Codes `RepositoryLoader` reports while walking the folder.
    static let loaderCodes: Set<DiagnosticCode> = [.unreadableFile, .symlinkOutsideRepository, .folderTooDeep]

    /// Codes `Compiler.validate` and the Plan and Emit stages report, outside any `ValidationRule`.
    static let compilerCodes: Set<DiagnosticCode> = [
        .noPolicyFiles, .identifierShortened, .policyNotPlanned, .unsafeOutputPath,
    ]

    /// Codes `mosc status` reports about reports and device lists.
    static var statusCodes: Set<DiagnosticCode> { Set(StatusDiagnosticScenarios.scenarios.keys) }

    /// Codes only `mosc sync` raises.
    static var syncCodes: Set<DiagnosticCode> { Set(SyncDiagnosticScenarios.scenarios.keys) }

    /// Codes `mosc diff` raises as risk flags.
    static var diffCodes: Set<DiagnosticCode> { Set(DiffDiagnosticScenarios.scenarios.keys) }

    /// Codes `mosc export fleet` reports about what Fleet's files cannot express.
    static var exportCodes: Set<DiagnosticCode> { Set(ExportDiagnosticScenarios.scenarios.keys) }

    /// Codes reserved for work in progress, with no producer yet. Remove a code here when its producer lands
    /// (a test below fails to say so); the list should only shrink.
    static let pendingProducers: Set<DiagnosticCode> = []

    /// Every code a `ValidationRule` in `AllRules` declares.
    static var ruleCodes: [DiagnosticCode] { AllRules.rules.flatMap { type(of: $0).codes } }

    @Test func rawValuesAreUniqueAndWellFormed() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count, "duplicate wire codes")
        for code in raw {
            let digits = code.dropFirst(3)
            #expect(
                code.hasPrefix("MOS") && digits.count == 3 && digits.allSatisfy { $0.isASCII && $0.isNumber },
                "\(code) is not MOS followed by three digits")
        }
    }

    @Test func casesAreDeclaredInCodeOrder() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(raw == raw.sorted(), "keep DiagnosticCode's cases sorted by code")
    }

    @Test func namesAreTheSwiftCaseNames() {
        #expect(DiagnosticCode.unknownKey.name == "unknownKey")
        let names = DiagnosticCode.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.hasPrefix("MOS") })
    }

    @Test func summariesAndFixesFollowTheHouseStyle() {
        for code in DiagnosticCode.allCases {
            #expect(!code.summary.isEmpty && !code.summary.hasSuffix("."), "\(code.rawValue) summary")
            #expect(!code.fix.isEmpty, "\(code.rawValue) has no fix")
        }
    }

    @Test func everyCodeHasAProducerOrIsPending() {
        let rules = Self.ruleCodes
        // Rules may share a code (MOS117 for any value outside its allowed set); each code needs one producer.
        let produced = Set(rules).union(Self.parseStageCodes).union(Self.loaderCodes).union(Self.compilerCodes).union(
            Self.statusCodes
        )
        .union(Self.diffCodes).union(Self.exportCodes).union(Self.syncCodes)
        let missing = DiagnosticCode.allCases.filter { !produced.contains($0) && !Self.pendingProducers.contains($0) }
        #expect(missing.isEmpty, "no producer: \(missing.map { "\($0.rawValue) .\($0.name)" })")
        let landed = Self.pendingProducers.intersection(produced).sorted()
        #expect(landed.isEmpty, "producers exist now; remove from pendingProducers: \(landed.map(\.rawValue))")
    }

    @Test func everyRuleDeclaresCodes() {
        for rule in AllRules.rules {
            #expect(!type(of: rule).codes.isEmpty, "\(type(of: rule)) declares no codes")
        }
    }

    @Test func everyProducedCodeAppearsInATestTable() throws {
        let mentioned = try Self.codesMentionedInTests()
        let untested = DiagnosticCode.allCases.filter {
            !mentioned.contains($0) && !Self.pendingProducers.contains($0)
        }
        #expect(untested.isEmpty, "codes no test expects: \(untested.map { "\($0.rawValue) .\($0.name)" })")
    }

    @Test func specsDiagnosticsIsCurrent() {
        GoldenFile(packagePath: DiagnosticCatalogDocument.path, recordVariable: "RECORD_SPECS")
            .expectMatches(DiagnosticCatalogDocument.render())
    }

    /// Codes named in the test sources (`.caseName` as an implicit member, or `MOSnnn`) and in the
    /// `# expect: MOSnnn` lines of `examples/invalid/`. This file is skipped: it names codes only to list them.
    static func codesMentionedInTests() throws -> Set<DiagnosticCode> {
        let byName = Dictionary(uniqueKeysWithValues: DiagnosticCode.allCases.map { ($0.name, $0) })
        var found: Set<DiagnosticCode> = []
        let thisFile = URL(fileURLWithPath: #filePath).standardizedFileURL.path
        for url in try files(under: RepositoryPaths.root.appendingPathComponent("Tests"), suffixes: [".swift"])
        where url.standardizedFileURL.path != thisFile {
            let text = try String(contentsOf: url, encoding: .utf8)
            found.formUnion(implicitMembers(in: text).compactMap { byName[$0] })
            found.formUnion(wireCodes(in: text))
        }
        for url in try files(
            under: RepositoryPaths.examples.appendingPathComponent("invalid"), suffixes: [".yaml", ".yml"])
        {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("# expect: ") {
                found.formUnion(wireCodes(in: String(line)))
            }
        }
        return found
    }

    /// Identifiers written as `.name` right after `(`, `[`, `,`, a space or `:`, i.e. implicit member expressions.
    static func implicitMembers(in text: String) -> [String] {
        var names: [String] = []
        let characters = Array(text)
        var index = 1
        while index < characters.count {
            if characters[index] == ".", "([, :".contains(characters[index - 1]) {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
                if end > index + 1 { names.append(String(characters[(index + 1)..<end])) }
                index = end
            } else {
                index += 1
            }
        }
        return names
    }

    /// `MOSnnn` codes in `text` that the catalog knows.
    static func wireCodes(in text: String) -> Set<DiagnosticCode> {
        var found: Set<DiagnosticCode> = []
        var rest = Substring(text)
        while let range = rest.range(of: "MOS") {
            let digits = rest[range.upperBound...].prefix(3)
            if let code = DiagnosticCode(rawValue: "MOS\(digits)") { found.insert(code) }
            rest = rest[range.upperBound...]
        }
        return found
    }

    static func files(under folder: URL, suffixes: [String]) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { url in suffixes.contains { url.path.hasSuffix($0) } }
            .sorted { $0.path < $1.path }
    }
}
