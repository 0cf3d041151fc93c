import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The files of one cohort's legacy path, with the plan's instants for the manifest.
struct LegacyArtifacts {
    /// Files by path relative to the output root, with the oldest OS each applies to.
    package var files: [(path: String, bytes: [UInt8], minimumOS: OSVersion)]
    /// The plan's steps and their UTC instants.
    package var instants: [OutputManifest.PlanInstant]
}

/// Writes the legacy MDM command plan of one cohort's pre-DDM devices: `legacy/plan.json` and one property list
/// per command under `legacy/commands/`. Every file applies from the cohort's lowest OS.
func emitLegacy(_ plan: CohortPlanIR, _ build: LegacyPlanBuild) -> LegacyArtifacts {
    let folder = "cohorts/\(plan.cohort.name)/legacy"
    let minimumOS = plan.cohort.lowestVersion
    var files = [("\(folder)/plan.json", CanonicalJSON.bytes(build.plan.jsonValue), minimumOS)]
    for (file, command) in build.commands {
        files.append(("\(folder)/\(file)", command.document.xmlBytes, minimumOS))
    }
    return LegacyArtifacts(files: files, instants: build.instants)
}
