import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSCompiler

/// Every emitted type is written from its `jsonValue` and read back by its synthesized `Decodable`: writing a
/// value and decoding the bytes gives the value again, and writing that gives the same bytes. Over the fleet's
/// real values and variants with every optional both nil and set, so a property missing from `jsonValue` (or
/// written under another key than `Decodable` reads) fails here.
@Suite struct OutputRoundTripTests {
    typealias Convertible = any Decodable & Hashable & JSONValueConvertible

    /// The emitted types that are read back, each with its sample values.
    enum Sample: String, CaseIterable, Sendable {
        case declarations, legacyPlans, manifest
    }

    static func expectRoundTrip<T: Decodable & Hashable & JSONValueConvertible>(_ value: T, _ label: String) throws {
        let bytes = CanonicalJSON.bytes(value.jsonValue)
        let decoded = try JSONDecoder().decode(T.self, from: Data(bytes))
        #expect(decoded == value, "\(label)")
        #expect(CanonicalJSON.bytes(decoded.jsonValue) == bytes, "\(label)")
    }

    @Test(arguments: Sample.allCases) func decodesWhatItWrites(_ sample: Sample) throws {
        let values = try Self.values(sample)
        #expect(values.count > 3)
        for (index, value) in values.enumerated() {
            try Self.expectRoundTrip(value, "\(sample) #\(index)")
        }
    }

    /// Every manifest, plan and declaration file of the fleet's compile decodes to a value that writes the same
    /// bytes.
    @Test func rewritesTheFleetsFilesByteForByte() throws {
        let output = try Self.fleet().output
        var counts: [String: Int] = [:]
        for path in output.tree.paths {
            let bytes = try #require(output.tree.files[path])
            let rewritten: [UInt8]
            if path == "manifest.json" {
                rewritten = CanonicalJSON.bytes(
                    try JSONDecoder().decode(OutputManifest.self, from: Data(bytes)).jsonValue)
            } else if path.hasSuffix("/legacy/plan.json") {
                rewritten = CanonicalJSON.bytes(try JSONDecoder().decode(LegacyPlan.self, from: Data(bytes)).jsonValue)
            } else if path.contains("/ddm/declarations/") {
                rewritten = CanonicalJSON.bytes(try JSONDecoder().decode(Declaration.self, from: Data(bytes)).jsonValue)
            } else {
                continue
            }
            counts[String(path.split(separator: "/").last ?? ""), default: 0] += 1
            #expect(rewritten == bytes, "\(path)")
        }
        #expect(counts["manifest.json"] == 1)
        #expect((counts["plan.json"] ?? 0) >= 2)
        #expect(counts.count > 3)
    }

    /// The two DDM documents nothing reads back, against Apple's key names written out.
    @Test func writesTheDDMDocumentsWithApplesKeys() throws {
        let tokens = TokensDocument(syncTokens: .init(declarationsToken: "abc", timestamp: "2026-01-01T00:00:00Z"))
        #expect(
            String(decoding: CanonicalJSON.compactBytes(tokens.jsonValue), as: UTF8.self)
                == #"{"SyncTokens":{"DeclarationsToken":"abc","Timestamp":"2026-01-01T00:00:00Z"}}"#)
        let declaration = Declaration(type: "t", identifier: "a.b", payload: [:])
        let items = DeclarationItems(activations: [.init(declaration)], configurations: [])
        let expected =
            #"{"Declarations":{"Activations":[{"Identifier":"a.b","ServerToken":"\#(declaration.serverToken)"}],"#
            + #""Assets":[],"Configurations":[],"Management":[]},"DeclarationsToken":"tok"}"#
        #expect(
            String(decoding: CanonicalJSON.compactBytes(items.document(token: "tok").jsonValue), as: UTF8.self)
                == expected)
    }

    /// `JSONValueEncoder` (for reports that are only `Encodable`) takes a `JSONValue` member's own tree.
    @Test func encoderTakesJSONValuesWhereverTheyAppear() throws {
        struct Wrapper: Encodable {
            var payload: [String: JSONValue] = ["k": .array([.string("v"), .null]), "n": .integer(1)]
            var list: [JSONValue] = [.bool(true), .object([:])]
            var missing: JSONValue? = nil
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
        case .legacyPlans: return try legacyPlans()
        case .manifest: return try manifests()
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
            bare.targetRequest = nil
            (bare.routing.ddm, bare.routing.legacy) = (nil, nil)
            bare.artifacts = []
            bare.paths = []
            var filled = cohort
            filled.targetBuild = cohort.targetBuild ?? "23A344"
            filled.targetRequest = cohort.targetRequest ?? "latest-15"
            filled.timeZone = cohort.timeZone ?? "Europe/Paris"
            filled.legacyPlan = (cohort.legacyPlan ?? []) + [.init(step: "publish", utc: nil)]
            filled.declarationsToken = cohort.declarationsToken ?? "token"
            filled.routing.ddm = cohort.routing.ddm ?? ">=14.0"
            filled.routing.legacy = cohort.routing.legacy ?? "<14.0"
            filled.deadlineMovedFrom = cohort.deadlineMovedFrom ?? "2026-12-19T18:00:00"
            filled.deadlineMovedBy = cohort.deadlineMovedBy ?? "skipDays"
            filled.blackouts = [.init(reason: "Holiday change freeze", from: "2026-12-21", to: "2027-01-01")]
            filled.artifacts = cohort.artifacts.map { artifact in
                var windowed = artifact
                windowed.belowOS = "15.0"
                return windowed
            }
            values += [cohort, bare, filled, cohort.routing, bare.routing, filled.routing]
            values += (cohort.artifacts.prefix(3)).map { $0 as Convertible }
            values += (filled.legacyPlan ?? []).map { $0 as Convertible }
            values += (filled.blackouts ?? []).map { $0 as Convertible }
            values += filled.artifacts.map { $0 as Convertible }
        }
        return values
    }
}
