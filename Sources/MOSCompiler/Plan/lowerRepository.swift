public import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Lowers a repository that validated without errors into the plan model: the Plan stage's first step, reading
/// only the resolved repository. A policy that cannot be planned (a value validation would have reported is
/// missing) is reported as `MOS302` at the policy; the result is nil when any was.
public func lowerRepository(_ resolved: ResolvedRepository, diagnostics: inout DiagnosticBag) -> PlanIR? {
    let prefix = resolved.settings?.identifierPrefix?.value ?? "mosc"
    var plans: [CohortPlanIR] = []
    // A policy with tracks: each cohort's plan per track, merged into one plan per cohort below.
    var trackPlans: [String: [(major: Int, plan: CohortPlanIR)]] = [:]
    var refused = false
    // Sized once: a plan is large, and a doubling array briefly holds two copies at the compile's peak memory.
    plans.reserveCapacity(resolved.repository.policies.reduce(0) { $0 + $1.cohorts.count })
    for policy in resolved.repository.policies {
        func refuse(_ why: String) {
            let name = policy.name.map { " '\($0.value)'" } ?? ""
            diagnostics.emit(.policyNotPlanned, "cannot plan policy\(name): \(why)", at: policy.location)
            refused = true
        }
        guard let name = policy.name?.value else {
            refuse("it has no name")
            continue
        }
        guard let target = resolved.target(of: policy) else {
            refuse("its target does not resolve against the catalog")
            continue
        }
        let deadlines = resolved.ringDeadlines(of: policy)
        let blackouts = resolved.blackouts(of: policy)
        guard let policyDeadline = deadlines.policy.flatMap({ try? $0.get() }) else {
            refuse("its deadline does not resolve")
            continue
        }
        // Written out, the version stays as written; a `latest` form becomes the release it resolved to.
        // A Background Security Improvement is named as devices report it ("26.3.1 (a)"), its build from the catalog.
        let improvementBase = target.request.securityImprovement.map { $0.base.description }
        let version =
            target.request.isLatest || improvementBase != nil
            ? target.name : policy.target?.version?.value
        let build = target.improvement?.build ?? policy.target?.build?.value
        let settings = policy.settings.map(lowerSettings)
        for (reference, cohort) in resolved.cohorts(of: policy) {
            guard let resolvedDeadline = deadlines.effective(reference.ring) else {
                refuse("the deadline of cohort '\(cohort.name)' does not resolve")
                continue
            }
            let deadline = resolvedDeadline.value
            var legacy: LegacyOptionsIR?
            if cohort.paths.hasLegacy {
                guard let zone = policy.legacy?.timeZone.flatMap({ resolved.zone(named: $0.value) }) else {
                    refuse("cohort '\(cohort.name)' has pre-DDM devices and the policy names no known legacy.timeZone")
                    continue
                }
                let written = policy.legacy?.downloadLeadTime.map(\.value)
                let lead = written.flatMap { DurationSpec.parse($0, allowingZero: true).value }
                legacy = LegacyOptionsIR(
                    timeZone: zone,
                    installAction: policy.legacy?.installAction?.value ?? .installASAP,
                    maxUserDeferrals: policy.legacy?.maxUserDeferrals?.value,
                    priority: policy.legacy?.priority?.value,
                    downloadLeadTime: written == nil ? LegacyOptionsIR.defaultDownloadLeadTime : lead?.nonZero)
            }
            plans.append(
                CohortPlanIR(
                    cohort: cohort, policy: name, ring: reference.ring,
                    targetVersion: version ?? target.version.description, targetRequest: target.latestRequest,
                    targetBuild: build, deadline: deadline,
                    detailsURL: policy.detailsURL?.value, settings: settings, legacy: legacy,
                    securityImprovementBase: improvementBase))
            plans[plans.count - 1].deadlineMoved = resolvedDeadline.movedFrom.map {
                DeadlineMove(from: $0, by: resolvedDeadline.movedBy?.description ?? "skipDays")
            }
            plans[plans.count - 1].blackouts = blackouts
            if policy.track != nil, let major = resolved.trackMajor(of: policy), let plan = plans.popLast() {
                trackPlans[cohort.name, default: []].append((major, plan))
            }
        }
    }
    for (name, tracks) in trackPlans {
        guard let cohort = resolved.cohortModel(named: name) else { continue }
        plans.append(mergeTracks(tracks, of: cohort))
    }
    if refused { return nil }
    plans.sort { $0.cohort.name < $1.cohort.name }
    return PlanIR(identifierPrefix: prefix, cohorts: plans)
}

/// One plan for a cohort of a policy with tracks: its primary track's target, deadline and legacy options (the
/// track its pre-DDM devices follow, else the newest), and every track by major.
private func mergeTracks(_ tracks: [(major: Int, plan: CohortPlanIR)], of cohort: CohortModel) -> CohortPlanIR {
    let sorted = tracks.sorted { $0.major < $1.major }
    let primary = sorted.first { $0.plan.cohort.paths.hasLegacy } ?? sorted[sorted.count - 1]
    var merged = primary.plan
    merged.cohort = cohort
    if !primary.plan.cohort.paths.hasLegacy { merged.legacy = nil }
    merged.tracks = sorted.map { TrackIR(major: $0.major, plan: $0.plan) }
    return merged
}

/// Builds the nested settings payload from the flat Apple key paths.
func lowerSettings(_ settings: UpdateSettingsSyntax) -> [String: JSONValue] {
    var payload: [String: JSONValue] = [:]
    for entry in settings.entries {
        let path = entry.applePath.split(separator: ".").map(String.init)
        payload = inserting(JSONValue(entry.value), at: path[...], into: payload)
    }
    return payload
}

private func inserting(_ value: JSONValue, at path: ArraySlice<String>, into object: [String: JSONValue])
    -> [String: JSONValue]
{
    guard let head = path.first else { return object }
    var copy = object
    if path.count == 1 {
        copy[head] = value
    } else {
        var child: [String: JSONValue] = [:]
        if case .object(let existing)? = object[head] { child = existing }
        copy[head] = .object(inserting(value, at: path.dropFirst(), into: child))
    }
    return copy
}

extension LegacyOptionsIR {
    /// The default lead time of the download step: 3 days.
    public static let defaultDownloadLeadTime = DurationSpec(constantDays: 3)
}
