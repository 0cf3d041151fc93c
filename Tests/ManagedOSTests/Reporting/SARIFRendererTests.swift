import Foundation
import ManagedOS
import Testing

/// The SARIF log's structure: what SARIF 2.1.0 requires and what code-scanning services read.
@Suite struct SARIFRendererTests {
    static func log(_ diagnostics: [Diagnostic] = ReportingFixtures.diagnostics) throws -> [String: Any] {
        let text = SARIFRenderer().render(diagnostics)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    static let levels: Set<String> = ["error", "warning", "note"]

    @Test func topLevelAndDriver() throws {
        let log = try Self.log()
        #expect(log["$schema"] as? String == SARIFRenderer.schemaURI)
        #expect(log["version"] as? String == "2.1.0")
        let run = try Self.run(log)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "mosc")
        #expect(driver["version"] as? String == ManagedOSVersion.current)
        // Without a published base there is no link to give (see helpURIsUseTheGivenBase).
        #expect(driver["informationUri"] == nil)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func rulesComeFromTheCatalog() throws {
        let run = try Self.run(try Self.log())
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == DiagnosticCode.allCases.sorted().map(\.rawValue))
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let code = try #require(DiagnosticCode(rawValue: id))
            #expect(rule["name"] as? String == code.name)
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.contains(code.fix) == true)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == SARIFRenderer.level(code.defaultSeverity))
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.contains(code.fix) == true)
            // No base given: no link that would resolve against the scanned repository and lead nowhere.
            #expect(rule["helpUri"] == nil)
        }
    }

    @Test func helpURIsUseTheGivenBase() throws {
        let base = "https://git.example.com/it/mosc/blob/main/specs/diagnostics.md"
        let text = SARIFRenderer(documentationURI: base).render(ReportingFixtures.diagnostics)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try Self.run(log)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == base)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.first?["helpUri"] as? String == base + "#mos101")
    }

    @Test func resultsMatchTheirRules() throws {
        let run = try Self.run(try Self.log())
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == ReportingFixtures.diagnostics.count)
        for (result, diagnostic) in zip(results, ReportingFixtures.diagnostics) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(result["ruleId"] as? String == diagnostic.code.rawValue)
            #expect(result["level"] as? String == SARIFRenderer.level(diagnostic.severity))
            #expect(Self.levels.contains(result["level"] as? String ?? ""))
            let text = (result["message"] as? [String: Any])?["text"] as? String
            #expect(text?.hasPrefix(diagnostic.message) == true)
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == (diagnostic.location == nil ? 0 : 1))
            for location in locations + (result["relatedLocations"] as? [[String: Any]] ?? []) {
                guard let physical = location["physicalLocation"] as? [String: Any] else { continue }
                #expect((physical["artifactLocation"] as? [String: Any])?["uri"] is String)
                if let region = physical["region"] as? [String: Any] {
                    #expect((region["startLine"] as? Int ?? 0) >= 1)
                }
            }
            #expect((result["relatedLocations"] as? [Any])?.count ?? 0 == diagnostic.notes.count)
        }
    }

    @Test func regionIsOmittedWithoutALine() throws {
        let run = try Self.run(
            try Self.log([
                Diagnostic(.symlinkOutsideRepository, "s", at: SourceLocation(file: "repo/link.yaml")),
                Diagnostic(.unusedCohort, "w", at: SourceLocation(file: "repo/c.yaml", line: 3)),
            ]))
        let results = try #require(run["results"] as? [[String: Any]])
        let physical = results.map {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
        }
        #expect(physical[0]["region"] == nil)
        let region = physical[1]["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 3)
        #expect(region?["startColumn"] == nil)
    }

    @Test(arguments: [
        ("repo/policies/mac.yaml", "repo/policies/mac.yaml"), ("repo/odd,name:v1.yaml", "repo/odd%2Cname%3Av1.yaml"),
        ("/tmp/a b.yaml", "file:///tmp/a%20b.yaml"), ("café.yaml", "caf%C3%A9.yaml"),
    ])
    func artifactURIs(_ path: String, _ uri: String) {
        #expect(SARIFRenderer.uri(forPath: path) == uri)
    }
}
