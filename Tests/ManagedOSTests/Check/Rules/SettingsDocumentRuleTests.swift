import ManagedOS
import ManagedOSTestSupport
import Testing

/// The repository-wide Settings document: one at most, a reverse-DNS prefix, valid exclude globs.
@Suite struct SettingsDocumentRuleTests {
    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "two Settings documents", [.at(.duplicateSettings, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                ---
                1️⃣apiVersion: mosc/v1
                kind: Settings
                """),
        DiagnosticCase(
            "identifierPrefix not reverse-DNS", [.at(.invalidIdentifierPrefix, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                identifierPrefix: 1️⃣com..example
                """),
        DiagnosticCase(
            "identifierPrefix longer than 32 octets", [.at(.invalidIdentifierPrefix, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                identifierPrefix: 1️⃣com.example.very-long-organisation-name.mdm
                """),
        DiagnosticCase(
            "a glob climbing out of the repository", [.at(.invalidGlob, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                exclude: ["ci/**", 1️⃣"../shared/*.yaml"]
                """),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    static let validInputs: [DiagnosticCase] = [
        DiagnosticCase(
            "one Settings document with a prefix and globs", [],
            yaml: """
                apiVersion: mosc/v1
                kind: Settings
                identifierPrefix: com.example.mdm-1
                exclude: ["ci/**", "templates/*.yaml", "draft-?.yml"]
                """)
    ]

    @Test(arguments: validInputs) func acceptsValidInput(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    @Test func aTooLongPrefixSaysItIsTooLong() throws {
        let diagnostic = try #require(Self.cases[2].validate().diagnostics.first)
        #expect(diagnostic.message.contains("43 octets long; the limit is 32"), "\(diagnostic.message)")
        #expect(!diagnostic.message.contains("not a reverse-DNS"))
        let malformed = try #require(Self.cases[1].validate().diagnostics.first)
        #expect(malformed.message.contains("not a reverse-DNS name"))
    }
}
