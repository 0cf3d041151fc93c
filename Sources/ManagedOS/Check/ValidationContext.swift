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

    /// Derives the shared facts.
    public init(repository: RepositorySyntax, options: CompilerOptions) {
        self.repository = repository
        self.options = options
        var byName: [String: CohortSyntax] = [:]
        var models: [String: CohortModel] = [:]
        for cohort in repository.cohorts {
            guard let name = cohort.name?.value, byName[name] == nil else { continue }
            byName[name] = cohort
            models[name] = CohortModel(cohort, gates: options.gates)
        }
        self.cohortsByName = byName
        self.cohortModels = models
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
        guard let platform = policy.platform?.value, let text = policy.target?.version?.value,
            let request = TargetRequest(text)
        else { return nil }
        return options.catalog.resolve(request, platform: platform)
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
