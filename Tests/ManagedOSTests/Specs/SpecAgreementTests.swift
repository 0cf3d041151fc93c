import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The specs and the tool say the same: every one-line `deadline:` and `target:` example annotated in
/// `specs/policy-language.md` gives the code its comment names (or none, when it says `valid`), and every key
/// `manifest.json` holds is documented in `specs/output.md`.
@Suite struct SpecAgreementTests {
    static let language = RepositoryPaths.root.appendingPathComponent("specs/policy-language.md")
    static let output = RepositoryPaths.root.appendingPathComponent("specs/output.md")

    /// An annotated example line: its text, and the code its comment names (nil: `valid` with no code).
    struct Example: Sendable, CustomTestStringConvertible {
        var line: String
        var code: String?
        var testDescription: String { line }
    }

    /// `deadline: "…"   # MOS213` and `target: {…}   # valid` lines inside the spec's yaml blocks.
    static var examples: [Example] {
        guard let text = try? String(contentsOf: language, encoding: .utf8) else { return [] }
        var inYAML = false
        var found: [Example] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                inYAML = line == "```yaml"
                continue
            }
            guard inYAML, line.hasPrefix("deadline: \"") || line.hasPrefix("target: {"),
                let hash = line.range(of: "# ")
            else { continue }
            let comment = line[hash.upperBound...]
            let code = comment.split(separator: " ").first { $0.hasPrefix("MOS") }.map { String($0.prefix(6)) }
            guard code != nil || comment.hasPrefix("valid") else { continue }
            found.append(Example(line: line, code: code))
        }
        return found
    }

    /// A mixed macOS cohort (13.x takes the legacy path, in New York's zone) and a policy on it.
    static func repository(replacing line: String) -> [SourceFile] {
        var policy = [
            "apiVersion: mosc/v1", "kind: ManagedOSPolicy", "name: p", "platform: macOS",
            "target: {version: \"15.7.9\", build: \"24G830\"}", "deadline: \"2027-01-12T18:00\"",
            "legacy: {timeZone: America/New_York}", "cohorts: [macs]",
        ]
        let key = line.hasPrefix("target:") ? "target:" : "deadline:"
        policy = policy.map { $0.hasPrefix(key) ? line : $0 }
        let cohort = "apiVersion: mosc/v1\nkind: Cohort\nname: macs\nplatform: macOS\nosVersions: \">=13.0 <27\"\n"
        return [
            SourceFile(path: "repo/cohorts.yaml", text: cohort),
            SourceFile(path: "repo/policy.yaml", text: policy.joined(separator: "\n") + "\n"),
        ]
    }

    @Test func theSpecHasAnnotatedExamples() {
        #expect(Self.examples.count >= 10)
    }

    @Test(arguments: examples) func annotatedExampleGivesItsCode(_ example: Example) {
        let result = Compiler.validate(root: "repo", files: Self.repository(replacing: example.line), options: .testing)
        let codes = result.diagnostics.filter { $0.location?.file == "repo/policy.yaml" }.map(\.code.rawValue)
        if let code = example.code {
            #expect(codes.contains(code), "'\(example.line)' gave \(codes)")
        } else {
            let problems = result.diagnostics.filter { $0.severity != .note }
            #expect(problems.isEmpty, "'\(example.line)' gave \(problems.map { "\($0.code.rawValue) \($0.message)" })")
        }
    }

    /// §16 says where each diagnostic points; MOS211 (a time zone on an all-DDM policy) points at the value, and
    /// so does the tool.
    @Test func mos211PointsWhereTheSpecSays() throws {
        let spec = try String(contentsOf: Self.language, encoding: .utf8)
        let row = spec.split(separator: "\n").first { $0.hasPrefix("| ") && $0.contains("MOS211") }
        #expect(row?.contains("| its value") == true, "\(row ?? "no §16 row names MOS211")")
        let folder = RepositoryPaths.examples.appendingPathComponent("invalid/timezone-all-ddm")
        let loaded = try RepositoryLoader().load(folder.path)
        let found = Compiler.validate(loaded, options: .testing).diagnostics.first {
            $0.code == .timeZoneWithoutLegacyDevices
        }
        let location = try #require(found?.location)
        let text = try String(contentsOf: folder.appendingPathComponent("repo.yaml"), encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[location.line - 1]
        #expect(line.dropFirst(location.column - 1).hasPrefix("America/New_York"), "\(line)")
    }

    @Test func everyManifestKeyIsDocumented() throws {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let manifest = try #require(Compiler.compile(loaded, options: .testing).output?.tree.files["manifest.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest)) as? [String: Any])
        var keys = Set(object.keys)
        for case let cohort as [String: Any] in (object["cohorts"] as? [String: Any])?.values.map({ $0 }) ?? [] {
            keys.formUnion(cohort.keys)
        }
        #expect(keys.contains("targetRequest"), "the fleet's latest-15 is recorded in the manifest")
        let spec = try String(contentsOf: Self.output, encoding: .utf8)
        // `cohorts` is documented as `cohorts.<name>`.
        let undocumented = keys.filter { !spec.contains("`\($0)`") && !spec.contains("`\($0).") }.sorted()
        #expect(undocumented.isEmpty, "manifest keys missing from specs/output.md: \(undocumented)")
    }
}
