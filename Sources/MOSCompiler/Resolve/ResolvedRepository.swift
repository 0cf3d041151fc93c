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
    /// The cohorts that resolve (their platform and osVersions are readable), in repository order.
    private let models: [CohortModel]
    /// By index in `repository.cohorts`: the cohort's place in `models`, or -1 when it does not resolve.
    private let modelSlots: [Int32]
    /// By place in `models`: the model's platform (what matching a policy's cohorts reads, without copying models).
    private let modelPlatforms: [Platform]
    /// Each distinct (platform, target text) resolved against the catalog once: every rule, and lowering, asks
    /// for a policy's target, and a catalog look-up per question dominated large repositories' validation.
    private let targets: [TargetKey: ResolvedTarget]
    /// Each distinct target text, parsed (nil when it does not parse); every rule about targets starts from it.
    private let requests: [String: TargetRequest?]
    /// Each distinct `legacy.timeZone`, resolved (nil when it names no zone).
    private let zones: [String: ZoneRules?]
    /// By index in `repository.policies`: its cohorts, deadlines, skipDays and blackouts, derived once (six rules
    /// and the planner ask for a policy's cohorts; each asking again by name was a measurable part of validation).
    private var policyFacts: [PolicyFacts] = []
    /// Settings' `skipDays` and `blackouts`, the default of every policy.
    private let settingsSkipDays: Set<Weekday>
    private let settingsBlackouts: [Blackout]
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
        let gates = options.gates
        let cohortCount = repository.cohorts.count
        // The cohorts resolve in chunks on every core while one job, started first as the longest, builds the
        // look-up tables: built on one thread after the cohorts, the tables were a serial step of every run.
        let chunks = workers > 1 ? min(cohortCount, workers * 2) : 1
        let parts = inParallel(chunks + 1, workers: workers) { job -> ResolvePart in
            guard job > 0 else { return .lookups(Lookups(repository, catalog: options.catalog)) }
            let range = chunkRange(job - 1, of: chunks, covering: cohortCount)
            var models: [CohortModel] = []
            var slots: [Int32] = []
            models.reserveCapacity(range.count)
            slots.reserveCapacity(range.count)
            // Cohorts repeat a handful of osVersions texts: each is parsed once per chunk.
            var ranges: [String: Result<VersionRange, VersionRange.ParseError>] = [:]
            for index in range {
                guard
                    let model = CohortModel(
                        repository.cohorts, at: index, gates: gates,
                        parse: { text in ranges.memo(text) { VersionRange.parse(text) } })
                else {
                    slots.append(-1)
                    continue
                }
                slots.append(Int32(truncatingIfNeeded: models.count))
                models.append(model)
            }
            return .models(models, slots: slots)
        }
        var models: [CohortModel] = []
        var modelSlots: [Int32] = []
        models.reserveCapacity(cohortCount)
        modelSlots.reserveCapacity(cohortCount)
        var lookups = Lookups()
        for part in parts {
            switch part {
            case .models(let chunk, let slots):
                let offset = Int32(truncatingIfNeeded: models.count)
                modelSlots += slots.map { $0 < 0 ? -1 : $0 + offset }
                models += chunk
            case .lookups(let built): lookups = built
            }
        }
        self.models = models
        self.modelSlots = modelSlots
        self.modelPlatforms = models.map(\.platform)
        self.cohortIndex = lookups.byName
        self.firstCohorts = lookups.firstCohorts
        self.targets = lookups.targets
        self.requests = lookups.requests
        self.zones = lookups.zones
        self.settingsSkipDays = Set(repository.settings.first?.skipDays?.days.map(\.value) ?? [])
        self.settingsBlackouts = repository.settings.first?.blackouts.map(\.value) ?? []
        let partial = self
        // One job per policy, each borrowing its policy: chunks of copied policies cost more than the facts.
        self.policyFacts = inParallel(repository.policies.count, workers: workers) {
            partial.deriveFacts(of: repository.policies[$0])
        }
    }

    /// A job of Resolve's first parallel step: a run of resolved cohorts, or the look-up tables.
    private enum ResolvePart: Sendable {
        /// The chunk's cohorts that resolve, and each cohort's place among them (-1: it does not resolve).
        case models([CohortModel], slots: [Int32])
        case lookups(Lookups)
    }

    /// The tables Resolve builds from the syntax alone: cohorts by name, targets, zones.
    private struct Lookups: Sendable {
        var byName: [String: Int] = [:]
        var firstCohorts: [Int] = []
        var targets: [TargetKey: ResolvedTarget] = [:]
        var requests: [String: TargetRequest?] = [:]
        var zones: [String: ZoneRules?] = [:]

        init() {}

        init(_ repository: RepositorySyntax, catalog: OSCatalog) {
            byName.reserveCapacity(repository.cohorts.count)
            firstCohorts.reserveCapacity(repository.cohorts.count)
            for index in repository.cohorts.indices {
                guard let name = repository.cohorts[index].name?.value, byName[name] == nil else { continue }
                byName[name] = firstCohorts.count
                firstCohorts.append(index)
            }
            for policy in repository.policies {
                if let zone = policy.legacy?.timeZone?.value { _ = zones.memo(zone) { ZoneRules.named(zone) } }
                guard let text = policy.target?.version?.value else { continue }
                let request = requests.memo(text) { TargetRequest(text) }
                guard let platform = policy.platform?.value, let request else { continue }
                let key = TargetKey(platform: platform, text: text)
                guard targets[key] == nil, let target = catalog.resolve(request, platform: platform) else {
                    continue
                }
                targets[key] = target
            }
        }
    }

    /// What Resolve derives for one policy. A class: rules ask for one fact at a time, and as a struct each
    /// question copied all of them (a reference count per array).
    private final class PolicyFacts: Sendable {
        /// Its resolved cohorts in ring order: the index in `policy.cohorts`, and in `narrowed` for a track, else
        /// in the repository's models.
        let cohorts: [(reference: Int, model: Int)]
        /// For a track: its cohorts narrowed to the track's major; nil for any other policy.
        let narrowed: [CohortModel]?
        let deadlines: RingDeadlines
        let skipDays: Set<Weekday>
        let blackouts: [Blackout]

        init(
            cohorts: [(reference: Int, model: Int)], narrowed: [CohortModel]?, deadlines: RingDeadlines,
            skipDays: Set<Weekday>, blackouts: [Blackout]
        ) {
            self.cohorts = cohorts
            self.narrowed = narrowed
            self.deadlines = deadlines
            self.skipDays = skipDays
            self.blackouts = blackouts
        }
    }

    /// `policy`'s index in `policyFacts`; nil for a policy not parsed into this repository, such as one a test
    /// built by hand (its facts are derived on asking). Its place, not a hash: rules ask for every policy's facts.
    private func factsIndex(of policy: PolicySyntax) -> Int? {
        let index = policy.place
        guard policyFacts.indices.contains(index), repository.policies[index].isIdentical(to: policy) else {
            return nil
        }
        return index
    }

    /// The policy's references whose cohort exists, resolves and has the policy's platform: the position in
    /// `policy.cohorts` and the cohort's place in `models`.
    private func listedCohorts(of policy: PolicySyntax) -> [(reference: Int, model: Int)] {
        let platform = policy.platform?.value
        var listed: [(reference: Int, model: Int)] = []
        listed.reserveCapacity(policy.cohorts.count)
        for position in policy.cohorts.indices {
            // Only the platform is read here: a copy of each model was most of deriving a policy's facts.
            guard let index = cohortIndex(named: policy.cohorts[position].name.value),
                case let slot = Int(modelSlots[index]), slot >= 0,
                platform.map({ $0 == modelPlatforms[slot] }) ?? true
            else { continue }
            listed.append((position, slot))
        }
        return listed
    }

    private func deriveFacts(of policy: PolicySyntax) -> PolicyFacts {
        let major = policy.track == nil ? nil : trackMajor(of: policy)
        var cohorts = listedCohorts(of: policy)
        var narrowed: [CohortModel]?
        if policy.track != nil {
            // A track judges and plans only its major's devices; a cohort with none of them is not its concern
            // (and without a known major, none is).
            var kept: [CohortModel] = []
            var keptPairs: [(reference: Int, model: Int)] = []
            if let major {
                for (position, slot) in cohorts {
                    var cohort = models[slot]
                    cohort.range = cohort.range.clipped(atOrAbove: OSVersion(major))
                        .clipped(below: OSVersion(major + 1))
                    guard !cohort.range.isEmpty else { continue }
                    keptPairs.append((position, kept.count))
                    kept.append(cohort)
                }
            }
            cohorts = keptPairs
            narrowed = kept
        }
        // Most policies take Settings' skipDays and blackouts: those are shared, not copied per policy.
        let skipDays = policy.skipDays.map { Set($0.days.map(\.value)) } ?? settingsSkipDays
        let blackouts =
            policy.blackouts.isEmpty ? settingsBlackouts : settingsBlackouts + policy.blackouts.map(\.value)
        return PolicyFacts(
            cohorts: cohorts, narrowed: narrowed,
            deadlines: deriveRingDeadlines(of: policy, skipDays: skipDays, blackouts: blackouts),
            skipDays: skipDays, blackouts: blackouts)
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
        cohortIndex[name].flatMap { cohortModel(at: firstCohorts[$0]) }
    }

    /// The cohort at `index` in `repository.cohorts`, resolved; nil when it cannot be resolved.
    public func cohortModel(at index: Int) -> CohortModel? {
        let slot = Int(modelSlots[index])
        return slot < 0 ? nil : models[slot]
    }

    /// Every cohort name, unsorted.
    public var cohortNames: Dictionary<String, Int>.Keys { cohortIndex.keys }

    /// The single Settings document, if there is exactly one or more (the first).
    public var settings: SettingsSyntax? { repository.settings.first }

    /// The resolved cohorts a policy targets, in ring order, with their references (unknown names skipped, and
    /// cohorts of another platform: MOS204 is their one diagnostic, and rules judging the policy's cohorts would
    /// otherwise report the same mistake again, e.g. as a missing time zone).
    public func cohorts(of policy: PolicySyntax) -> ResolvedCohorts {
        let facts = factsIndex(of: policy).map { policyFacts[$0] } ?? deriveFacts(of: policy)
        return ResolvedCohorts(references: policy.cohorts, pairs: facts.cohorts, models: facts.narrowed ?? models)
    }

    /// For a track, the cohorts of its whole policy, not narrowed to the track's major (what the policy's shared
    /// options, such as `legacy.timeZone`, are judged against); for any other policy `cohorts(of:)`.
    public func cohortsAcrossTracks(of policy: PolicySyntax) -> ResolvedCohorts {
        guard policy.track != nil else { return cohorts(of: policy) }
        return ResolvedCohorts(references: policy.cohorts, pairs: listedCohorts(of: policy), models: models)
    }

    /// The OS major a track keeps its devices on: its target's (`latest-15`, `15.7.2`, `26.3.1 (a)`), or what a
    /// bare `latest` resolved to (MOS238 refuses that form in a track); nil when neither is known.
    public func trackMajor(of policy: PolicySyntax) -> Int? {
        if let text = policy.target?.version?.value, let major = targetRequest(text)?.major { return major }
        return target(of: policy)?.version.major
    }

    /// The policy's target resolved against the catalog; nil when the platform or version is missing or
    /// unreadable, or a `latest` form matches no release.
    public func target(of policy: PolicySyntax) -> ResolvedTarget? {
        guard let platform = policy.platform?.value, let text = policy.target?.version?.value else { return nil }
        return targets[TargetKey(platform: platform, text: text)]
    }

    /// The weekdays the policy's computed deadlines avoid: its own `skipDays`, else Settings'.
    public func skipDays(of policy: PolicySyntax) -> Set<Weekday> {
        factsIndex(of: policy).map { policyFacts[$0].skipDays } ?? deriveFacts(of: policy).skipDays
    }

    /// The change freezes and holidays the policy's computed deadlines avoid: Settings' and its own.
    public func blackouts(of policy: PolicySyntax) -> [Blackout] {
        factsIndex(of: policy).map { policyFacts[$0].blackouts } ?? deriveFacts(of: policy).blackouts
    }

    /// The policy's own deadline and each ring's effective one (its override, else the policy's), in ring order,
    /// through `resolveDeadline` with the policy's target, skipDays and blackouts, a ring offset counting from the
    /// ring before: the one derivation validation and lowering share.
    public func ringDeadlines(of policy: PolicySyntax) -> RingDeadlines {
        factsIndex(of: policy).map { policyFacts[$0].deadlines } ?? deriveFacts(of: policy).deadlines
    }

    /// The policy's written-out deadlines (its own and its rings' overrides) that resolve and fall on a day before
    /// `date`, once per place written: the target was not yet available then.
    public func writtenDeadlines(of policy: PolicySyntax, before date: LocalDate)
        -> [(location: SourceMark, value: LocalDateTime)]
    {
        let deadlines = ringDeadlines(of: policy)
        var early: [(location: SourceMark, value: LocalDateTime)] = []
        func consider(_ syntax: DeadlineSyntax?, _ result: Result<ResolvedDeadline, DeadlineProblem>?) {
            // An alias can place one written deadline twice: it is judged once.
            guard let text = syntax?.wallTimeText, case .success(let resolved)? = result, !resolved.isComputed,
                resolved.value.date < date, !early.contains(where: { $0.location == text.location })
            else { return }
            early.append((text.location, resolved.value))
        }
        consider(policy.deadline, deadlines.policy)
        for reference in policy.cohorts { consider(reference.deadline, deadlines.override(reference.ring)) }
        return early
    }

    private func deriveRingDeadlines(of policy: PolicySyntax, skipDays: Set<Weekday>, blackouts: [Blackout])
        -> RingDeadlines
    {
        let target = target(of: policy)
        let own = policy.deadline.map {
            resolveDeadline($0, target: target, skipDays: skipDays, blackouts: blackouts)
        }
        var rings: [(ring: Int, result: Result<ResolvedDeadline, DeadlineProblem>)] = []
        var previous = own.flatMap { try? $0.get() }
        for reference in policy.cohorts {
            guard let syntax = reference.deadline else {
                previous = own.flatMap { try? $0.get() }
                continue
            }
            let result = resolveDeadline(
                syntax, target: target, skipDays: skipDays, blackouts: blackouts, previousRing: previous,
                hasPreviousRing: reference.ring > 0)
            rings.append((reference.ring, result))
            previous = try? result.get()
        }
        return RingDeadlines(policy: own, rings: rings)
    }
}

