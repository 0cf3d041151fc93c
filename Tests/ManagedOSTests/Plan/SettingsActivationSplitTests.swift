import Foundation
import ManagedOS
import Testing

/// A cohort whose devices straddle the settings declaration's gate (macOS 15) gets two activations: devices at
/// or above the gate activate the enforcement and the settings, devices below it the enforcement alone. A cohort
/// that does not straddle keeps its one activation without a predicate.
@Suite struct SettingsActivationSplitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var osVersions: String
        var settings: Bool
        /// Activation identifier suffix → (configuration kinds it lists, the predicate holds at these versions,
        /// and not at these).
        var activations: [String: (lists: [String], holds: [String], fails: [String])]
        var testDescription: String { "\(osVersions)\(settings ? " with settings" : "")" }
    }

    static let cases: [Case] = [
        Case(
            osVersions: ">=14.0", settings: true,
            activations: [
                "activation": (
                    ["enforcement", "settings"], ["15.0", "15.10", "26.6.2", "100.0"], ["14.0", "14.7.8"]
                ),
                "activation-below-15": (["enforcement"], ["14.0", "14.7.8", "14.10"], ["15", "15.0", "15.9", "26.0"]),
            ]),
        Case(
            osVersions: ">=13.0", settings: true,
            activations: [
                "activation": (["enforcement", "settings"], ["15.0", "16.0"], ["14.8"]),
                "activation-below-15": (["enforcement"], ["14.0"], ["15.1"]),
            ]),
        Case(osVersions: ">=15.0", settings: true, activations: ["activation": (["enforcement", "settings"], [], [])]),
        Case(osVersions: ">=14.0", settings: false, activations: ["activation": (["enforcement"], [], [])]),
    ]

    static func repository(_ c: Case) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: "\(c.osVersions)"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: tahoe
        platform: macOS
        target: {version: "26.6"}
        deadline: "2026-12-15T17:00"
        \(c.osVersions.hasPrefix(">=13") ? "legacy: {timeZone: Europe/Berlin}\n" : "")\(c.settings ? "settings: {notifications: true}\n" : "")cohorts: [macs]
        """
    }

    func holds(_ predicate: String, at version: String) -> Bool? {
        try? PredicateEvaluator.evaluate(predicate, status: [OSVersionPredicate.statusItem: version])
    }

    @Test(arguments: cases)
    func activationsFollowTheSettingsGate(_ c: Case) throws {
        let result = LegacyFixture.compile(Self.repository(c))
        #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(result.diagnostics.map(\.message))")
        let output = try #require(result.output)
        let prefix = "cohorts/macs/ddm/declarations/"
        var found: [String: [String: JSONValue]] = [:]
        for (path, bytes) in output.tree.files where path.hasPrefix(prefix) {
            let declaration = try JSONDecoder().decode(Declaration.self, from: Data(bytes))
            guard declaration.type == Declaration.Kind.activation.type else { continue }
            let suffix = String(declaration.identifier.dropFirst("mosc.tahoe.macs.".count))
            found[suffix] = declaration.payload
        }
        #expect(Set(found.keys) == Set(c.activations.keys))
        for (suffix, expected) in c.activations {
            let payload = try #require(found[suffix])
            guard case .array(let listed)? = payload["StandardConfigurations"] else {
                Issue.record("\(suffix) lists no configurations")
                continue
            }
            #expect(listed == expected.lists.map { .string("mosc.tahoe.macs.\($0)") })
            guard case .string(let predicate)? = payload["Predicate"] else {
                #expect(expected.holds.isEmpty && expected.fails.isEmpty, "\(suffix) has no predicate")
                continue
            }
            for version in expected.holds {
                #expect(holds(predicate, at: version) == true, "\(suffix) at \(version)")
            }
            for version in expected.fails {
                #expect(holds(predicate, at: version) == false, "\(suffix) at \(version)")
            }
        }
        // The manifest gives the below-gate activation its window, so status and conformance know who takes it.
        let artifacts = try #require(output.manifest.cohorts["macs"]).artifacts
        let below = artifacts.first { $0.path.hasSuffix("activation-below-15.json") }
        if c.activations["activation-below-15"] == nil {
            #expect(below == nil)
        } else {
            #expect(below?.belowOS == "15.0")
        }
    }
}
