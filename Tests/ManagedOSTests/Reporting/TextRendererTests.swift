import ManagedOS
import Testing

/// The clang-style text format: the diagnostic line, hint and note lines, the summary, and colour.
@Suite struct TextRendererTests {
    static let place = SourceLocation(file: "repo/p.yaml", line: 4, column: 9)

    @Test func diagnosticWithHintAndNote() {
        let out = TextRenderer().render([
            Diagnostic(
                .duplicateKey, "duplicate key 'name'", at: Self.place, hint: "remove one",
                notes: [
                    .init("'name' is first defined here", at: SourceLocation(file: "repo/p.yaml", line: 2, column: 1))
                ])
        ])
        #expect(
            out == """
                repo/p.yaml:4:9: error: duplicate key 'name' [MOS103]
                repo/p.yaml:4:9: note: remove one
                repo/p.yaml:2:1: note: 'name' is first defined here
                1 error, 0 warnings

                """)
    }

    @Test func locationsWithoutColumnLineOrFile() {
        let out = TextRenderer().render([
            Diagnostic(.unusedCohort, "w", at: SourceLocation(file: "repo/p.yaml", line: 7)),
            Diagnostic(.symlinkOutsideRepository, "s", at: SourceLocation(file: "repo/link.yaml")),
            Diagnostic(.noPolicyFiles, "n", at: nil, notes: [.init("a note without a place")]),
        ])
        #expect(
            out == """
                repo/p.yaml:7: warning: w [MOS205]
                repo/link.yaml: warning: s [MOS503]
                mosc: warning: n [MOS502]
                mosc: note: a note without a place
                0 errors, 3 warnings

                """)
    }

    @Test(arguments: [
        ([Severity](), ""), ([.note], ""), ([.error], "1 error, 0 warnings\n"), ([.warning], "0 errors, 1 warning\n"),
        ([.error, .error, .warning, .warning, .note], "2 errors, 2 warnings\n"),
    ])
    func summaryLine(_ severities: [Severity], _ summary: String) {
        let diagnostics = severities.map { Diagnostic(.unknownKey, "m", at: Self.place, severity: $0) }
        let out = TextRenderer().render(diagnostics)
        let last = out.split(separator: "\n").last.map { "\($0)\n" } ?? ""
        #expect(summary.isEmpty ? !last.contains(" warning") : last == summary)
    }

    @Test func colourOnlyWhenAskedFor() {
        let diagnostics = [
            Diagnostic(.unknownKey, "e", at: Self.place, hint: "h"), Diagnostic(.unusedCohort, "w", at: Self.place),
        ]
        let plain = TextRenderer(colored: false).render(diagnostics)
        #expect(!plain.contains("\u{1B}"))
        let colored = TextRenderer(colored: true).render(diagnostics)
        #expect(colored.contains("repo/p.yaml:4:9: \u{1B}[1;31merror\u{1B}[0m: e [MOS112]\n"))
        #expect(colored.contains("repo/p.yaml:4:9: \u{1B}[1;36mnote\u{1B}[0m: h\n"))
        #expect(colored.contains("repo/p.yaml:4:9: \u{1B}[1;35mwarning\u{1B}[0m: w [MOS205]\n"))
        // Stripping the escapes gives the plain rendering back.
        let stripped = colored.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == plain)
    }
}
