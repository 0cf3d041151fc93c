import Foundation
import ManagedOSTestSupport
import Testing

/// End-to-end runs of the built `mosc` binary: arguments in, stdout, stderr and exit code out.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `mosc` executable SwiftPM built beside the test bundle.
    static var executable: URL? {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = here.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("mosc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        guard let executable else { throw CLIError.noExecutable }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = RepositoryPaths.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    enum CLIError: Error { case noExecutable }

    @Test func validatesTheFleetExample() throws {
        let run = try Self.run(["validate", "examples/fleet", "--now", RepositoryPaths.examplesNow, "--color", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        // The output: the catalog is not pinned and is 95 days old at this --now (said once, at the first place it
        // decides something), and the note that shows what latest-15 resolved to.
        let lines = run.stderr.split(separator: "\n").filter {
            !$0.contains(": note: pin one") && !$0.contains(": note: refresh it")
        }
        #expect(
            lines == [
                "examples/fleet/policies/ios-26.yaml:20:30: note: an afterRelease deadline resolves against mosc's bundled catalog of 2026-08-22, not one pinned in the repository: the result moves when mosc is updated [MOS280]",
                "examples/fleet/policies/ios-26.yaml:20:30: warning: mosc's bundled catalog is 95 days old at 2026-11-25T12:00:00Z (dated 2026-08-22); an afterRelease deadline may miss newer releases [MOS281]",
                "examples/fleet/policies/macos-15-audio.yaml:13:12: note: latest-15 resolves to 15.7.9 (catalog 2026-08-22) [MOS277]",
                "0 errors, 1 warning",
            ], "\(run.stderr)")
    }

    @Test func reportsErrorsWithExitOne() throws {
        let run = try Self.run([
            "validate", "examples/invalid/unknown-key-typo", "--now", RepositoryPaths.examplesNow, "--color", "never",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("examples/invalid/unknown-key-typo/policy.yaml:14:5: error: unknown key 'deadlin'"))
        #expect(run.stderr.contains("[MOS112]"))
        #expect(run.stderr.contains("did you mean 'deadline'?"))
    }

    @Test func aFileIsValidatedWithItsRepository() throws {
        // The policy names cohorts defined in another file: no unknown-cohort error, only this file's problems.
        let run = try Self.run([
            "validate", "examples/invalid/unknown-key-typo/policy.yaml", "--now", RepositoryPaths.examplesNow,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[MOS112]"))
        #expect(!run.stderr.contains("[MOS203]"))
        #expect(!run.stderr.contains("cohorts.yaml"))
    }

    @Test func compileWritesTheTreeAndRefusesOnErrors() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let good = try Self.run(["compile", "examples/fleet", "--out", out.path, "--now", RepositoryPaths.examplesNow])
        #expect(good.status == 0, "\(good.stderr)")
        let manifest = out.appendingPathComponent("manifest.json")
        let before = try Data(contentsOf: manifest)
        let bad = try Self.run([
            "compile", "examples/invalid/impossible-date", "--out", out.path, "--now", RepositoryPaths.examplesNow,
        ])
        #expect(bad.status == 1)
        #expect(try Data(contentsOf: manifest) == before, "a failed compile must leave the previous output untouched")
        let again = try Self.run(["compile", "examples/fleet", "--out", out.path, "--now", RepositoryPaths.examplesNow])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: manifest) == before, "same sources and --now give byte-identical output")
    }

    @Test func warningsAsErrors() throws {
        let path = "examples/invalid/unused-cohort"
        let plain = try Self.run(["validate", path, "--now", RepositoryPaths.examplesNow])
        #expect(plain.status == 0)
        let strict = try Self.run(["validate", path, "--now", RepositoryPaths.examplesNow, "--warnings-as-errors"])
        #expect(strict.status == 1)
    }

    @Test func minSeverityHidesNotesAndWarnings() throws {
        let path = "examples/invalid/unused-cohort"
        let plain = try Self.run(["validate", path, "--now", RepositoryPaths.examplesNow])
        #expect(plain.stderr.contains("[MOS205]"))
        let quiet = try Self.run(["validate", path, "--now", RepositoryPaths.examplesNow, "--min-severity", "error"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        // Raised warnings are errors, so they stay shown and still fail the run.
        let strict = try Self.run([
            "validate", path, "--now", RepositoryPaths.examplesNow, "--min-severity", "error", "--warnings-as-errors",
        ])
        #expect(strict.status == 1 && strict.stderr.contains("error: ") && strict.stderr.contains("[MOS205]"))
        let latest = try Self.run([
            "validate", "examples/fleet", "--now", RepositoryPaths.examplesNow, "--min-severity", "warning",
        ])
        #expect(latest.status == 0 && !latest.stderr.contains("[MOS277]"), "\(latest.stderr)")
        let bad = try Self.run(["validate", path, "--min-severity", "loud"])
        #expect(bad.status == 64)
    }

    @Test func jsonFormatGoesToStdout() throws {
        let run = try Self.run([
            "validate", "examples/invalid/impossible-date", "--now", RepositoryPaths.examplesNow, "--format", "json",
        ])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 2)
        #expect(object?["version"] == nil)
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["code"] as? String == "MOS220")
    }

    @Test func jsonFormatPrintsADocumentOnAnIOFailure() throws {
        let run = try Self.run([
            "validate", "no/such/folder", "--now", RepositoryPaths.examplesNow, "--format", "json",
        ])
        #expect(run.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 2)
        #expect(object?["error"] as? String == "no such file or folder: 'no/such/folder'", "\(run.stdout)")
        #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func githubFormatNamesFilesRelativeToTheCurrentFolder() throws {
        let absolute = RepositoryPaths.root.appendingPathComponent("examples/invalid/impossible-date").path
        let run = try Self.run([
            "validate", absolute, "--now", RepositoryPaths.examplesNow, "--format", "github",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=examples/invalid/impossible-date/"), "\(run.stdout)")
    }

    @Test func githubFormat() throws {
        let run = try Self.run([
            "validate", "examples/invalid/impossible-date", "--now", RepositoryPaths.examplesNow, "--format", "github",
        ])
        #expect(
            run.stdout.hasPrefix(
                "::error file=examples/invalid/impossible-date/repo.yaml,line=18,col=11,title=MOS220::"))
    }

    @Test func sarifFormat() throws {
        let run = try Self.run([
            "validate", "examples/invalid/impossible-date", "--now", RepositoryPaths.examplesNow, "--format", "sarif",
        ])
        #expect(run.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let results = (log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
        #expect(results?.map { $0["ruleId"] as? String } == ["MOS220"])
        let base = "https://git.example.com/it/mosc/blob/main/specs/diagnostics.md"
        let linked = try Self.run([
            "validate", "examples/invalid/impossible-date", "--now", RepositoryPaths.examplesNow, "--format", "sarif",
            "--help-base", base,
        ])
        #expect(linked.stdout.contains("\"helpUri\" : \"\(base)#mos220\""), "\(linked.stdout.prefix(400))")
    }

    @Test func usageErrorsExit64() throws {
        let run = try Self.run(["validate", "--now", "yesterday"])
        #expect(run.status == 64)
        let missing = try Self.run(["validate", "no/such/folder"])
        #expect(missing.status == 2)
    }

    @Test func sourceDateEpochIsTheDefaultNow() throws {
        // 2027-06-01: every example deadline has passed, so the fleet gets MOS221 warnings (exit 0).
        let run = try Self.run(["validate", "examples/fleet"], environment: ["SOURCE_DATE_EPOCH": "1811808000"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("[MOS221]"))
    }

    @Test func catalogShowListsReleases() throws {
        let run = try Self.run(["catalog", "show", "macos"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# OS release catalog of 2026-08-22: "))
        let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("macOS") && $0.contains(" 15.7.8 ") }
        #expect(line?.split(separator: " ") == ["macOS", "15.7.8", "24G824", "2026-07-27", "0"])
        #expect(!run.stdout.contains("iOS"))
        // Background Security Improvements follow the releases.
        #expect(run.stdout.contains("\n# Background Security Improvements: 2 improvements\n"))
        let improvement = run.stdout.split(separator: "\n").first { $0.hasPrefix("macOS") && $0.contains("26.3.1 (a)") }
        #expect(
            improvement?.split(separator: " ")
                == ["macOS", "26.3.1", "(a)", "25D771280a", "25D2128", "2026-03-17", "1", "26.4", "(2026-03-24)"])
        let forked = try Self.run(["catalog", "show", "iOS"])
        #expect(forked.stdout.contains("22H6352,22H352"))
        let unknown = try Self.run(["catalog", "show", "watchOS"])
        #expect(unknown.status == 64)
    }

    @Test func badCatalogFileIsAToolFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-cli-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.tsv")
        try "mosc-os-catalog\t1\t2026-13-01\nmacOS\t15\n".write(to: bad, atomically: true, encoding: .utf8)
        let run = try Self.run(["validate", "examples/fleet", "--catalog", bad.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(bad.path):1: error: invalid catalog date '2026-13-01'"))
        #expect(run.stderr.contains("\(bad.path):2: error: expected 6 tab-separated fields, found 2"))
        let missing = try Self.run(["catalog", "show", "--catalog", folder.appendingPathComponent("none.tsv").path])
        #expect(missing.status == 2)
    }

    @Test func anotherCatalogChangesTheResolution() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-cli-cat-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("catalog.tsv")
        // The bundled catalog plus a Sequoia patch released later.
        let newer =
            try String(
                contentsOf: RepositoryPaths.root.appendingPathComponent(
                    "Sources/MOSDomain/Catalog/Data/catalog.tsv"), encoding: .utf8)
            + "macOS\t15.7.10\t24G900\t2026-09-15\t0\t12\n"
        try newer.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run([
            "validate", "examples/fleet", "--now", RepositoryPaths.examplesNow, "--catalog", file.path, "--color",
            "never",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("latest-15 resolves to 15.7.10 (catalog 2026-08-22)"))
    }

    @Test(.enabled(if: RepositoryPaths.shared != nil)) func importingTheSharedFeedsGivesTheBundledCatalog() throws {
        let sofa = try #require(RepositoryPaths.shared).appendingPathComponent("catalog/sofa")
        let feeds = ["macos", "ios", "tvos", "visionos"].map {
            sofa.appendingPathComponent("\($0)_data_feed.json").path
        }
        let run = try Self.run(["catalog", "import"] + feeds)
        #expect(run.status == 0, "\(run.stderr)")
        let bundled = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent(
                "Sources/MOSDomain/Catalog/Data/catalog.tsv"), encoding: .utf8)
        #expect(run.stdout == bundled)
        let notAFeed = try Self.run(["catalog", "import", "Package.swift"])
        #expect(notAFeed.status == 2)
        #expect(notAFeed.stderr.contains("feed 0 is 'Package.swift'"))
    }
}
