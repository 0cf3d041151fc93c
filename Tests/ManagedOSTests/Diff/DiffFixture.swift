import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// A small Mac fleet whose every knob a diff test turns: mac-it (DDM-only, ring 1, its own deadline) and
/// mac-office (mixed DDM and legacy, ring 2, the policy's deadline), plus mac-lab, enforced when listed.
struct DiffFleet: Sendable {
    var target = "26.6.1"
    var build: String? = "25G76"
    var policyDeadline = "2027-01-26T18:00"
    var itDeadline = "2026-12-08T18:00"
    var labDeadline = "2027-01-19T18:00"
    var detailsURL = "https://it.example.com/updates/macos-26"
    var officeRange = ">=13.0"
    var timeZone = "America/New_York"
    var installAction = "InstallASAP"
    var notifications: Bool?
    var cohorts = ["mac-it", "mac-office"]
    var minimumNotice = "72h"

    /// The repository as one YAML file.
    var yaml: String {
        let officeIsMixed = officeRange.hasPrefix(">=13") && cohorts.contains("mac-office")
        let legacy = officeIsMixed ? "legacy:\n  timeZone: \(timeZone)\n  installAction: \(installAction)\n" : ""
        let settings = notifications.map { "settings:\n  notifications: \($0)\n" } ?? ""
        let references = cohorts.map { name -> String in
            switch name {
            case "mac-it": "  - cohort: mac-it\n    deadline: \"\(itDeadline)\"\n"
            case "mac-lab": "  - cohort: mac-lab\n    deadline: \"\(labDeadline)\"\n"
            default: "  - \(name)\n"
            }
        }.joined()
        return """
            apiVersion: mosc/v1
            kind: Settings
            identifierPrefix: com.example.mdm
            minimumNotice: \(minimumNotice)
            ---
            apiVersion: mosc/v1
            kind: Cohort
            name: mac-it
            platform: macOS
            osVersions: ">=15.0"
            ---
            apiVersion: mosc/v1
            kind: Cohort
            name: mac-lab
            platform: macOS
            osVersions: ">=15.0"
            ---
            apiVersion: mosc/v1
            kind: Cohort
            name: mac-office
            platform: macOS
            osVersions: "\(officeRange)"
            ---
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: macos-26
            platform: macOS
            target:
              version: "\(target)"
            \(build.map { "  build: \"\($0)\"\n" } ?? "")deadline: "\(policyDeadline)"
            detailsURL: \(detailsURL)
            \(legacy)\(settings)cohorts:
            \(references)
            """
    }

    /// The fleet compiled in memory as a side named `label`.
    func side(_ label: String, now: Instant = .testingNow) throws -> CompiledSide {
        let loader = CompiledSideLoader(options: CompilerOptions(now: now))
        let load = loader.compile(
            root: label, files: [SourceFile(path: "\(label)/fleet.yaml", text: yaml)], label: label)
        guard case .loaded(let side) = load else {
            if case .invalid(_, let diagnostics) = load {
                Issue.record("\(label) does not validate:\n\(TextRenderer().render(diagnostics))")
            }
            throw DiffFixtureError.invalid
        }
        return side
    }

    /// The diff from `base` to `head`, both compiled and judged at `now`.
    static func diff(_ base: DiffFleet, _ head: DiffFleet, now: Instant = .testingNow) throws -> RolloutDiff {
        Compiler.diff(try base.side("base", now: now), try head.side("head", now: now), options: DiffOptions(now: now))
    }

    /// A copy with one change.
    func with(_ edit: (inout DiffFleet) -> Void) -> DiffFleet {
        var copy = self
        edit(&copy)
        return copy
    }
}

enum DiffFixtureError: Error { case invalid }
