/// What every rule reads: the repository's syntax plus facts derived once (cohorts by name, resolved cohorts).
public struct ValidationContext: Sendable {
    /// The repository as read.
    public let repository: RepositorySyntax
    /// The options of this run.
    public let options: CompilerOptions
    /// The first cohort of each name.
    public let cohortsByName: [String: CohortSyntax]
    /// Resolved cohorts by name (cohorts whose name, platform and osVersions are readable).
    public let cohortModels: [String: CohortModel]
    /// Each distinct (platform, target text) resolved against the catalog once: every rule, and lowering, asks
    /// for a policy's target, and a catalog look-up per question dominated large repositories' validation.
    private let targets: [TargetKey: ResolvedTarget]

    private struct TargetKey: Hashable {
        var platform: Platform
        var text: String
    }

    /// Derives the shared facts.
    public init(repository: RepositorySyntax, options: CompilerOptions) {
        self.repository = repository
        self.options = options
        var byName: [String: CohortSyntax] = [:]
        var models: [String: CohortModel] = [:]
        byName.reserveCapacity(repository.cohorts.count)
        models.reserveCapacity(repository.cohorts.count)
        for cohort in repository.cohorts {
            guard let name = cohort.name?.value, byName[name] == nil else { continue }
            byName[name] = cohort
            models[name] = CohortModel(cohort, gates: options.gates)
        }
        self.cohortsByName = byName
        self.cohortModels = models
        var targets: [TargetKey: ResolvedTarget] = [:]
        for policy in repository.policies {
            guard let platform = policy.platform?.value, let text = policy.target?.version?.value else { continue }
            let key = TargetKey(platform: platform, text: text)
            guard targets[key] == nil, let request = TargetRequest(text),
                let target = options.catalog.resolve(request, platform: platform)
            else { continue }
            targets[key] = target
        }
        self.targets = targets
    }

    /// The single Settings document, if there is exactly one or more (the first).
    public var settings: SettingsSyntax? { repository.settings.first }

    /// The resolved cohorts a policy targets, in ring order, with their references (unknown names skipped).
    public func cohorts(of policy: PolicySyntax) -> [(reference: CohortReferenceSyntax, cohort: CohortModel)] {
        policy.cohorts.compactMap { reference in
            cohortModels[reference.name.value].map { (reference, $0) }
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

    /// One of the policy's deadlines (its own or a cohort's override) as a wall time, through `resolveDeadline`
    /// with the policy's target and skipDays: the call validation and lowering share.
    public func deadline(_ deadline: DeadlineSyntax, of policy: PolicySyntax)
        -> Result<ResolvedDeadline, DeadlineProblem>
    {
        resolveDeadline(deadline, target: target(of: policy), skipDays: skipDays(of: policy))
    }
}
