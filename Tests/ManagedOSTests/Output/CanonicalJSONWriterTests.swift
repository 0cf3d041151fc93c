import Foundation
import ManagedOSTestSupport
import Testing

@testable import ManagedOS

/// mosc's own JSON writer (Benchmarks/RESULTS.md) must write exactly what `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, and the compact form what it writes without
/// `.prettyPrinted`.
@Suite struct CanonicalJSONWriterTests {
    static func foundation(_ value: some Encodable, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + (pretty ? [UInt8(ascii: "\n")] : [])
    }

    static func expectSame(_ value: some Encodable, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let pretty = try foundation(value, pretty: true)
        let compact = try foundation(value, pretty: false)
        #expect(
            CanonicalJSON.bytes(value) == pretty, "\(String(decoding: CanonicalJSON.bytes(value), as: UTF8.self))",
            sourceLocation: sourceLocation)
        #expect(CanonicalJSON.compactBytes(value) == compact, sourceLocation: sourceLocation)
    }

    static let strings: [String] =
        (0..<128).map { String(UnicodeScalar(UInt8($0))) } + [
            "", "plain", "a/b", "q\"uote", "back\\slash", "é", "日本", "🙂", "\u{2028}\u{2029}", "\u{FEFF}", "e\u{301}",
        ]

    static let values: [JSONValue] = [
        .object([:]), .array([]), .null, .bool(true), .bool(false), .integer(0), .integer(-42), .integer(Int.max),
        .integer(Int.min), .string("x"),
        .object(["b": .array([]), "a": .object([:]), "c": .array([.object([:]), .object(["x": .array([])])])]),
        .object(
            Dictionary(
                uniqueKeysWithValues: [
                    "b", "B", "a10", "a9", "A", "a", "_x", "Z", "z", "é", "e", "1", "10", "9", "-", "a-b", "aa",
                ].enumerated().map { ($1, JSONValue.integer($0)) })),
        .array([.array([.array([.integer(1), .null])]), .object(["k": .array([.string("v")])])]),
    ]

    @Test(arguments: strings) func escapesLikeFoundation(_ text: String) throws {
        try Self.expectSame(["key \(text)": JSONValue.string(text)])
        try Self.expectSame([text])
    }

    @Test(arguments: values) func writesLikeFoundation(_ value: JSONValue) throws {
        try Self.expectSame(value)
        try Self.expectSame(["wrapped": value])
    }

    struct Mixed: Encodable {
        var name = "n"
        var optional: String? = nil
        var present: Int? = 3
        var flags = [true, false]
        var nested = ["z": [1, 2], "a": []]
        var unsigned: UInt8 = 7
        var list: [String?] = ["a", nil]
    }

    @Test func writesCodableStructsLikeFoundation() throws {
        try Self.expectSame(Mixed())
    }

    struct WithDouble: Encodable { var value = 1.5 }

    @Test func leavesFloatingPointToFoundation() throws {
        #expect(throws: JSONValueEncoder.Unsupported.self) { try JSONValueEncoder.encode(WithDouble()) }
        try Self.expectSame(WithDouble())
    }

    /// Every JSON file of the fleet's compile, and its manifest, through both writers.
    @Test func writesTheFleetLikeFoundation() throws {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let result = Compiler.compile(loaded, options: CompilerOptions(now: .testingNow))
        let output = try #require(result.output)
        try Self.expectSame(output.manifest.jsonValue)
        for path in output.tree.paths where path.hasSuffix(".json") {
            let bytes = try #require(output.tree.files[path])
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
            try Self.expectSame(value)
            #expect(CanonicalJSON.bytes(value) == bytes, "\(path)")
        }
    }
}
