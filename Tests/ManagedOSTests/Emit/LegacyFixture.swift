import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Small policy repositories for the legacy plan tests, and readers for what a compile emits.
enum LegacyFixture {
    /// A one-cohort, one-policy repository.
    static func repository(
        platform: String = "macOS", osVersions: String?, target: String, deadline: String,
        timeZone: String = "America/New_York", legacy: [String] = []
    ) -> String {
        let range = osVersions.map { "osVersions: \"\($0)\"\n" } ?? ""
        let options = legacy.map { "  \($0)\n" }.joined()
        return """
            apiVersion: mosc/v1
            kind: Cohort
            name: devices
            platform: \(platform)
            \(range)---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: update
            platform: \(platform)
            target:
              version: "\(target)"
            deadline: "\(deadline)"
            legacy:
              timeZone: \(timeZone)
            \(options)cohorts:
              - devices

            """
    }

    /// Validates, lowers and emits `yaml` as `Compiler.compile` does.
    static func compile(_ yaml: String) -> CompileResult {
        Compiler.compile(root: "repo", files: [SourceFile(path: "repo/repo.yaml", text: yaml)], options: .testing)
    }

    /// Parses, lowers and emits `yaml` without validating it, so the emitter's own gates show even where
    /// validation would reject the options; nil when the repository does not lower.
    static func emitUnchecked(_ yaml: String) -> (output: CompiledOutput, diagnostics: [Diagnostic])? {
        var bag = DiagnosticBag()
        let files = [SourceFile(path: "repo/repo.yaml", text: yaml)]
        let repository = parseRepository(root: "repo", files: files, limits: .defaults, diagnostics: &bag)
        guard
            let plan = lowerRepository(ValidationContext(repository: repository, options: .testing), diagnostics: &bag)
        else {
            return nil
        }
        return emit(plan, diagnostics: &bag)
    }

    /// Plans and emits a lowered plan.
    static func emit(_ plan: PlanIR, diagnostics bag: inout DiagnosticBag) -> (CompiledOutput, [Diagnostic]) {
        let provenance = CompileProvenance(now: .testingNow, sourceDigest: "test", catalogDate: "test")
        let output = planAndEmit(plan, provenance: provenance, gates: .bundled, diagnostics: &bag)
        return (output, bag.sorted)
    }

    /// The plan.json of `cohort`, decoded.
    static func plan(_ output: CompiledOutput, cohort: String = "devices") throws -> PlanView {
        let bytes = try #require(output.tree.files["cohorts/\(cohort)/legacy/plan.json"])
        return try JSONDecoder().decode(PlanView.self, from: Data(bytes))
    }

    /// The `Command` dictionary of a command file of `cohort`'s plan.
    static func command(_ output: CompiledOutput, _ file: String, cohort: String = "devices") throws -> [String: Any] {
        let document = try commandDocument(output, "cohorts/\(cohort)/legacy/\(file)")
        return try #require(document["Command"] as? [String: Any])
    }

    /// A whole command document.
    static func commandDocument(_ output: CompiledOutput, _ path: String) throws -> [String: Any] {
        let bytes = try #require(output.tree.files[path])
        let value = try PropertyListSerialization.propertyList(from: Data(bytes), format: nil)
        return try #require(value as? [String: Any])
    }

    /// The single `Updates` item of a ScheduleOSUpdate command.
    static func update(_ command: [String: Any]) throws -> [String: Any] {
        let updates = try #require(command["Updates"] as? [[String: Any]])
        try #require(updates.count == 1)
        return updates[0]
    }

    /// Writes `output` to a new temporary folder and returns its path.
    static func write(_ output: CompiledOutput) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("mosc-legacy-\(UUID().uuidString)").appendingPathComponent("out")
        try OutputWriter().write(output.tree, to: folder.path)
        return folder
    }
}

/// plan.json as the tests read it (mosc writes it from internal types; this mirrors the documented format).
struct PlanView: Decodable {
    struct Deadline: Decodable {
        var local: String
        var timeZone: String
        var utc: String
        var utcOffset: String
        var resolution: String
    }

    struct Command: Decodable {
        struct ProductKey: Decodable {
            var from: String
            var match: [String: String]
            var placeholder: String
        }

        var file: String
        var requestType: String
        var commandUUID: String
        var productKey: ProductKey?
    }

    struct Step: Decodable {
        var name: String
        var when: String
        var utc: String?
        var local: String?
        var utcOffset: String?
        var commands: [Command]
        var repeatEvery: String?
        var maxChecks: Int?
    }

    struct Omission: Decodable {
        var item: String
        var reason: String
    }

    var formatVersion: Int
    var deadline: Deadline
    var steps: [Step]
    var omitted: [Omission]
    var notes: [String]

    /// The step called `name`.
    func step(_ name: String) -> Step? { steps.first { $0.name == name } }
}
