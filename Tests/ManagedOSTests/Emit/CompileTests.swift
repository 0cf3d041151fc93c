import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `compile` over the examples: golden output, determinism, and exactly what one change touches.
@Suite struct CompileTests {
    static let options = CompilerOptions(now: .testingNow)

    static func fleet() throws -> RepositoryLoader.Loaded {
        try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
    }

    static func compile(_ loaded: RepositoryLoader.Loaded) throws -> CompiledOutput {
        let result = Compiler.compile(loaded, options: options)
        // The bundled catalog (2026-08-22) is 95 days old at the examples' --now: MOS281 is the one expected warning.
        let problems = result.diagnostics.filter { $0.severity != .note && $0.code != .catalogStale }
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        return try #require(result.output)
    }

    @Test func fleetMatchesGolden() throws {
        let output = try Self.compile(try Self.fleet())
        expectGoldenTree(
            output.tree,
            matches: RepositoryPaths.root.appendingPathComponent("Tests/ManagedOSTests/Golden/Fixtures/compile-fleet"))
    }

    @Test func compileIsDeterministic() throws {
        let first = try Self.compile(try Self.fleet())
        let second = try Self.compile(try Self.fleet())
        #expect(first.tree == second.tree)
    }

    @Test func everyDDMCohortGetsItsArtifacts() throws {
        let output = try Self.compile(try Self.fleet())
        for (name, cohort) in output.manifest.cohorts where cohort.paths.contains("ddm") {
            let folder = "cohorts/\(name)/ddm/"
            for file in ["declaration-items.json", "tokens.json", "declarative-management.plist", "set.txt"] {
                #expect(output.tree.files[folder + file] != nil, "\(folder)\(file)")
            }
            let declarations = output.tree.paths.filter { $0.hasPrefix(folder + "declarations/") }
            #expect(declarations.count >= 2)
        }
        for (name, cohort) in output.manifest.cohorts where !cohort.paths.contains("ddm") {
            #expect(!output.tree.paths.contains { $0.hasPrefix("cohorts/\(name)/ddm/") })
        }
    }

    @Test func oneDeadlineChangeTouchesOnlyItsCohort() throws {
        var loaded = try Self.fleet()
        let before = try Self.compile(loaded)
        // Move mac-eng's override deadline (a ring of policy macos-26) by one day.
        let index = try #require(loaded.files.firstIndex { $0.path.hasSuffix("policies/macos-26.yaml") })
        let text = String(decoding: loaded.files[index].contents, as: UTF8.self)
        let cohort = "mac-eng"
        let old = try #require(Self.overrideDeadline(of: cohort, in: text))
        let new = old.replacingOccurrences(of: "T", with: "T").replacingOccurrences(
            of: String(old.prefix(10)), with: Self.nextDay(String(old.prefix(10))))
        loaded.files[index] = SourceFile(
            path: loaded.files[index].path, text: text.replacingOccurrences(of: "\"\(old)\"", with: "\"\(new)\""))
        let after = try Self.compile(loaded)
        let changed = Set(before.tree.paths + after.tree.paths).filter { before.tree.files[$0] != after.tree.files[$0] }
        let prefix = "cohorts/\(cohort)/ddm/"
        let enforcement = changed.filter { $0.hasPrefix(prefix + "declarations/") }
        #expect(enforcement.count == 1 && enforcement.first?.hasSuffix(".enforcement.json") == true)
        let expected: Set<String> = [
            prefix + "declaration-items.json", prefix + "tokens.json", prefix + "declarative-management.plist",
            "manifest.json",
        ]
        let legacy = changed.filter { $0.hasPrefix("cohorts/\(cohort)/legacy/") }
        #expect(changed.subtracting(enforcement).subtracting(legacy) == expected)
        #expect(before.manifest.cohorts[cohort]?.declarationsToken != after.manifest.cohorts[cohort]?.declarationsToken)
    }

    /// The override deadline text of `cohort` in a policy file (`- cohort: NAME` then `deadline: "..."`).
    static func overrideDeadline(of cohort: String, in text: String) -> String? {
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("cohort: \(cohort)") }) else { return nil }
        for line in lines[(start + 1)...].prefix(3) where line.contains("deadline:") {
            return line.split(separator: "\"").dropFirst().first.map(String.init)
        }
        return nil
    }

    static func nextDay(_ date: String) -> String {
        guard let value = LocalDateTime.parse(date + "T00:00").value else { return date }
        return value.adding(days: 1).date.description
    }
}
