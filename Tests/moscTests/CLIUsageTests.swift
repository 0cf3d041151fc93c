import Foundation
import ManagedOSTestSupport
import Testing

/// What the CLI says about its own use: misspelt subcommands, the exit codes help promises, a bad feed.
@Suite struct CLIUsageTests {
    @Test(
        arguments: [
            (["valdate", "examples/fleet"], "mosc: error: unknown command 'valdate'; did you mean 'validate'?"),
            (["Compile"], "mosc: error: unknown command 'Compile'; did you mean 'compile'?"),
            (["catalog", "shwo"], "mosc: error: unknown command 'shwo'; did you mean 'show'?"),
            (["frobnicate"], "mosc: error: unknown command 'frobnicate'; 'mosc' has 'validate', 'compile', 'diff'"),
        ])
    func misspeltSubcommandGetsASuggestion(_ arguments: [String], _ expected: String) throws {
        let run = try CLITests.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
    }

    @Test func helpAndOptionsStillReachTheParser() throws {
        #expect(try CLITests.run(["help", "validate"]).stdout.contains("USAGE: mosc validate"))
        #expect(try CLITests.run(["catalog", "--help"]).status == 0)
        let unknownOption = try CLITests.run(["validate", "--now-ish", "x"])
        #expect(unknownOption.status == 64)
        #expect(!unknownOption.stderr.contains("unknown command"), "\(unknownOption.stderr)")
    }

    /// Each catalog subcommand's help names exactly the statuses the subcommand can end with.
    @Test func catalogHelpPromisesTheStatusesItReturns() throws {
        for subcommand in ["show", "import"] {
            let help = try CLITests.run(["catalog", subcommand, "--help"]).stdout
            let promisesOne = help.contains("1 the policies have errors")
            let promisesTwo = help.contains("Exit status: 0 success, 2 ")
            #expect(!promisesOne && promisesTwo, "\(subcommand): \(help)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.tsv")
        try "mosc-os-catalog\t1\t2026-13-01\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["catalog", "show", "--catalog", bad.path]).status == 2)
        #expect(try CLITests.run(["catalog", "show", "watchOS"]).status == 64)
        #expect(try CLITests.run(["catalog", "import", folder.appendingPathComponent("none.json").path]).status == 2)
    }

    @Test func badFeedIsNamedByItsJSONPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("macos_data_feed.json")
        try #"{"LastCheck": "2026-08-22", "OSVersions": [{"SecurityReleases": [{"ProductVersion": 15}]}]}"#
            .write(to: feed, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["catalog", "import", feed.path])
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                mosc: error: feed 0 is not a SOFA v2 feed: at OSVersions[0].SecurityReleases[0].ProductVersion: \
                expected a string
                mosc: note: feed 0 is '\(feed.path)'

                """)
    }
}
