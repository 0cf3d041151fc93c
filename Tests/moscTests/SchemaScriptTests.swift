import Foundation
import ManagedOSTestSupport
import Testing

/// `scripts/check-json-schema.py` reads YAML the way mosc does: for each input, the schema check and
/// `mosc validate` agree on whether it is acceptable.
@Suite struct SchemaScriptTests {
    static let cohort = """
        apiVersion: mosc/v1
        kind: Cohort
        name: old-macs
        platform: macOS
        osVersions: ">=13.0 <14"
        ---

        """

    static func policy(_ lines: String) -> String {
        cohort + """
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: p
            platform: macOS
            target: {version: "13.7.8"}
            cohorts: [old-macs]
            \(lines)

            """
    }

    /// Inputs and whether both tools accept them.
    static let cases: [(name: String, yaml: String, accepted: Bool)] = [
        (
            "a plain = (PyYAML's YAML 1.1 value tag)",
            policy("description: =\ndeadline: \"2026-12-15T17:00\"\nlegacy: {timeZone: Europe/Berlin}"), true
        ),
        (
            "an unquoted time (YAML 1.1's base-60 number)",
            policy("deadline: {afterRelease: 14d, time: 17:00}\nlegacy: {timeZone: Europe/Berlin}"), false
        ),
        (
            "a quoted time",
            policy("deadline: {afterRelease: 200d, time: \"17:00\"}\nlegacy: {timeZone: Europe/Berlin}"), true
        ),
        (
            "zero lead time",
            policy("deadline: \"2026-12-15T17:00\"\nlegacy: {timeZone: Europe/Berlin, downloadLeadTime: 0m}"),
            true
        ),
        (
            "afterRelease 0d",
            policy("deadline: {afterRelease: 0d, time: \"17:00\"}\nlegacy: {timeZone: Europe/Berlin}"),
            true
        ),
        (
            "afterRelease in hours",
            policy("deadline: {afterRelease: 1d12h, time: \"17:00\"}\nlegacy: {timeZone: Europe/Berlin}"), false
        ),
        (
            "a zero part in a duration",
            policy("deadline: \"2026-12-15T17:00\"\nlegacy: {timeZone: Europe/Berlin, downloadLeadTime: 1d0h}"), false
        ),
        (
            "a tag on a key",
            policy("deadline: \"2026-12-15T17:00\"\nlegacy: {!!str timeZone: Europe/Berlin, !x priority: High}"), false
        ),
    ]

    static func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = RepositoryPaths.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: cases.indices)
    func theSchemaCheckAgreesWithMosc(_ index: Int) throws {
        let c = Self.cases[index]
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(c.yaml.utf8).write(to: root.appendingPathComponent("repo.yaml"))

        let mosc = try CLITests.run(["validate", root.path, "--now", RepositoryPaths.examplesNow])
        #expect((mosc.status == 0) == c.accepted, "\(c.name): mosc says \(mosc.status): \(mosc.stderr)")
        let script = try Self.runPython(["scripts/check-json-schema.py", root.path])
        #expect(script.status != 2, "\(c.name): the script did not run: \(script.output)")
        #expect(
            (script.status == 0) == c.accepted, "\(c.name): the schema check says \(script.status): \(script.output)")
    }
}
