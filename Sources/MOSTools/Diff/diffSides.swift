import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Compares two sides cohort by cohort: the manifests first (by cohort name, through dictionaries), then only
/// the artifacts whose SHA-256 differs, decoded structurally.
func diffSides(_ base: CompiledSide, _ head: CompiledSide, options: DiffOptions) -> RolloutDiff {
    let notice = options.minimumNoticeSeconds ?? head.minimumNoticeSeconds ?? DiffOptions.defaultMinimumNoticeSeconds
    let judge = RiskJudge(now: options.now, minimumNoticeSeconds: notice, imminentSeconds: options.imminentSeconds)
    let baseCohorts = base.manifest.cohorts
    let headCohorts = head.manifest.cohorts
    var cohorts: [RolloutDiff.CohortDiff] = []
    var risks: [RolloutDiff.Risk] = []
    var unchanged = 0
    for name in Set(baseCohorts.keys).union(headCohorts.keys).sorted() {
        let before = baseCohorts[name]
        let after = headCohorts[name]
        if let before, let after, before == after {
            unchanged += 1
            continue
        }
        let pair = CohortPair(name: name, base: base, head: head, before: before, after: after)
        let diff = pair.compare()
        guard let diff else {
            unchanged += 1
            continue
        }
        cohorts.append(diff)
        risks += judge.risks(diff, pair)
    }
    risks.sort { ($0.cohort, $0.code.rawValue, $0.message) < ($1.cohort, $1.code.rawValue, $1.message) }
    let summary = RolloutDiff.Summary(
        added: cohorts.filter { $0.change == .added }.count,
        removed: cohorts.filter { $0.change == .removed }.count,
        changed: cohorts.filter { $0.change == .changed }.count, unchanged: unchanged,
        resync: cohorts.filter(\.resync.any).map(\.cohort),
        errors: risks.filter { $0.severity == .error }.count, warnings: risks.filter { $0.severity == .warning }.count)
    return RolloutDiff(
        now: options.now.iso8601, minimumNotice: notice > 0 ? DiffText.duration(notice) : "off",
        base: .init(label: base.label, kind: base.kind, cohorts: baseCohorts.count),
        head: .init(label: head.label, kind: head.kind, cohorts: headCohorts.count), cohorts: cohorts, risks: risks,
        summary: summary)
}

extension RolloutDiff.Facts {
    /// The facts a manifest cohort states.
    init(_ cohort: OutputManifest.Cohort) {
        self.init(
            policy: cohort.policy, ring: cohort.ring, platform: cohort.platform, enrollment: cohort.enrollment,
            paths: cohort.paths, targetVersion: cohort.targetVersion, targetBuild: cohort.targetBuild,
            deadline: cohort.deadline, timeZone: cohort.timeZone)
    }
}
