public import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The Resolve stage's value: the repository's syntax plus what it means, derived once — cohorts by name and
/// resolved (range, paths), targets resolved against the catalog, deadlines, time zones. Check's rules and the
/// planner both read it; neither derives these facts again.
public struct ResolvedRepository: Sendable {
    /// The repository as read.
    public let repository: RepositorySyntax
    /// The options of this run.
    public let options: CompilerOptions
    /// Each cohort name's slot in `firstCohorts` (not a copy of the cohort: at 10,000 policies copies were a
    /// seventh of `compile`'s peak memory).
    private let cohortIndex: [String: Int]
    /// By slot: the index in `repository.cohorts` of the first cohort of that name.
    private let firstCohorts: [Int]
    /// By index in `repository.cohorts`: the resolved cohort (nil when its platform or osVersions is unreadable).
    private let models: [CohortModel?]
    /// Each distinct (platform, target text) resolved against the catalog once: every rule, and lowering, asks
    /// for a policy's target, and a catalog look-up per question dominated large repositories' validation.
    private let targets: [TargetKey: ResolvedTarget]
    /// Each distinct target text, parsed (nil when it does not parse); every rule about targets starts from it.
    private let requests: [String: TargetRequest?]
    /// Each distinct `legacy.timeZone`, resolved (nil when it names no zone).
    private let zones: [String: ZoneRules?]

    private struct TargetKey: Hashable {
        package var platform: Platform
        package var text: String
    }

    /// Resolves `repository` (the Resolve stage's entry point is `resolveRepository`).
    public init(repository: RepositorySyntax, options: CompilerOptions) {
        self.init(repository: repository, options: options, workers: defaultWorkerCount)
    }

    /// Derives the shared facts, resolving cohorts on `workers` threads.
    package init(repository: RepositorySyntax, options: CompilerOptions, workers: Int) {
        self.repository = repository
        self.options = options
        var byName: [String: Int] = [:]
        var firstCohorts: [Int] = []
        byName.reserveCapacity(repository.cohorts.count)
        firstCohorts.reserveCapacity(repository.cohorts.count)
        for index in repository.cohorts.indices {
            guard let name = repository.cohorts[index].name?.value, byName[name] == nil else { continue }
            byName[name] = firstCohorts.count
            firstCohorts.append(index)
        }
        self.cohortIndex = byName
        self.firstCohorts = firstCohorts
        let gates = options.gates
        self.models = inParallelChunks(Array(repository.cohorts.indices), workers: workers) {
            CohortModel(repository.cohorts[$0], gates: gates)
        }
        var targets: [TargetKey: ResolvedTarget] = [:]
        var requests: [String: TargetRequest?] = [:]
        var zones: [String: ZoneRules?] = [:]
        for policy in repository.policies {
            if let zone = policy.legacy?.timeZone?.value { _ = zones.memo(zone) { ZoneRules.named(zone) } }
            guard let text = policy.target?.version?.value else { continue }
            let request = requests.memo(text) { TargetRequest(text) }
            guard let platform = policy.platform?.value, let request else { continue }
            let key = TargetKey(platform: platform, text: text)
            guard targets[key] == nil, let target = options.catalog.resolve(request, platform: platform) else {
                continue
            }
            targets[key] = target
        }
        self.targets = targets
        self.requests = requests
        self.zones = zones
    }

    /// `TargetRequest(text)`, parsed once per distinct target text of the repository.
    public func targetRequest(_ text: String) -> TargetRequest? {
        requests[text] ?? TargetRequest(text)
    }

    /// `ZoneRules.named(name)`, looked up once per distinct `legacy.timeZone` of the repository (a look-up in the
    /// time zone database per policy was a measurable part of two rules and of lowering).
    public func zone(named name: String) -> ZoneRules? {
        zones[name] ?? ZoneRules.named(name)
    }

    /// The index in `repository.cohorts` of the first cohort named `name` (a rule reading one field there copies
    /// no whole cohort).
    public func cohortIndex(named name: String) -> Int? {
        cohortIndex[name].map { firstCohorts[$0] }
    }

    /// The first cohort named `name`.
    public func cohort(named name: String) -> CohortSyntax? {
        cohortIndex[name].map { repository.cohorts[firstCohorts[$0]] }
    }

    /// The first cohort named `name`, resolved; nil when there is none or it cannot be resolved.
    public func cohortModel(named name: String) -> CohortModel? {
        cohortIndex[name].flatMap { models[firstCohorts[$0]] }
    }

