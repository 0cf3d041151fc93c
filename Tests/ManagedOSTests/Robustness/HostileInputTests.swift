import ManagedOS
import ManagedOSTestSupport
import Testing

/// Inputs written to hurt: alias bombs, and names that try to reach the file system.
@Suite struct HostileInputTests {
    /// The classic "billion laughs": ten levels of ten aliases each, 10^10 strings if expanded.
    static let billionLaughs: String = {
        var lines = ["apiVersion: mosc/v1", "kind: Cohort", "name: a", "platform: macOS"]
        lines.append("l0: 1️⃣&l0 [\(Array(repeating: "\"lol\"", count: 10).joined(separator: ","))]")
        for level in 1...9 {
            lines.append(
                "l\(level): &l\(level) [\(Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ","))]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func billionLaughsIsRefusedAtTheFirstAnchor() {
        expectDiagnostics(DiagnosticCase("billion laughs", [.at(.aliasNotAllowed, "1️⃣")], yaml: Self.billionLaughs))
    }

    /// Even with every bound at its hard cap, the composer stops at the first anchor: no document, one diagnostic.
    @Test func billionLaughsComposesNothing() {
        var bag = DiagnosticBag()
        let file = SourceFile(path: "bomb.yaml", text: MarkedText(Self.billionLaughs).text)
        let documents = YAMLComposer(limits: .hardCaps).compose(file, diagnostics: &bag)
        #expect(documents.isEmpty)
        #expect(bag.diagnostics.map(\.code) == [.aliasNotAllowed])
        #expect(bag.diagnostics.first?.location?.line == 5)
    }

    /// An alias whose anchor is never defined is refused the same way.
    @Test func aliasWithoutAnchorIsRefused() {
        expectDiagnostics(
            DiagnosticCase(
                "dangling alias", [.at(.aliasNotAllowed, "1️⃣")],
                yaml: "apiVersion: mosc/v1\nkind: Cohort\nname: a\nplatform: macOS\ndescription: 1️⃣*nowhere"))
    }

    /// A small repository that compiles, with the names and prefix filled in.
    static func repository(cohort: String = "mac-eng", policy: String = "macos-15", prefix: String = "com.example")
        -> [SourceFile]
    {
        [
            SourceFile(
                path: "repo/settings.yaml",
                text: "apiVersion: mosc/v1\nkind: Settings\nidentifierPrefix: \"\(prefix)\"\n"),
            SourceFile(
                path: "repo/policy.yaml",
                text: """
                    apiVersion: mosc/v1
                    kind: Cohort
                    name: "\(cohort)"
                    platform: macOS
                    osVersions: ">=14.0"
                    ---
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: "\(policy)"
                    platform: macOS
                    target: {version: "15.7.9"}
                    deadline: "2026-12-15T17:00"
                    cohorts: ["\(cohort)"]

                    """),
        ]
    }

    @Test func theTemplateCompilesToSafePaths() throws {
        let result = Compiler.compile(root: "repo", files: Self.repository(), options: .testing)
        let output = try #require(result.output, "\(result.diagnostics)")
        #expect(!output.tree.paths.isEmpty)
        #expect(output.tree.paths.allSatisfy(OutputTree.isSafe))
    }

    struct PathCase: Sendable, CustomTestStringConvertible {
        var name: String
        var cohort = "mac-eng"
        var policy = "macos-15"
        var prefix = "com.example"
        var code: DiagnosticCode
        var testDescription: String { name }
    }

    @Test(arguments: [
        PathCase(name: "cohort ../x", cohort: "../x", code: .invalidName),
        PathCase(name: "cohort a/b", cohort: "a/b", code: .invalidName),
        PathCase(name: "cohort ..", cohort: "..", code: .invalidName),
        PathCase(name: "cohort /etc", cohort: "/etc", code: .invalidName),
        PathCase(name: "policy ../../x", policy: "../../x", code: .invalidName),
        PathCase(name: "policy with NUL", policy: "a\\0b", code: .invalidName),
        PathCase(name: "prefix with /", prefix: "com/example", code: .invalidIdentifierPrefix),
        PathCase(name: "prefix ../..", prefix: "../..", code: .invalidIdentifierPrefix),
        PathCase(name: "prefix /tmp", prefix: "/tmp", code: .invalidIdentifierPrefix),
    ])
    func namesNeverReachTheFileSystem(_ c: PathCase) {
        let files = Self.repository(cohort: c.cohort, policy: c.policy, prefix: c.prefix)
        let result = Compiler.compile(root: "repo", files: files, options: .testing)
        #expect(result.output == nil)
        #expect(result.diagnostics.contains { $0.code == c.code }, "\(result.diagnostics.map(\.code))")
    }
}

/// Long collections compose in linear time: each of these once took minutes (every append copied the array).
@Suite struct LongCollectionTests {
    static func compose(_ text: String, limits: InputLimits = .defaults) -> (documents: Int, codes: [DiagnosticCode]) {
        var bag = DiagnosticBag()
        let documents = YAMLComposer(limits: limits).compose(
            SourceFile(path: "long.yaml", text: text), diagnostics: &bag)
        return (documents.count, bag.diagnostics.map(\.code))
    }

    @Test(.timeLimit(.minutes(1))) func longFlowSequenceStopsAtTheNodeLimit() {
        let text = "[" + Array(repeating: "a", count: 300_000).joined(separator: ",") + "]"
        #expect(Self.compose(text).codes == [.tooManyNodes])
    }

    @Test(.timeLimit(.minutes(1))) func longSequenceAndMappingWithinTheLimit() {
        let sequence = "- " + Array(repeating: "a", count: 100_000).joined(separator: "\n- ")
        #expect(Self.compose(sequence) == (1, []))
        let mapping = (0..<50_000).map { "k\($0): v" }.joined(separator: "\n")
        #expect(Self.compose(mapping) == (1, []))
    }
}

/// libyaml reports errors at the end of a file without a final newline on a line after the last one; mosc
/// points at the end of the last line instead.
@Suite struct EndOfFileLocationTests {
    @Test(arguments: ["a: b\nc: [d", "a: b\nc: {d: e", "a: b\nc: \"open", "a: b\n- c", "a: b\nc: 'x"])
    func syntaxErrorsPointInsideTheFile(_ text: String) throws {
        var bag = DiagnosticBag()
        _ = YAMLComposer().compose(SourceFile(path: "t.yaml", text: text), diagnostics: &bag)
        let location = try #require(bag.diagnostics.first?.location)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        #expect(bag.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(location.line >= 1 && location.line <= 2, "\(location)")
        if location.line == 2 { #expect(location.column <= lastLine.count + 1, "\(location)") }
    }
}
