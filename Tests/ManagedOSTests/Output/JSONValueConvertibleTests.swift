import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSCompiler

/// Every hand-written `jsonValue` gives exactly what `Codable` gives: the same tree as `JSONValueEncoder` made
/// through `Codable` alone, and the same bytes as `JSONEncoder`, over the fleet's real values and variants with
/// every optional both nil and set.
@Suite struct JSONValueConvertibleTests {
    typealias Convertible = any Encodable & JSONValueConvertible

    /// The emitted types, each with its sample values.
    enum Sample: String, CaseIterable, Sendable {
        case declarations, declarationItems, tokens, legacyPlans, manifest, builtins
    }

    static func expectSame(_ value: some Encodable & JSONValueConvertible, _ label: String) throws {
        #expect(value.jsonValue == (try JSONValueEncoder.encodeWithCodable(value)), "\(label)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(CanonicalJSON.bytes(value) == Array(try encoder.encode(value)) + [UInt8(ascii: "\n")], "\(label)")
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(CanonicalJSON.compactBytes(value) == Array(try encoder.encode(value)), "\(label)")
    }

    @Test(arguments: Sample.allCases) func matchesCodable(_ sample: Sample) throws {
        let values = try Self.values(sample)
        #expect(values.count > 3)
        for (index, value) in values.enumerated() {
            try Self.expectSame(value, "\(sample) #\(index)")
        }
    }

    /// The conformance must be found through the generic paths too (nested in a plain `Encodable`, top level).
    @Test func encoderUsesConversionsWhereverTheyAppear() throws {
        struct Wrapper: Encodable {
            var omission = LegacyPlan.Omission(item: "i", reason: "r")
            var list = [LegacyUntil(query: "q", atLeast: "1")]
            var missing: LegacyUntil? = nil
        }
        #expect(try JSONValueEncoder.encode(Wrapper()) == (try JSONValueEncoder.encodeWithCodable(Wrapper())))
        try CanonicalJSONWriterTests.expectSame(Wrapper())
    }

    // MARK: Sample values

