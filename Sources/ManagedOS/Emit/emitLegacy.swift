/// The files of one cohort's legacy path, with the plan's instants for the manifest.
struct LegacyArtifacts {
    /// Files by path relative to the output root, with the oldest OS each applies to.
    var files: [(path: String, bytes: [UInt8], minimumOS: OSVersion)]
    /// The plan's steps and their UTC instants.
    var instants: [OutputManifest.PlanInstant]
}

/// Emits the legacy MDM command plan of one cohort's pre-DDM devices. (Being written: issue 4.)
func emitLegacy(_ plan: CohortPlanIR, gates: SoftwareUpdateGates) -> LegacyArtifacts {
    LegacyArtifacts(files: [], instants: [])
}
