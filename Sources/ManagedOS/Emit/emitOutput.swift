/// Everything a compile emits: the file tree and its manifest.
public struct CompiledOutput: Sendable, Hashable {
    /// The files, manifest included.
    public var tree: OutputTree
    /// The manifest, as written to `manifest.json`.
    public var manifest: OutputManifest
}

/// Facts about the compile that the manifest records besides the plan.
public struct CompileProvenance: Sendable, Hashable {
    /// The compile's `--now`.
    public var now: Instant
    /// SHA-256 over the sorted source paths and their contents.
    public var sourceDigest: String
    /// The catalog's date.
    public var catalogDate: String

    /// Creates provenance.
    public init(now: Instant, sourceDigest: String, catalogDate: String) {
        self.now = now
        self.sourceDigest = sourceDigest
        self.catalogDate = catalogDate
    }

    /// The digest of a set of source files: their paths relative to `root` and content hashes, sorted.
    public static func digest(of files: [SourceFile], root: String) -> String {
        let lines = files.map { "\(relativePath($0.path, root: root))\u{0}\(ContentHash.hex($0.contents))" }.sorted()
        return ContentHash.hex(lines.joined(separator: "\n"))
    }
}

/// Emits every cohort's artifacts and the manifest.
public func emitOutput(
    _ plan: PlanIR, provenance: CompileProvenance, gates: SoftwareUpdateGates, diagnostics: inout DiagnosticBag
) -> CompiledOutput {
    var tree = OutputTree()
    var cohorts: [String: OutputManifest.Cohort] = [:]
    for cohortPlan in plan.cohorts {
        let cohort = cohortPlan.cohort
        var artifacts: [OutputManifest.Artifact] = []
        var paths: [String] = []
        var token: String?
        var instants: [OutputManifest.PlanInstant]?
        var files: [(path: String, bytes: [UInt8], minimumOS: OSVersion)] = []
        if cohort.paths.hasDDM {
            let ddm = emitDDM(cohortPlan, prefix: plan.identifierPrefix, now: provenance.now, gates: gates)
            files += ddm.files
            token = ddm.declarationsToken
            paths.append("ddm")
            for id in ddm.shortened {
                diagnostics.emit(
                    .identifierShortened, "declaration identifier shortened to '\(id)' to fit Apple's 64 octets",
                    at: cohort.location)
            }
        }
        if cohort.paths.hasLegacy {
            let legacy = emitLegacy(cohortPlan, gates: gates)
            if let refusal = legacy.refusal {
                diagnostics.emit(.noLegacyPath, refusal, at: cohort.location)
            } else {
                files += legacy.files
                instants = legacy.instants
                paths.append("legacy")
            }
        }
        for file in files {
            tree.add(file.path, file.bytes)
            artifacts.append(
                .init(path: file.path, sha256: ContentHash.hex(file.bytes), minimumOS: file.minimumOS.description))
        }
        artifacts.sort { $0.path < $1.path }
        let threshold = cohort.ddmThreshold
        cohorts[cohort.name] = OutputManifest.Cohort(
            platform: cohort.platform.rawValue, enrollment: cohort.enrollment.rawValue, policy: cohortPlan.policy,
            ring: cohortPlan.ring, paths: paths,
            routing: .init(
                rule: cohort.routingRule,
                ddm: cohort.paths.hasDDM ? cohort.range.clipped(atOrAbove: threshold).description : nil,
                legacy: cohort.paths.hasLegacy ? cohort.range.clipped(below: threshold).description : nil),
            targetVersion: cohortPlan.targetVersion, targetBuild: cohortPlan.targetBuild,
            deadline: cohortPlan.deadline.wireString, timeZone: cohortPlan.legacy?.timeZone.identifier,
            legacyPlan: instants, declarationsToken: token, artifacts: artifacts)
    }
    let manifest = OutputManifest(
        formatVersion: OutputManifest.currentFormatVersion, generator: OutputWriter.markerValue,
        moscVersion: ManagedOSVersion.current, now: provenance.now.iso8601, sourceDigest: provenance.sourceDigest,
        tzdataVersion: ZoneRules.databaseVersion, catalogDate: provenance.catalogDate,
        appleSchema: AppleSchemaProvenance.description, identifierPrefix: plan.identifierPrefix, cohorts: cohorts)
    tree.add("manifest.json", CanonicalJSON.bytes(manifest))
    for path in tree.rejectedPaths {
        diagnostics.emit(.unsafeOutputPath, "refused to write '\(path)': it would leave the output folder", at: nil)
    }
    return CompiledOutput(tree: tree, manifest: manifest)
}

/// Which copy of Apple's schema the gates come from.
enum AppleSchemaProvenance {
    static let description = "apple/device-management release b6202ca2 (iOS 18.1, macOS 15.1)"
}
