public import MOSBasics
import MOSDomain
public import MOSOutput
import MOSYAML

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

    /// The provenance of compiling `files` (below `root`) with `options`; a catalog pinned in the repository
    /// is a source too, so its bytes join the digest.
    public init(files: [SourceFile], root: String, options: CompilerOptions) {
        var sources = files
        if case .pinned(let catalog) = options.catalogOrigin { sources.append(catalog) }
        self.init(
            now: options.now, sourceDigest: Self.digest(of: sources, root: root),
            catalogDate: options.catalog.date.description)
    }

    /// The digest of a set of source files: their paths relative to `root` and content hashes, sorted.
    public static func digest(of files: [SourceFile], root: String) -> String {
        let lines = files.map { "\(relativePath($0.path, root: root))\u{0}\(ContentHash.hex($0.contents))" }.sorted()
        return ContentHash.hex(lines.joined(separator: "\n"))
    }
}

/// What a streamed compile wrote.
public struct EmitSummary: Sendable, Hashable {
    /// The files written, manifest included.
    public var fileCount: Int
    /// The enforced cohorts.
    public var cohortCount: Int
}

/// One cohort's files and its manifest entry (as a value, and as the manifest's bytes when asked for).
struct EmittedCohort: Sendable {
    package var name: String
    package var entry: OutputManifest.Cohort
    package var files: [(path: String, bytes: [UInt8])]
    var manifestEntry: [UInt8] = []
    package var diagnostics: [Diagnostic] = []
}

/// The manifest's facts besides its cohorts.
func manifestHeader(_ plan: PlanIR, provenance: CompileProvenance) -> OutputManifest {
    OutputManifest(
        formatVersion: OutputManifest.currentFormatVersion, generator: OutputMarker.generatorName,
        moscVersion: ManagedOSVersion.current, now: provenance.now.iso8601, sourceDigest: provenance.sourceDigest,
        tzdataVersion: ZoneRules.databaseVersion, catalogDate: provenance.catalogDate,
        appleSchema: AppleSchemaProvenance.description, identifierPrefix: plan.identifierPrefix, cohorts: [:])
}

func reportRejected(_ paths: [String], into diagnostics: inout DiagnosticBag) {
    for path in paths {
        diagnostics.emit(
            .unsafeOutputPath, "refused to write '\(path)': it would leave the output folder",
            at: SourceLocation?.none)
    }
}

/// Writes one cohort's DDM and legacy files, as planned, and its manifest entry.
func emitCohort(_ cohortPlan: CohortPlan, provenance: CompileProvenance) -> EmittedCohort {
    let ir = cohortPlan.ir
    let cohort = ir.cohort
    var artifacts: [OutputManifest.Artifact] = []
    var paths: [String] = []
    var token: String?
    var instants: [OutputManifest.PlanInstant]?
    var files: [(path: String, bytes: [UInt8], minimumOS: OSVersion)] = []
    var belowOS: [String: OSVersion] = [:]
    if let ddmPlan = cohortPlan.ddm {
        let ddm = emitDDM(ir, ddmPlan, now: provenance.now)
        files += ddm.files
        belowOS = ddm.belowOS
        token = ddm.declarationsToken
        paths.append("ddm")
    }
    if let build = cohortPlan.legacy {
        let legacy = emitLegacy(ir, build)
        files += legacy.files
        instants = legacy.instants
        paths.append("legacy")
    }
    for file in files {
        artifacts.append(
            .init(
                path: file.path, sha256: ContentHash.hex(file.bytes), minimumOS: file.minimumOS.description,
                belowOS: belowOS[file.path]?.description))
    }
    artifacts.sort { $0.path < $1.path }
    let threshold = cohort.ddmThreshold
    var entry = OutputManifest.Cohort(
        platform: cohort.platform.rawValue, enrollment: cohort.enrollment.rawValue, policy: ir.policy,
        ring: ir.ring + 1, paths: paths,
        routing: .init(
            rule: cohort.routingRule,
            ddm: cohort.paths.hasDDM ? cohort.range.clipped(atOrAbove: threshold).description : nil,
            legacy: cohort.paths.hasLegacy ? cohort.range.clipped(below: threshold).description : nil),
        targetVersion: ir.targetVersion, targetRequest: ir.targetRequest,
        targetBuild: ir.targetBuild,
        deadline: ir.deadline.wireString, timeZone: ir.legacy?.timeZone.identifier,
        legacyPlan: instants, declarationsToken: token, artifacts: artifacts)
    entry.deadlineMovedFrom = ir.deadlineMoved?.from.wireString
    entry.deadlineMovedBy = ir.deadlineMoved?.by
    if !ir.blackouts.isEmpty { entry.blackouts = ir.blackouts.map(\.span) }
    if !ir.tracks.isEmpty {
        let enforcements = cohortPlan.ddm?.enforcements ?? []
        entry.tracks = ir.tracks.map { track in
            let plan = track.plan
            var entry = OutputManifest.Track(
                major: track.major, targetVersion: plan.targetVersion, deadline: plan.deadline.wireString)
            entry.targetRequest = plan.targetRequest
            entry.targetBuild = plan.targetBuild
            entry.deadlineMovedFrom = plan.deadlineMoved?.from.wireString
            entry.deadlineMovedBy = plan.deadlineMoved?.by
            entry.enforcement = enforcements.first { $0.major == track.major }?.identifier
            return entry
        }
    }
    return EmittedCohort(name: cohort.name, entry: entry, files: files.map { ($0.path, $0.bytes) })
}

/// Which copy of Apple's schema the gates come from.
enum AppleSchemaProvenance {
    package static let description = "apple/device-management release b6202ca2 (iOS 18.1, macOS 15.1)"
}

extension Blackout {
    /// The blackout as the manifest records it: dates, or `MM-DD` days for a yearly one.
    var span: OutputManifest.BlackoutSpan {
        switch days {
        case .dates(let from, let to): .init(reason: reason, from: from.description, to: to.description)
        case .yearly(let from, let to): .init(reason: reason, from: from.description, to: to.description)
        }
    }
}
