import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Lowering resolves `latest` targets and relative deadlines with the same catalog validation used.
@Suite struct LowerCatalogTests {
    static let repository = """
        apiVersion: mosc/v1
        kind: Settings
        skipDays: [Sat, Sun]
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: canary
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: broad
        platform: macOS
        osVersions: ">=15.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: phones
        platform: iOS
        osVersions: ">=18.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: mac
        platform: macOS
        target: {version: "latest-15"}
        deadline: {afterRelease: 128d, time: "18:00"}
        cohorts:
          - {cohort: canary, deadline: {afterRelease: 119d, time: "09:00"}}
          - broad
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: phone
        platform: iOS
        target: {version: "18.7.8", build: "22H352"}
        deadline: "2027-01-12T18:00"
        cohorts: [phones]
        """

    static func lower(_ text: String, options: CompilerOptions = .testing) -> (PlanIR?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let files = [SourceFile(path: "repo/all.yaml", text: text)]
        let syntax = parseRepository(root: "repo", files: files, limits: options.limits, diagnostics: &bag)
        let result = Compiler.validate(root: "repo", files: files, options: options)
        var planning = DiagnosticBag()
        let plan = lowerRepository(ValidationContext(repository: syntax, options: options), diagnostics: &planning)
        return (plan, result.diagnostics)
    }

    @Test func latestAndRelativeDeadlinesLowerToTheirResolution() throws {
        let (plan, diagnostics) = Self.lower(Self.repository)
        // The bundled catalog is 95 days old at the tests' --now (MOS281), and pinning one build of the forked
        // 18.7.8 is warned about (MOS237) but still lowers as written; nothing else is above a note.
        #expect(
            diagnostics.allSatisfy {
                $0.severity == .note || $0.code == .catalogStale || $0.code == .buildPinsOneOfSeveral
            }, "\(diagnostics)")
        let cohorts = try #require(plan?.cohorts)
        let byName = Dictionary(uniqueKeysWithValues: cohorts.map { ($0.cohort.name, $0) })
        let canary = try #require(byName["canary"])
        let broad = try #require(byName["broad"])
        let phones = try #require(byName["phones"])
        // latest-15 is 15.7.9, released Thursday 2026-08-06.
        #expect(canary.targetVersion == "15.7.9")
        #expect(canary.targetRequest == "latest-15")
        #expect(canary.targetBuild == nil)
        // +119d is Thursday 2026-12-03; +128d is Saturday 2026-12-12, which skipDays moves to Monday.
        #expect(canary.deadline.wireString == "2026-12-03T09:00:00")
        #expect(broad.deadline.wireString == "2026-12-14T18:00:00")
        #expect(phones.targetVersion == "18.7.8")
        #expect(phones.targetRequest == nil)
        #expect(phones.targetBuild == "22H352")
        #expect(phones.deadline.wireString == "2027-01-12T18:00:00")
    }

    @Test func anotherCatalogResolvesDifferently() throws {
        // A catalog that knows one newer Sequoia patch: latest-15 follows it, and so does the deadline.
        let text = """
            mosc-os-catalog\t1\t2026-11-01
            macOS\t15.7.9\t24G830\t2026-08-06\t1\t1
            macOS\t15.7.10\t24G900\t2026-10-20\t0\t12

            """
        let catalog = try OSCatalog.parse(text).get()
        var options = CompilerOptions.testing
        options.catalog = catalog
        let (plan, _) = Self.lower(Self.repository, options: options)
        let canary = try #require(plan?.cohorts.first { $0.cohort.name == "canary" })
        #expect(canary.targetVersion == "15.7.10")
        // 2026-10-20 + 119d = 2027-02-16, a Tuesday.
        #expect(canary.deadline.wireString == "2027-02-16T09:00:00")
    }

    @Test func theFleetExampleLowersItsCatalogFeatures() throws {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let result = Compiler.validate(loaded, options: .testing)
        var planning = DiagnosticBag()
        let plan = try #require(
            lowerRepository(ValidationContext(repository: result.repository, options: .testing), diagnostics: &planning)
        )
        let audio = try #require(plan.cohorts.first { $0.cohort.name == "mac-audio" })
        #expect(audio.targetVersion == "15.7.9")
        #expect(audio.targetRequest == "latest-15")
        // 2026-08-06 + 121d is Saturday 2026-12-05; Settings' skipDays moves it to Monday.
        #expect(audio.deadline.wireString == "2026-12-07T20:00:00")
        let iphoneIT = try #require(plan.cohorts.first { $0.cohort.name == "iphone-it" })
        #expect(iphoneIT.deadline.wireString == "2026-12-09T19:00:00")
        #expect(iphoneIT.targetRequest == nil)
    }
}
