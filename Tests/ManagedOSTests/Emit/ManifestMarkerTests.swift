import Foundation
import ManagedOS
import Testing

@testable import MOSCompiler

/// The marker scan reads only the top-level `generator` member, whatever surrounds it and however it is chunked.
@Suite struct ManifestMarkerTests {
    @Test(
        arguments: [
            ("{\"generator\":\"mosc\"}", "mosc"),
            ("{\n  \"cohorts\" : {\"a\" : {\"generator\" : \"other\"}},\n  \"generator\" : \"mosc\"\n}\n", "mosc"),
            ("{\"a\":[\"generator\",\"x\"],\"generator\":\"mosc\"}", "mosc"),
            ("{\"note\":\"\\\"generator\\\":\\\"x\\\"\",\"generator\":\"mosc\"}", "mosc"),
            ("{\"generator\":5,\"x\":\"mosc\"}", nil),
            ("{\"generator\":\"tool\"}", "tool"),
            ("{\"cohorts\":{\"generator\":\"mosc\"}}", nil),
            ("[\"generator\",\"mosc\"]", nil),
            ("\"generator\"", nil),
            ("", nil),
            ("{\"generator\":\"mosc", nil),
        ] as [(String, String?)])
    func findsTheTopLevelGenerator(_ text: String, _ expected: String?) throws {
        #expect(Self.scan(Array(text.utf8), chunk: 1 << 16) == expected)
        // The same answer when the bytes arrive one at a time.
        #expect(Self.scan(Array(text.utf8), chunk: 1) == expected)
    }

    @Test func readsAFileOnDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-marker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let padding = String(repeating: "x", count: 200_000)
        try Data("{\"cohorts\":{\"a\":\"\(padding)\"},\"generator\":\"mosc\"}".utf8).write(to: url)
        #expect(ManifestMarker.generator(atPath: url.path) == "mosc")
        #expect(ManifestMarker.generator(atPath: url.path + "-missing") == nil)
    }

    static func scan(_ bytes: [UInt8], chunk: Int) -> String? {
        var scanner = ManifestMarker()
        var start = 0
        while start < bytes.count && scanner.value == nil {
            let end = min(start + chunk, bytes.count)
            scanner.feed(bytes[start..<end])
            start = end
        }
        guard let value = scanner.value, !value.isEmpty else { return nil }
        return value
    }
}
