import Dispatch
public import MOSBasics
public import MOSDomain
public import MOSOutput

// Plan and Emit, composed cohort by cohort: a cohort is planned (`planCohort`: every gate read, every refusal
// reported) and then written (`emitCohort`: bytes only), a batch of cohorts at a time, so a compile holds one
// batch's files rather than the whole tree.

/// Plans and emits every cohort and the manifest, in memory (tests, `diff`, `status`).
public func planAndEmit(
    _ plan: PlanIR, provenance: CompileProvenance, gates: SoftwareUpdateGates, diagnostics: inout DiagnosticBag
) -> CompiledOutput {
    var tree = OutputTree()
    var cohorts: [String: OutputManifest.Cohort] = [:]
    let header = manifestHeader(plan, provenance: provenance)
    var manifest = ManifestStream(header: header)
    var manifestBytes: [UInt8] = []
    forEachCohort(plan, provenance: provenance, gates: gates, diagnostics: &diagnostics) { emitted in
        for file in emitted.files { tree.add(file.path, file.bytes) }
        cohorts[emitted.name] = emitted.entry
        manifest.add(entry: emitted.manifestEntry)
        manifestBytes += manifest.take()
    }
    manifestBytes += manifest.finish()
    tree.add("manifest.json", manifestBytes)
    tree.add(OutputMarker.fileName, OutputMarker.current.bytes)
    reportRejected(tree.rejectedPaths, into: &diagnostics)
    var full = header
    full.cohorts = cohorts
    return CompiledOutput(tree: tree, manifest: full)
}

/// Plans and emits every cohort straight into `staged` as each cohort is done, `manifest.json` in chunks, so
/// memory holds one cohort's files at a time; the caller commits or discards `staged`.
public func planAndEmit(
    _ plan: PlanIR, provenance: CompileProvenance, gates: SoftwareUpdateGates, into staged: inout StagedOutput,
    diagnostics: inout DiagnosticBag
) throws(CompilerError) -> EmitSummary {
    var manifest = ManifestStream(header: manifestHeader(plan, provenance: provenance))
    var manifestStarted = false
    var cohortCount = 0
    try forEachCohort(plan, provenance: provenance, gates: gates, diagnostics: &diagnostics) {
        (emitted) throws(CompilerError) in
        for file in emitted.files { try staged.add(file.path, file.bytes) }
        manifest.add(entry: emitted.manifestEntry)
        cohortCount += 1
        if manifest.pendingCount >= 1 << 20 {
            try staged.append("manifest.json", manifest.take(), creating: !manifestStarted)
            manifestStarted = true
        }
    }
    try staged.append("manifest.json", manifest.finish(), creating: !manifestStarted)
    try staged.add(OutputMarker.fileName, OutputMarker.current.bytes)
    reportRejected(staged.rejectedPaths, into: &diagnostics)
    return EmitSummary(fileCount: staged.fileCount, cohortCount: cohortCount)
}

/// The manifest of a compile without keeping its files: `diff` compares two manifests and emits again only the
/// files whose hashes differ (`PlannedOutput`), so two large repositories never sit in memory as trees.
public func planAndEmitManifest(
    _ plan: PlanIR, provenance: CompileProvenance, gates: SoftwareUpdateGates, diagnostics: inout DiagnosticBag
) -> OutputManifest {
    var manifest = manifestHeader(plan, provenance: provenance)
    var rejected: [String] = []
    forEachCohort(plan, provenance: provenance, gates: gates, withEntries: false, diagnostics: &diagnostics) {
        emitted in
        manifest.cohorts[emitted.name] = emitted.entry
        rejected += emitted.files.map(\.path).filter { !OutputTree.isSafe($0) }
    }
    reportRejected(rejected, into: &diagnostics)
    return manifest
}

/// A compile's plan, from which any of its cohort files can be emitted again, byte for byte.
public struct PlannedOutput: Sendable {
    /// The plan; its cohorts in manifest order.
    package let plan: PlanIR
    package let provenance: CompileProvenance
    package let gates: SoftwareUpdateGates

    /// Keeps what emitting needs.
    public init(plan: PlanIR, provenance: CompileProvenance, gates: SoftwareUpdateGates) {
        var ordered = plan
        ordered.cohorts = manifestOrder(plan.cohorts)
        self.plan = ordered
        self.provenance = provenance
        self.gates = gates
    }