    /// The cohort at `index` in `repository.cohorts`, resolved; nil when it cannot be resolved.
    public func cohortModel(at index: Int) -> CohortModel? { models[index] }

    /// Every cohort name, unsorted.
    public var cohortNames: Dictionary<String, Int>.Keys { cohortIndex.keys }

    /// The single Settings document, if there is exactly one or more (the first).
    public var settings: SettingsSyntax? { repository.settings.first }

    /// The resolved cohorts a policy targets, in ring order, with their references (unknown names skipped, and
    /// cohorts of another platform: MOS204 is their one diagnostic, and rules judging the policy's cohorts would
    /// otherwise report the same mistake again, e.g. as a missing time zone).
    public func cohorts(of policy: PolicySyntax) -> [(reference: CohortReferenceSyntax, cohort: CohortModel)] {
        let platform = policy.platform?.value
        return policy.cohorts.compactMap { reference in
            guard let cohort = cohortModel(named: reference.name.value), platform.map({ $0 == cohort.platform }) ?? true
            else { return nil }
            return (reference, cohort)
        }
    }

    /// The policy's target resolved against the catalog; nil when the platform or version is missing or
    /// unreadable, or a `latest` form matches no release.
    public func target(of policy: PolicySyntax) -> ResolvedTarget? {
        guard let platform = policy.platform?.value, let text = policy.target?.version?.value else { return nil }
        return targets[TargetKey(platform: platform, text: text)]
    }

    /// The weekdays the policy's computed deadlines avoid: its own `skipDays`, else Settings'.
    public func skipDays(of policy: PolicySyntax) -> Set<Weekday> {
        Set((policy.skipDays ?? settings?.skipDays)?.days.map(\.value) ?? [])
    }

    /// The change freezes and holidays the policy's computed deadlines avoid: Settings' and its own.
    public func blackouts(of policy: PolicySyntax) -> [Blackout] {
        ((settings?.blackouts ?? []) + policy.blackouts).map(\.value)
    }

    /// The policy's own deadline and each ring's effective one (its override, else the policy's), in ring order,
    /// through `resolveDeadline` with the policy's target, skipDays and blackouts, a ring offset counting from the
    /// ring before: the one derivation validation and lowering share.
    public func ringDeadlines(of policy: PolicySyntax) -> RingDeadlines {
        let target = target(of: policy)
        let skipDays = skipDays(of: policy)
        let blackouts = blackouts(of: policy)
        let own = policy.deadline.map {
            resolveDeadline($0, target: target, skipDays: skipDays, blackouts: blackouts)
        }
        var rings: [Int: Result<ResolvedDeadline, DeadlineProblem>] = [:]
        var previous = own.flatMap { try? $0.get() }
        for reference in policy.cohorts {
            guard let syntax = reference.deadline else {
                previous = own.flatMap { try? $0.get() }
                continue
            }
            let result = resolveDeadline(
                syntax, target: target, skipDays: skipDays, blackouts: blackouts, previousRing: previous,
                hasPreviousRing: reference.ring > 0)
            rings[reference.ring] = result
            previous = try? result.get()
        }
        return RingDeadlines(policy: own, overrides: rings)
    }
}

/// A policy's deadlines as `ResolvedRepository.ringDeadlines(of:)` derives them.
public struct RingDeadlines: Sendable {
    /// The policy's own `deadline`; nil when it has none.
    public var policy: Result<ResolvedDeadline, DeadlineProblem>?
    /// Each ring's override by its ring (its position in `cohorts:`); absent for a ring without one.
    public var overrides: [Int: Result<ResolvedDeadline, DeadlineProblem>]

    /// The effective deadline of `ring`: its override, else the policy's; nil when it does not resolve.
    public func effective(_ ring: Int) -> ResolvedDeadline? {
        if let override = overrides[ring] { return try? override.get() }
        return policy.flatMap { try? $0.get() }
    }
}

/// The rules' name for the resolved repository: a rule checks what Resolve derived.
public typealias ValidationContext = ResolvedRepository

/// The Resolve stage: resolves cohorts, targets, deadlines and zones of a parsed repository, once, on `workers`
/// threads.
package func resolveRepository(_ repository: RepositorySyntax, options: CompilerOptions, workers: Int)
    -> ResolvedRepository
{
    ResolvedRepository(repository: repository, options: options, workers: workers)
}
