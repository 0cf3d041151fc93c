import Foundation
import ManagedOSTestSupport
import Testing

/// `examples/tracks` end to end through the built binary: one policy, one enforcement per macOS major.
@Suite struct TracksExampleTests {
    @Test func compilesOneEnforcementPerMajorAndDrawsEachTrack() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-tracks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let now = "2026-11-25T12:00:00Z"
        let compile = try CLITests.run(["compile", "examples/tracks", "--out", out.path, "--now", now])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(!compile.stderr.contains("error:"), "\(compile.stderr)")
        let declarations = out.appendingPathComponent("cohorts/mac-studio/ddm/declarations")
        let names = try FileManager.default.contentsOfDirectory(atPath: declarations.path).sorted()
        #expect(
            names == [14, 15, 26].flatMap { major in
                ["activation-\(major)", "enforcement-\(major)"].map { "mosc.macos-majors.mac-studio.\($0).json" }
            }.sorted() + ["mosc.macos-majors.mac-studio.settings.json"])
        // The Ventura Macs take the legacy path, on the Ventura track.
        let plan = try String(
            contentsOf: out.appendingPathComponent("cohorts/mac-studio/legacy/plan.json"), encoding: .utf8)
        #expect(plan.contains("13.7.8"))
        let timeline = try CLITests.run(["timeline", out.path, "--now", now])
        #expect(timeline.status == 0, "\(timeline.stderr)")
        for label in ["mac-lab (macOS 15)", "mac-lab (macOS 26)", "mac-studio (macOS 13)", "mac-studio (macOS 14)"] {
            #expect(timeline.stdout.contains("\(label) deadline"), "\(label)")
        }
    }
}
