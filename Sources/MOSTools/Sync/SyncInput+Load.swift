import MOSBasics
import MOSCompiler
public import MOSDomain
import MOSOutput

/// The one place sync obtains the compiled output: a compiled folder, or a policy repository compiled in memory,
/// both through the one loader of compiled sides (`CompiledSideLoader`, same `--now` and catalog as diff and status).
extension SyncInput {
    /// The input a loaded side holds.
    public init(_ side: CompiledSide, gates: SoftwareUpdateGates = .bundled) {
        var cohorts: [String: SyncCohort] = [:]
        for (name, cohort) in side.manifest.cohorts {
            let folder = "cohorts/\(name)/"
            let declarationsFolder = folder + "ddm/declarations/"
            var declarations: [String: SyncCohort.DeclarationFile] = [:]
            var setFile: String?
            var planFile: String?
            for artifact in cohort.artifacts {
                if artifact.path.hasPrefix(declarationsFolder), artifact.path.hasSuffix(".json") {
                    let identifier = String(artifact.path.dropFirst(declarationsFolder.count).dropLast(".json".count))
                    declarations[identifier] = .init(path: artifact.path, sha256: artifact.sha256)
                } else if artifact.path == folder + "ddm/set.txt" {
                    setFile = artifact.path
                } else if artifact.path == folder + "legacy/plan.json" {
                    planFile = artifact.path
                }
            }
            cohorts[name] = SyncCohort(
                name: name, platform: cohort.platform, targetVersion: cohort.targetVersion,
                paths: Set(cohort.paths.compactMap(CohortExpectation.Path.init(rawValue:))),
                ddmThreshold: Platform(rawValue: cohort.platform).flatMap(gates.ddmThreshold(for:)),
                declarations: declarations, setFile: setFile, planFile: planFile)
        }
        self.init(identifierPrefix: side.manifest.identifierPrefix, cohorts: cohorts) { side.bytes($0) }
    }
}