    static func fleet() throws -> (output: CompiledOutput, plan: PlanIR) {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let options = CompilerOptions(now: .testingNow)
        let output = try #require(Compiler.compile(loaded, options: options).output)
        var planning = DiagnosticBag()
        let plan = try #require(
            lowerRepository(Compiler.validate(loaded, options: options).context, diagnostics: &planning))
        return (output, plan)
    }

    static func values(_ sample: Sample) throws -> [Convertible] {
        switch sample {
        case .declarations: return try declarations().flatMap(\.value)
        case .declarationItems: return try declarationItems()
        case .tokens:
            let tokens = TokensDocument(syncTokens: .init(declarationsToken: "abc", timestamp: "2026-01-01T00:00:00Z"))
            let odd = TokensDocument(syncTokens: .init(declarationsToken: "", timestamp: "a/\"b\"\n\\"))
            return [tokens, odd, tokens.syncTokens, odd.syncTokens]
        case .legacyPlans: return try legacyPlans()
        case .manifest: return try manifests()
        case .builtins:
            return [
                JSONValue.null, "text", 7, true, [1, 2], [String](), ["k": JSONValue.array([])], String?.none,
                Int?.some(3), [String?.none, "x"],
            ]
        }
    }

    /// The fleet's declarations by cohort folder, read back from the files it wrote.
    static func declarations() throws -> [String: [Declaration]] {
        let output = try fleet().output
        var byFolder: [String: [Declaration]] = [:]
        for path in output.tree.paths where path.contains("/ddm/declarations/") {
            let bytes = try #require(output.tree.files[path])
            let declaration = try JSONDecoder().decode(Declaration.self, from: Data(bytes))
            let folder = String(path[..<(path.range(of: "/ddm/")?.lowerBound ?? path.endIndex)])
            byFolder[folder, default: []].append(declaration)
        }
        #expect(byFolder.values.contains { $0.count >= 3 })
        return byFolder
    }

    static func declarationItems() throws -> [Convertible] {
        var values: [Convertible] = []
        for declarations in try declarations().values {
            let activations = declarations.filter { $0.type == Declaration.Kind.activation.type }
            let items = DeclarationItems(
                activations: activations.map(DeclarationItems.Item.init),
                configurations: declarations.filter { $0.type != Declaration.Kind.activation.type }
                    .map(DeclarationItems.Item.init))
            var document = items.document(token: items.declarationsToken)
            values += [document, document.declarations] + items.activations.map { $0 as Convertible }
            document.declarations.assets = items.configurations
            document.declarations.management = items.activations
            values.append(document)
        }
        let empty = DeclarationItems(activations: [], configurations: [])
        return values + [empty.document(token: ""), empty.document(token: "").declarations]
    }

    static func legacyPlans() throws -> [Convertible] {
        let plan = try fleet().plan
        let builder = LegacyPlanBuilder(gates: .bundled)
        var plans: [LegacyPlan] = []
        for cohort in plan.cohorts where cohort.cohort.paths.hasLegacy {
            if case .success(let build) = builder.build(cohort) { plans.append(build.plan) }
        }
        #expect(!plans.isEmpty)
        let steps = plans.flatMap(\.steps)
        let full = try #require(steps.first { $0.until != nil && $0.onFailure != nil && $0.maxChecks != nil })
        let withKey = steps.flatMap(\.commands).first { $0.productKey != nil }
        var values: [Convertible] = []
        for original in plans {
            var bare = original
            bare.target.build = bare.target.build == nil ? "23A344" : nil
            bare.steps = original.steps.map { step in
                var step = step
                (step.utc, step.local, step.utcOffset, step.repeatEvery) = (nil, nil, nil, nil)
                (step.maxChecks, step.until, step.onFailure) = (nil, nil, nil)
                step.commands = step.commands.map { command in
                    var command = command
                    command.productKey = nil
                    return command
                }
                return step
            }
            bare.omitted = []
            var filled = original
            filled.steps = original.steps.map { step in
                var step = step
                step.utc = step.utc ?? "2026-01-01T00:00:00Z"
                step.local = step.local ?? "2026-01-01T00:00:00"
                step.utcOffset = step.utcOffset ?? "+00:00"
                step.repeatEvery = step.repeatEvery ?? "6h"
                (step.maxChecks, step.until, step.onFailure) = (full.maxChecks, full.until, full.onFailure)
                step.commands = step.commands.map { command in
                    var command = command
                    command.productKey =
                        command.productKey ?? withKey?.productKey
                        ?? LegacyProductKeySource(from: "AvailableOSUpdates", match: [:], placeholder: "P")
                    return command
                }
                return step
            }
            values += [original, bare, filled, original.devices, original.target, bare.target, original.deadline]
            values += original.omitted.map { $0 as Convertible }
            values += (original.steps + bare.steps + filled.steps).map { $0 as Convertible }
            values += filled.steps.flatMap(\.commands).map { $0 as Convertible }
        }
        if let until = full.until { values.append(until) }
        if let onFailure = full.onFailure { values.append(onFailure) }
        return values
    }

    static func manifests() throws -> [Convertible] {
        let manifest = try fleet().output.manifest
        var values: [Convertible] = [manifest]
        var emptied = manifest
        emptied.cohorts = [:]
        values.append(emptied)
        for cohort in manifest.cohorts.values {
            var bare = cohort
            (bare.targetBuild, bare.timeZone, bare.legacyPlan, bare.declarationsToken) = (nil, nil, nil, nil)
            (bare.routing.ddm, bare.routing.legacy) = (nil, nil)
            bare.artifacts = []
            bare.paths = []
            var filled = cohort
            filled.targetBuild = cohort.targetBuild ?? "23A344"
            filled.timeZone = cohort.timeZone ?? "Europe/Paris"
            filled.legacyPlan = (cohort.legacyPlan ?? []) + [.init(step: "publish", utc: nil)]
            filled.declarationsToken = cohort.declarationsToken ?? "token"
            filled.routing.ddm = cohort.routing.ddm ?? ">=14.0"
            filled.routing.legacy = cohort.routing.legacy ?? "<14.0"
            values += [cohort, bare, filled, cohort.routing, bare.routing, filled.routing]
            values += (cohort.artifacts.prefix(3)).map { $0 as Convertible }
            values += (filled.legacyPlan ?? []).map { $0 as Convertible }
        }
        return values
    }
}
