import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Rings count from 1 in every output (manifest format 2, diff JSON format 2, text, timeline); a format-1
/// manifest, which counted from 0, reads as the same rings.
@Suite struct ManifestRingTests {
    static func fleet() throws -> CompiledOutput {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        return try #require(Compiler.compile(loaded, options: .testing).output)
    }

    @Test func theManifestCountsRingsFromOne() throws {
        let manifest = try Self.fleet().manifest
        #expect(manifest.formatVersion == 2)
        // ios-26 lists iphone-it first, then iphone-field and iphone-corp.
        #expect(manifest.cohorts["iphone-it"]?.ring == 1)
        #expect(manifest.cohorts["iphone-field"]?.ring == 2)
        #expect(manifest.cohorts["iphone-corp"]?.ring == 3)
    }

    @Test func aFormat1ManifestReadsAsTheSameRings() throws {
        let output = try Self.fleet()
        var text = String(decoding: try #require(output.tree.files["manifest.json"]), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 1")
        for ring in 1...9 {
            text = text.replacingOccurrences(of: "\"ring\" : \(ring),", with: "\"ring\" : \(ring - 1),")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-ring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let read = try OutputReader(folder: folder.path).manifest()
        #expect(read.cohorts.mapValues(\.ring) == output.manifest.cohorts.mapValues(\.ring))
    }
}
