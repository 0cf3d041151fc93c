import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSTools

/// `mosc export fleet` over the examples: golden output, determinism, every cohort exported or named, the
/// declarations as Fleet takes them, and the refusals.
@Suite struct ExportFleetTests {
    static let golden = RepositoryPaths.root.appendingPathComponent("Tests/ManagedOSTests/Golden/Fixtures/export-fleet")

    @Test func exampleMatchesGolden() throws {
        let tree = try #require(try ExportFleetFixture.example().export.tree)
        expectGoldenTree(tree, matches: Self.golden)
    }

    @Test func exportIsDeterministic() throws {
        let first = try ExportFleetFixture.example().export.tree
        let second = try ExportFleetFixture.example().export.tree
        #expect(first != nil && first == second)
    }

    @Test func everyCohortIsExportedWithItsLabelOrNamedInADiagnostic() throws {
        let (export, source) = try ExportFleetFixture.example()
        let tree = try #require(export.tree)
        let manifest = try JSONDecoder().decode(
            FleetExportManifest.self, from: Data(try #require(tree.files["manifest.json"])))
        let byCode = Dictionary(grouping: export.diagnostics, by: \.code)
        func named(_ code: DiagnosticCode) -> Set<String> {
            Set((byCode[code] ?? []).compactMap { $0.message.split(separator: "'").dropFirst().first.map(String.init) })
        }
        #expect(named(.fleetLegacyOnlyCohort) == ["mac-frontdesk", "ipad-kiosk"])
        #expect(named(.fleetLegacyPartNotExported) == ["mac-office", "iphone-corp", "ipad-classroom"])
        // The example's tvOS and visionOS cohorts: Fleet manages neither platform.
        #expect(named(.fleetPlatformUnsupported) == ["appletv-rooms", "vision-lab"])
        #expect(export.diagnostics.allSatisfy { $0.severity == .warning })
        for (name, cohort) in source.manifest.cohorts {
            let exported = manifest.cohorts[name] != nil
            let legacyOnly = named(.fleetLegacyOnlyCohort).contains(name)
            let skipped = legacyOnly || named(.fleetPlatformUnsupported).contains(name)
            #expect(exported != skipped, "\(name) must be exported or named, not both")
            #expect(
                cohort.paths.contains("legacy") == (legacyOnly || named(.fleetLegacyPartNotExported).contains(name)))
        }
        #expect(manifest.cohorts["mac-it"]?.label == "IT Macs")
        #expect(manifest.cohorts["mac-eng"]?.label == "mac-eng")
        #expect(manifest.cohorts["mac-eng"]?.team == "💻 Workstations")
        #expect(manifest.cohorts["iphone-corp"]?.label == "Corporate iPhones (ADE)")
        #expect(manifest.cohorts["ipad-classroom"]?.team == "Sydney campus: iPads")
        #expect(
            manifest.omitted.map(\.cohort) == [
                "appletv-rooms", "ipad-classroom", "ipad-kiosk", "iphone-corp", "mac-frontdesk", "mac-office",
                "vision-lab",
            ])
    }