    /// The bytes of `cohorts/<name>/…`, emitted again; nil for any other path (`manifest.json` included).
    public func file(_ path: String) -> [UInt8]? {
        if path == OutputMarker.fileName { return OutputMarker.current.bytes }
        let prefix = "cohorts/"
        guard path.hasPrefix(prefix) else { return nil }
        let name = String(path.dropFirst(prefix.count).prefix { $0 != "/" })
        // Binary search: the cohorts are sorted by name, and a diff may ask for files of every cohort.
        var low = 0
        var high = plan.cohorts.count
        while low < high {
            let middle = (low + high) / 2
            if plan.cohorts[middle].cohort.name < name { low = middle + 1 } else { high = middle }
        }
        guard low < plan.cohorts.count, plan.cohorts[low].cohort.name == name else { return nil }
        var scratch = DiagnosticBag()
        let planned = planCohort(
            plan.cohorts[low], identifierPrefix: plan.identifierPrefix, gates: gates, diagnostics: &scratch)
        return emitCohort(planned, provenance: provenance).files.first { $0.path == path }?.bytes
    }
}

/// Emits the cohorts in manifest order and hands each to `body`, in that order.
///
/// Emitting a cohort reads only the plan, and it is most of a compile's own work: cohorts are emitted a batch at
/// a time on every core, then handed over in order, so the output and diagnostics are the same as one by one
/// and memory holds two batches. The next batch is emitted while `body` takes the current one: writing a batch
/// is serial system calls, and waiting for them left a core idle for half of a large compile.
private func forEachCohort<Failure: Error>(
    _ plan: PlanIR, provenance: CompileProvenance, gates: SoftwareUpdateGates, withEntries: Bool = true,
    diagnostics: inout DiagnosticBag, _ body: (EmittedCohort) throws(Failure) -> Void
) throws(Failure) {
    let cohorts = manifestOrder(plan.cohorts)
    let batchSize = 256
    let workers = defaultWorkerCount
    let sources = diagnostics.sources
    @Sendable func emitBatch(from base: Int) -> [EmittedCohort] {
        inParallel(min(batchSize, cohorts.count - base), workers: workers) { offset in
            var bag = DiagnosticBag(sources: sources)
            let planned = planCohort(
                cohorts[base + offset], identifierPrefix: plan.identifierPrefix, gates: gates, diagnostics: &bag)
            var emitted = emitCohort(planned, provenance: provenance)
            if withEntries { emitted.manifestEntry = ManifestStream.entry(emitted.name, emitted.entry) }
            emitted.diagnostics = bag.diagnostics
            return emitted
        }
    }
    var start = 0
    var current = start < cohorts.count ? emitBatch(from: start) : []
    while !current.isEmpty {
        let nextStart = start + current.count
        let next = nextStart < cohorts.count ? Background(workers > 1) { emitBatch(from: nextStart) } : nil
        // However `body` ends, the batch being emitted is waited for: nothing outlives this call.
        defer { _ = next?.wait() }
        for emitted in current {
            diagnostics.append(contentsOf: emitted.diagnostics)
            try body(emitted)
        }
        current = next?.wait() ?? []
        start = nextStart
    }
}

/// A value computed on another thread while the caller goes on (or at once, on the caller's, when not `parallel`).
private final class Background<Value: Sendable>: @unchecked Sendable {
    // Written once by the computing thread before it leaves `done`; read only after `done.wait()`.
    private var value: Value?
    private let done = DispatchGroup()

    init(_ parallel: Bool, _ compute: @escaping @Sendable () -> Value) {
        guard parallel else {
            value = compute()
            return
        }
        done.enter()
        DispatchQueue.global().async {
            self.value = compute()
            self.done.leave()
        }
    }

    /// The value, once computed; later calls give nil.
    func wait() -> Value? {
        done.wait()
        defer { value = nil }
        return value
    }
}

/// The cohorts in the manifest's key order, each name once (the last plan wins, as a dictionary would keep it).
/// `PlanIR` is already sorted and validation refuses a cohort enforced twice; this keeps the stream right anyway.
private func manifestOrder(_ cohorts: [CohortPlanIR]) -> [CohortPlanIR] {
    let isSorted = zip(cohorts, cohorts.dropFirst()).allSatisfy { $0.cohort.name < $1.cohort.name }
    if isSorted { return cohorts }
    var ordered: [CohortPlanIR] = []
    let byName = cohorts.indices.sorted { (cohorts[$0].cohort.name, $0) < (cohorts[$1].cohort.name, $1) }
    for index in byName {
        if ordered.last?.cohort.name == cohorts[index].cohort.name { ordered.removeLast() }
        ordered.append(cohorts[index])
    }
    return ordered
}
