import ManagedOS
import Testing

/// GitHub workflow commands: severities, properties, and the percent-encoding GitHub requires.
@Suite struct GitHubRendererTests {
    @Test(arguments: [
        ("100%", "100%25"), ("a\rb", "a%0Db"), ("a\nb", "a%0Ab"), ("a:b,c", "a:b,c"), ("%0A", "%250A"),
        ("a\r\nb", "a%0D%0Ab"),
    ])
    func messageEscaping(_ raw: String, _ escaped: String) {
        let out = GitHubRenderer().render([Diagnostic(.unknownKey, raw, at: nil)])
        #expect(out == "::error title=MOS112::\(escaped)\n")
    }

    @Test(arguments: [
        ("a:b", "a%3Ab"), ("a,b", "a%2Cb"), ("50%", "50%25"), ("a\nb", "a%0Ab"), ("a\rb", "a%0Db"),
        ("a\r\nb", "a%0D%0Ab"),
    ])
    func propertyEscaping(_ raw: String, _ escaped: String) {
        let out = GitHubRenderer().render([
            Diagnostic(.unknownKey, "m", at: SourceLocation(file: raw, line: 2, column: 3))
        ])
        #expect(out == "::error file=\(escaped),line=2,col=3,title=MOS112::m\n")
    }

    @Test func severitiesMapToCommands() {
        let place = SourceLocation(file: "f.yaml", line: 1, column: 1)
        let out = GitHubRenderer().render([
            Diagnostic(.unknownKey, "e", at: place), Diagnostic(.unusedCohort, "w", at: place),
            Diagnostic(.latestResolved, "n", at: place),
        ])
        #expect(out.split(separator: "\n").map { $0.prefix { $0 != " " } } == ["::error", "::warning", "::notice"])
    }

    @Test func hintsAndNotesFollowTheMessage() {
        let out = GitHubRenderer().render([
            Diagnostic(
                .duplicateKey, "duplicate key 'a'", at: SourceLocation(file: "f.yaml", line: 5, column: 1), hint: "h",
                notes: [.init("first here", at: SourceLocation(file: "f.yaml", line: 3, column: 1))])
        ])
        #expect(
            out == "::error file=f.yaml,line=5,col=1,title=MOS103::duplicate key 'a'%0Ah%0Af.yaml:3:1: first here\n")
    }
}