    @Test func diagnosticsPointAtTheCohortsName() throws {
        let (export, source) = try ExportFleetFixture.example()
        for diagnostic in export.diagnostics {
            let cohort = try #require(
                source.repository.cohorts.first { diagnostic.message.contains("'\($0.name?.value ?? "")'") })
            #expect(
                diagnostic.location == source.repository.sources.location(cohort.name?.location),
                "\(diagnostic.message)")
        }
    }

    @Test func declarationsAreTheCompiledConfigurationsWithoutTokenOrActivation() throws {
        let (export, source) = try ExportFleetFixture.example()
        let tree = try #require(export.tree)
        let exported = tree.paths.filter { $0.hasPrefix("lib/mosc/") }
        #expect(exported.count == 9)  // one enforcement per exported cohort, and mac-audio's settings
        for path in exported {
            let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(try #require(tree.files[path])))
            #expect(Set(object.keys) == ["Type", "Identifier", "Payload"], "\(path)")
            let identifier = try #require(object["Identifier"]?.stringValue)
            #expect(path == "lib/mosc/\(identifier).json")
            #expect(object["Type"]?.stringValue?.hasPrefix("com.apple.configuration.softwareupdate.") == true)
            let compiledPath = try #require(
                source.files.paths.first { $0.hasSuffix("/declarations/\(identifier).json") })
            let compiled = try JSONDecoder().decode(
                Declaration.self, from: Data(try #require(source.files.files[compiledPath])))
            #expect(object["Payload"] == .object(compiled.payload))
            #expect(object["Type"]?.stringValue == compiled.type)
        }
    }

    @Test func teamFilesListEveryDeclarationUnderItsLabel() throws {
        let tree = try #require(try ExportFleetFixture.example().export.tree)
        let manifest = try JSONDecoder().decode(
            FleetExportManifest.self, from: Data(try #require(tree.files["manifest.json"])))
        #expect(
            Set(manifest.teams.values) == [
                "fleets/workstations.yml", "fleets/company-owned-iphones.yml", "fleets/sydney-campus-ipads.yml",
            ])
        for (team, path) in manifest.teams {
            let fragment = try FleetYAML(tree.files[path] ?? [], path: path)
            #expect(fragment.scalar(at: ["name"]) == team)
            let profiles = fragment.profiles
            let expected = manifest.cohorts.values.filter { $0.team == team }.flatMap { cohort in
                cohort.artifacts.map { (path: "../\($0.path)", label: cohort.label) }
            }
            #expect(profiles.map(\.path).sorted() == expected.map(\.path).sorted())
            for profile in profiles {
                #expect([profile.label] == expected.filter { $0.path == profile.path }.map(\.label))
                #expect(tree.files[String(profile.path.dropFirst(3))] != nil, "\(profile.path) is not in the export")
            }
            for key in ["macos_updates", "ios_updates", "ipados_updates"] {
                #expect(fragment.scalar(at: ["controls", key, "deadline"]) == "")
                #expect(fragment.scalar(at: ["controls", key, "minimum_version"]) == "")
            }
        }
    }

    @Test func aCohortWithoutATeamIsAnErrorAndNothingIsWritten() throws {
        let export = try ExportFleetFixture.export(ExportFleetFixture.macRepository())
        #expect(export.tree == nil)
        #expect(export.diagnostics.map(\.code) == [.fleetNoTeam])
        #expect(export.diagnostics.first?.location?.line == 8)  // mac-eng's name:
    }

    @Test func anActivationPredicateIsRefused() throws {
        var source = try ExportFleetFixture.source(ExportFleetFixture.macRepository(settings: "fleet: {team: Eng}"))
        ExportDiagnosticScenarios.addPredicate(to: &source, cohort: "mac-eng")
        let export = try exportFleet(source)
        #expect(export.tree == nil)
        #expect(export.diagnostics.map(\.code) == [.fleetActivationPredicate])
    }

    @Test func aTVOSCohortIsNotExported() throws {
        let text = try ExportDiagnosticScenarios.scenarios[.fleetPlatformUnsupported]?() ?? ""
        #expect(text.contains("cohort 'lobby-tv' is tvOS"))
    }

    @Test func aCohortsOwnBlockGivesItsTeamAndLabel() throws {
        let export = try ExportFleetFixture.export(
            ExportFleetFixture.macRepository(cohortExtra: "fleet: {team: \"Eng #1\", label: \"yes\"}"))
        let tree = try #require(export.tree)
        let fragment = try FleetYAML(tree.files["fleets/eng-1.yml"] ?? [], path: "fleets/eng-1.yml")
        #expect(fragment.scalar(at: ["name"]) == "Eng #1")
        #expect(fragment.profiles.map(\.label) == ["yes"])
        #expect(fragment.text.contains("- \"yes\"\n"), "a label YAML 1.1 reads as a boolean is quoted")
    }

    @Test func teamFileNamesAreSlugsMadeUniqueByAHash() {
        let names = FleetTeamFile.fileNames(for: ["💻 Workstations", "Workstations", "🚀", "Sydney campus: iPads"])
        #expect(names["Sydney campus: iPads"] == "sydney-campus-ipads.yml")
        #expect(names["💻 Workstations"]?.hasPrefix("workstations-") == true)
        #expect(names["Workstations"]?.hasPrefix("workstations-") == true)
        #expect(names["💻 Workstations"] != names["Workstations"])
        #expect(names["🚀"]?.hasPrefix("fleet-") == true)
    }
}