/// A policy's deadlines as `ResolvedRepository.ringDeadlines(of:)` derives them.
public struct RingDeadlines: Sendable {
    /// The policy's own `deadline`; nil when it has none.
    public var policy: Result<ResolvedDeadline, DeadlineProblem>?
    /// The rings with an override, in ring order (a list: Resolve keeps every policy's, and a dictionary per
    /// policy was most of their memory).
    private var rings: [(ring: Int, result: Result<ResolvedDeadline, DeadlineProblem>)]

    init(
        policy: Result<ResolvedDeadline, DeadlineProblem>?,
        rings: [(ring: Int, result: Result<ResolvedDeadline, DeadlineProblem>)]
    ) {
        self.policy = policy
        self.rings = rings
    }

    /// The override of `ring` (its position in `cohorts:`); nil for a ring without one.
    public func override(_ ring: Int) -> Result<ResolvedDeadline, DeadlineProblem>? {
        rings.first { $0.ring == ring }?.result
    }

    /// The override of `ring` when it resolved; nil when it has none or it does not resolve.
    public func resolvedOverride(_ ring: Int) -> ResolvedDeadline? {
        override(ring).flatMap { try? $0.get() }
    }

    /// The effective deadline of `ring`: its override, else the policy's; nil when it does not resolve.
    public func effective(_ ring: Int) -> ResolvedDeadline? {
        if let override = override(ring) { return try? override.get() }
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

/// A policy's resolved cohorts in ring order, each with its reference, read from the policy and Resolve's models
/// as they are asked for: several rules ask per policy, and an array built per question was a measurable part of
/// checking a large repository.
public struct ResolvedCohorts: RandomAccessCollection, Sendable {
    private let references: [CohortReferenceSyntax]
    private let pairs: [(reference: Int, model: Int)]
    private let models: [CohortModel]

    init(references: [CohortReferenceSyntax], pairs: [(reference: Int, model: Int)], models: [CohortModel]) {
        self.references = references
        self.pairs = pairs
        self.models = models
    }

    /// The first position.
    public var startIndex: Int { 0 }
    /// One past the last position.
    public var endIndex: Int { pairs.count }

    /// The cohort at `position`, with the reference that names it.
    public subscript(position: Int) -> (reference: CohortReferenceSyntax, cohort: CohortModel) {
        (references[pairs[position].reference], models[pairs[position].model])
    }
}
