import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSCompiler

/// Declaration identifiers: `<prefix>.<policy>.<cohort>.<kind>`, within Apple's 64 octets, unique.
@Suite struct IdentifierTests {
    static let longName = String(repeating: "a", count: 60) + "-bc"

    static func repository(cohorts: [String]) -> String {
        var text = """
            apiVersion: mosc/v1
            kind: Settings
            identifierPrefix: com.example.very-long-prefix.mdm

            """
        for name in cohorts {
            text += """
                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: \(name)
                platform: macOS
                osVersions: ">=14.0"

                """
        }
        text += """
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: \(longName)
            platform: macOS
            target: {version: "15.7.8"}
            deadline: "2027-01-12T18:00"
            cohorts: [\(cohorts.joined(separator: ", "))]
            """
        return text
    }

    @Test func shortIdentifiersAreKeptAsWritten() {
        let (id, shortened) = Declaration.identifier(
            prefix: "com.example", policy: "p", cohort: "c", kind: .enforcement)
        #expect(id == "com.example.p.c.enforcement")
        #expect(!shortened)
    }

    @Test func longIdentifiersAreShortenedUniquelyWithANote() throws {
        let names = [Self.longName, String(Self.longName.dropLast(1)) + "d"]
        let files = [SourceFile(path: "repo/a.yaml", text: Self.repository(cohorts: names))]
        let result = Compiler.compile(root: "repo", files: files, options: .testing)
        let output = try #require(result.output)
        #expect(result.diagnostics.contains { $0.code == .identifierShortened && $0.severity == .note })
        let identifiers = output.tree.paths.filter { $0.contains("/declarations/") }.map {
            String($0.split(separator: "/").last?.dropLast(5) ?? "")
        }
        #expect(identifiers.count == 4)
        #expect(Set(identifiers).count == identifiers.count)
        #expect(identifiers.allSatisfy { $0.utf8.count <= 64 })
        #expect(identifiers.allSatisfy { $0.hasPrefix("com.example.very-long-prefix.mdm.") })
    }

    /// The text rendering of a compile with a cohort name long enough to need shortening (documentation example).
    static func shortenedIdentifierText() -> String {
        let name = String(repeating: "a", count: 42)
        let text = """
            apiVersion: mosc/v1
            kind: Cohort
            name: \(name)
            platform: macOS
            osVersions: ">=14.0"
            ---
            apiVersion: mosc/v1
            kind: Settings
            identifierPrefix: com.example.mdm
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: macos-26
            platform: macOS
            target: {version: "26.6.2"}
            deadline: "2027-01-12T18:00"
            cohorts: [\(name)]
            """
        let files = [SourceFile(path: "repo/cohorts.yaml", text: text)]
        return TextRenderer().render(Compiler.compile(root: "repo", files: files, options: .testing).diagnostics)
    }

    /// The text rendering of emitting a cohort whose name would leave the output (documentation example).
    static func unsafePathText() throws -> String {
        TextRenderer().render(try unsafeEmit().diagnostics)
    }

    static func unsafeEmit() throws -> (output: CompiledOutput, diagnostics: [Diagnostic]) {
        var cohort = CohortSyntax(location: SourceMark(fileID: 1, line: 1, column: 1))
        cohort.name = Located("../../etc", at: cohort.location)
        cohort.platform = Located(.macOS, at: cohort.location)
        cohort.osVersions = Located(">=14.0", at: cohort.location)
        let model = try #require(CohortModel(cohort, gates: .bundled))
        let plan = PlanIR(
            identifierPrefix: "mosc",
            cohorts: [
                CohortPlanIR(
                    cohort: model, policy: "p", ring: 0, targetVersion: "15.2", targetBuild: nil,
                    deadline: try #require(LocalDateTime.parse("2027-01-12T18:00").value), detailsURL: nil,
                    settings: nil, legacy: nil)
            ])
        var bag = DiagnosticBag(sources: SourceTable(["x.yaml"]))
        let output = planAndEmit(
            plan, provenance: CompileProvenance(now: .testingNow, sourceDigest: "", catalogDate: ""), gates: .bundled,
            diagnostics: &bag)
        return (output, bag.sorted)
    }

    @Test func pathsThatWouldLeaveTheOutputAreRefused() throws {
        // Validation makes such names impossible; the emitter still refuses them (defence in depth).
        let (output, diagnostics) = try Self.unsafeEmit()
        #expect(diagnostics.contains { $0.code == .unsafeOutputPath })
        #expect(output.tree.paths.allSatisfy(OutputTree.isSafe))
    }
}
