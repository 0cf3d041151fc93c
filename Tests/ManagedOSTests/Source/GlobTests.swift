import ManagedOS
import Testing

/// `Glob.matches`, including the early answer for a literal first segment (`ci` in `ci/**`).
@Suite struct GlobTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var path: String
        var matches: Bool
        var testDescription: String { "\(pattern) ~ \(path)" }
    }

    static let cases: [Case] = [
        Case(pattern: "ci/**", path: "ci/workflow.yml", matches: true),
        Case(pattern: "ci/**", path: "ci/deep/workflow.yml", matches: true),
        Case(pattern: "ci/**", path: "ci", matches: true),
        Case(pattern: "ci/**", path: "/ci/a.yaml", matches: true),
        Case(pattern: "ci/**", path: "sites/ci/a.yaml", matches: false),
        Case(pattern: "ci/**", path: "cix/a.yaml", matches: false),
        Case(pattern: "ci/**", path: "c/a.yaml", matches: false),
        Case(pattern: "ci/**", path: "", matches: false),
        Case(pattern: "templates/*.yaml", path: "templates/a.yaml", matches: true),
        Case(pattern: "templates/*.yaml", path: "templates/nested/a.yaml", matches: false),
        Case(pattern: "templates", path: "templates/nested/a.yaml", matches: true),
        Case(pattern: "**/draft-*.yaml", path: "sites/akl1/draft-x.yaml", matches: true),
        Case(pattern: "s?tes/*/old", path: "sites/akl1/old/a.yaml", matches: true),
        Case(pattern: "*/old", path: "sites/akl1/old/a.yaml", matches: false),
        // Not ASCII: the full match decides. `/` followed by a combining mark is one Character, no separator, so
        // this path is a single segment; a byte-level look at its first segment would say `ci` and match.
        Case(pattern: "ci/**", path: "ci/\u{301}a.yaml", matches: false),
        Case(pattern: "ci*/**", path: "ci/\u{301}a.yaml", matches: true),
        Case(pattern: "été/**", path: "été/a.yaml", matches: true),
        Case(pattern: "ete/**", path: "été/a.yaml", matches: false),
    ]

    @Test(arguments: cases) func matches(_ c: Case) throws {
        let glob = try #require(Glob(c.pattern))
        #expect(glob.matches(c.path) == c.matches)
    }
}
