import ManagedOS
import ManagedOSTestSupport
import Testing

/// YAML nobody here wrote: tags on keys and collections, `%YAML` directives (yaml-test-suite MUS6), a byte
/// order mark, and the line breaks MOS102 counts.
@Suite struct ForeignYAMLTests {
    static let cohort = """
        kind: Cohort
        name: a
        platform: macOS
        osVersions: ">=14.0"
        """

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "a tag on a key", [.at(.unsupportedTag, "1️⃣")],
            yaml: "apiVersion: mosc/v1\n1️⃣!!binary kind: Cohort\nname: a\nplatform: macOS\nosVersions: \">=14.0\"\n"),
        DiagnosticCase(
            "a local tag on a key", [.at(.unsupportedTag, "1️⃣")],
            yaml: "apiVersion: mosc/v1\n\(cohort)\n1️⃣!custom description: x\n"),
        DiagnosticCase(
            "!!map on a flow mapping", [.at(.unsupportedTag, "1️⃣")],
            yaml: "apiVersion: mosc/v1\nkind: Settings\nlimits: 1️⃣!!map {maxDepth: 10}\n"),
        DiagnosticCase(
            "!!seq on a flow sequence", [.at(.unsupportedTag, "1️⃣")],
            yaml: "apiVersion: mosc/v1\nkind: Settings\nexclude: 1️⃣!!seq [\"ci/**\"]\n"),
        DiagnosticCase(
            "!!map on the document", [.at(.unsupportedTag, "1️⃣")],
            yaml: "--- 1️⃣!!map\napiVersion: mosc/v1\n\(cohort)\n"),
        DiagnosticCase(
            "!!str on a value is allowed", [],
            yaml: "apiVersion: mosc/v1\n\(cohort)\ndescription: !!str 15.10\n"),
        // yaml-test-suite MUS6/00: a comment must be separated from the version.
        DiagnosticCase(
            "%YAML with a comment glued to the version", [.line(.yamlSyntax, 1)],
            yaml: "%YAML 1.1#...\n---\napiVersion: mosc/v1\n\(cohort)\n"),
        // yaml-test-suite MUS6/01: one %YAML directive per document.
        DiagnosticCase(
            "two %YAML directives for one document", [.line(.yamlSyntax, 2)],
            yaml: "%YAML 1.2\n%YAML 1.2\n---\napiVersion: mosc/v1\n\(cohort)\n"),
        DiagnosticCase(
            "%YAML with two versions", [.line(.yamlSyntax, 1)],
            yaml: "%YAML  1.1 1.2\n---\napiVersion: mosc/v1\n\(cohort)\n"),
        DiagnosticCase(
            "%YAML without a version", [.line(.yamlSyntax, 1)],
            yaml: "%YAML\n---\napiVersion: mosc/v1\n\(cohort)\n"),
        DiagnosticCase(
            "well-formed %YAML directives", [],
            yaml: """
                %YAML   1.2   # blanks and a comment are fine
                ---
                apiVersion: mosc/v1
                \(cohort)
                ...
                %YAML 1.2
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: b
                platform: macOS
                osVersions: ">=14.0"
                """),
        DiagnosticCase(
            "a byte order mark is allowed", [], yaml: "\u{FEFF}apiVersion: mosc/v1\n\(cohort)\n"),
        DiagnosticCase(
            "a byte order mark is no column", [.at(.unsupportedAPIVersion, "1️⃣")],
            yaml: "\u{FEFF}apiVersion: 1️⃣mosc/v2\n\(cohort)\n"),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    /// MOS102's line and column follow the line model of every other diagnostic: `\r\n`, `\r`, `\n`, U+0085,
    /// U+2028 and U+2029 end a line; a leading byte order mark is no column.
    @Test(arguments: [
        ("\n", false), ("\r", false), ("\r\n", false), ("\u{85}", false), ("\u{2028}", false), ("\u{2029}", false),
        ("\n", true), ("\r", true),
    ])
    func invalidUTF8CountsEveryLineBreak(_ lineBreak: String, _ bom: Bool) {
        let lines = ["apiVersion: mosc/v1", "kind: Cohort", "name: a", "platform: macOS", "description: caf"]
        var bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(lines.joined(separator: lineBreak).utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        var bag = DiagnosticBag()
        _ = YAMLComposer().compose(SourceFile(path: "x.yaml", contents: bytes), diagnostics: &bag)
        #expect(bag.diagnostics.map(\.code) == [.invalidUTF8])
        #expect(bag.diagnostics.first?.location == SourceLocation(file: "x.yaml", line: 5, column: 17))
    }

    /// The same text with and without a byte order mark parses to the same diagnostics at the same places.
    @Test func byteOrderMarkChangesNoLocation() {
        let text = "apiVersion: mosc/v1\nkind: Cohort\nname: A_b\nplatform: macOS\n"
        let plain = Compiler.validate(
            root: "r", files: [SourceFile(path: "r/a.yaml", text: text)], options: .testing
        ).diagnostics
        let marked = Compiler.validate(
            root: "r", files: [SourceFile(path: "r/a.yaml", contents: [0xEF, 0xBB, 0xBF] + Array(text.utf8))],
            options: .testing
        ).diagnostics
        #expect(!plain.isEmpty)
        #expect(plain == marked)
    }
}
