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
        DiagnosticCase(
            "a misspelt required key is one error, not also a missing key", [.at(.unknownKey, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: macs
                platform: macOS
                osVersions: ">=14.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: macos-26
                platform: macOS
                target: {version: "26.6.2"}
                1️⃣deadlin: "2027-01-12T18:00"
                cohorts: [macs]
                """),
        DiagnosticCase(
            "a policy that lists no cohorts", [.at(.invalidValue, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: macos-26
                platform: macOS
                target: {version: "26.6.2"}
                deadline: "2027-01-12T18:00"
                cohorts: 1️⃣[]
                """),
        DiagnosticCase(
            "a tab in indentation", [.line(.yamlSyntax, 5)],
            yaml: "apiVersion: mosc/v1\nkind: Cohort\nname: a\nosVersions:\n\t\">=14.0\"\nplatform: macOS\n"),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func aTabInIndentationSaysSoAndKeepsLibyamlsText() throws {
        let tab = try #require(Self.cases.first { $0.name == "a tab in indentation" })
        let error = try #require(tab.validate().diagnostics.first { $0.code == .yamlSyntax })
        #expect(error.message == "tab used for indentation: YAML indents with spaces only")
        #expect(error.hint == "replace the tab with spaces")
        #expect(error.notes.first?.message.hasPrefix("libyaml: found character that cannot start any token") == true)
        // A tab elsewhere keeps libyaml's own text.
        let bracket = try #require(Self.cases.first { $0.name == "YAML syntax error at libyaml's mark" })
        #expect(bracket.validate().diagnostics.first?.message.contains("tab") == false)
    }

    @Test func anUnquotedMajorInARangeIsNotHintedAsOneExactVersion() throws {
        let yaml = "apiVersion: mosc/v1\nkind: Cohort\nname: a\nplatform: iOS\nosVersions: 18\n"
        let warning = try #require(
            DiagnosticCase("", [], yaml: yaml).validate().diagnostics.first { $0.code == .unquotedVersion })
        #expect(warning.hint == "write it as a string: \"18\" for any 18.x, or \">=18\" for 18 and later")
    }

    @Test func theMisspeltKeyNotesTheRequiredKey() throws {
        let typo = try #require(Self.cases.first { $0.name.hasPrefix("a misspelt required key") })
        let error = try #require(typo.validate().diagnostics.first { $0.code == .unknownKey })
        #expect(error.hint == "did you mean 'deadline'?")
        #expect(error.notes.contains { $0.message.contains("'deadline' is required") && $0.location?.line == 7 })
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
