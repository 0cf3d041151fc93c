import ManagedOS
import ManagedOSTestSupport
import Testing

/// Shape problems: YAML syntax, keys, types, kinds, versions and booleans.
@Suite struct ParseDiagnosticsTests {
    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "YAML syntax error at libyaml's mark", [.line(.yamlSyntax, 4)],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: [a, b
                description: x
                """),
        DiagnosticCase(
            "duplicate key with note", [.at(.duplicateKey, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                1️⃣name: b
                """),
        DiagnosticCase(
            "anchors refused", [.at(.aliasNotAllowed, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: 1️⃣&x a
                platform: macOS
                """),
        DiagnosticCase(
            "aliases refused", [.at(.aliasNotAllowed, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                description: 1️⃣*x
                """),
        DiagnosticCase(
            "merge keys refused", [.at(.aliasNotAllowed, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                1️⃣<<: {}
                """),
        DiagnosticCase(
            "unknown apiVersion", [.at(.unsupportedAPIVersion, "1️⃣")],
            yaml: """
                apiVersion: 1️⃣mosc/v2
                kind: Cohort
                """),
        DiagnosticCase(
            "missing apiVersion", [.at(.unsupportedAPIVersion, "1️⃣")],
            yaml: """
                1️⃣kind: Cohort
                name: a
                """),
        DiagnosticCase(
            "unknown kind", [.at(.unknownKind, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: 1️⃣Cohrt
                """),
        DiagnosticCase(
            "unknown key", [.at(.unknownKey, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                1️⃣colour: red
                """),
        DiagnosticCase(
            "missing required key", [.at(.missingKey, "1️⃣")],
            yaml: """
                1️⃣apiVersion: mosc/v1
                kind: Cohort
                name: a
                """),
        DiagnosticCase(
            "wrong type", [.at(.wrongType, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: 1️⃣[a]
                platform: macOS
                """),
        DiagnosticCase(
            "invalid choice", [.at(.invalidValue, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: 1️⃣macos
                """),
        DiagnosticCase(
            "plain yes in a string", [.at(.ambiguousBoolean, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                description: 1️⃣yes
                """),
        DiagnosticCase(
            "explicit tag", [.at(.unsupportedTag, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                description: 1️⃣!!binary aGVsbG8=
                """),
        DiagnosticCase(
            "empty document", [.line(.emptyDocument, 1)],
            yaml: """
                ---
                ...
                """),
        DiagnosticCase(
            "unquoted osVersions number", [.at(.unquotedVersion, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: a
                platform: macOS
                osVersions: 1️⃣14.0
                """),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func invalidUTF8PointsAtTheByte() {
        var bag = DiagnosticBag()
        var bytes = Array("apiVersion: mosc/v1\nkind: Co".utf8)
        bytes.append(0xFF)
        let docs = YAMLComposer().compose(SourceFile(path: "x.yaml", contents: bytes), diagnostics: &bag)
        #expect(docs.isEmpty)
        #expect(bag.diagnostics.map(\.code) == [.invalidUTF8])
        #expect(bag.diagnostics.first?.location == SourceLocation(file: "x.yaml", line: 2, column: 9))
    }
}
