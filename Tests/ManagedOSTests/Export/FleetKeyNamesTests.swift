import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The team fragments use Fleet's own key names: the `controls:` keys of Fleet's GitOps fixture
/// `pkg/spec/testdata/controls_new_names.yml` (fleetdm/fleet), which holds the contents of a team file's
/// `controls:` block under the new names (`apple_settings.configuration_profiles`, not the deprecated
/// `macos_settings.custom_settings`).
@Suite struct FleetKeyNamesTests {
    /// The key paths of Fleet's fixture that the export writes, retyped from it (fleetdm/fleet
    /// 45cbb8d1a074a4d545b995dbf563d07647dc7313); the file itself is not part of this repository.
    static let fixtureShape = """
        apple_settings:
          configuration_profiles:
            - path: ./lib/example.json
        macos_updates:
          deadline: null
          minimum_version: null
        ios_updates:
          deadline: null
          minimum_version: null
        ipados_updates:
          deadline: null
          minimum_version: null
        """

    /// Fleet's fixture as the lead copied it beside the worktrees, when this machine has it.
    static let fleetFixture = RepositoryPaths.root.deletingLastPathComponent()
        .appendingPathComponent("shared-fleet/controls_new_names.yml")

    static var hasFleetFixture: Bool { FileManager.default.fileExists(atPath: fleetFixture.path) }

    /// Keys Fleet documents beside the fixture's: label scoping of a profile (docs/Configuration/yaml-files.md).
    static let scopingKeys: Set<String> = ["apple_settings.configuration_profiles[].labels_include_any"]

    @Test func fragmentsUseOnlyFleetsControlsKeys() throws {
        let allowed = try FleetYAML(Array(Self.fixtureShape.utf8), path: "shape.yml").keyPaths.union(Self.scopingKeys)
        let tree = try #require(try ExportFleetFixture.example().export.tree)
        let fragments = tree.paths.filter { $0.hasPrefix("fleets/") }
        #expect(!fragments.isEmpty)
        for path in fragments {
            let fragment = try FleetYAML(tree.files[path] ?? [], path: path)
            let top = Set(fragment.keyPaths.filter { !$0.contains(".") })
            #expect(top == ["name", "controls"], "\(path)")
            let controls = Set(
                fragment.keyPaths.filter { $0.hasPrefix("controls.") }.map { String($0.dropFirst("controls.".count)) })
            #expect(
                controls.subtracting(allowed).isEmpty,
                "\(path): keys Fleet does not read: \(controls.subtracting(allowed))")
            #expect(allowed.subtracting(controls).isEmpty, "\(path): keys missing: \(allowed.subtracting(controls))")
            #expect(!fragment.text.contains("macos_settings") && !fragment.text.contains("custom_settings"))
        }
    }

    @Test(.enabled(if: hasFleetFixture, "needs ../shared-fleet/controls_new_names.yml"))
    func theRetypedShapeIsFleetsFixture() throws {
        let fixture = try FleetYAML(Array(try Data(contentsOf: Self.fleetFixture)), path: Self.fleetFixture.path)
        let shape = try FleetYAML(Array(Self.fixtureShape.utf8), path: "shape.yml")
        #expect(shape.keyPaths.subtracting(fixture.keyPaths).isEmpty, "\(shape.keyPaths.subtracting(fixture.keyPaths))")
    }
}
