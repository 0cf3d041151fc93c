import MOSBasics

/// The `fleet:` blocks (for `mosc export fleet`): Settings' `fleet.cohorts` names existing cohorts, a cohort is mapped in one
/// place only, team and label names are names Fleet can hold, and no two cohorts share a team and label (a
/// Fleet label selects devices: two cohorts under one label would give the same devices two deadlines).
struct FleetMappingRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .fleetUnknownCohort, .fleetMappedTwice, .invalidFleetName, .fleetLabelShared,
    ]

    func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let repository = context.repository
        let settings = repository.settings.first?.fleet
        guard settings != nil || repository.cohorts.contains(where: { $0.fleet != nil }) else { return }
        let mapping = FleetMapping(repository)
        if let settings {
            checkName(settings.team, kind: "team", into: &diagnostics)
            var sortedNames: [String]?
            for entry in settings.cohorts {
                checkName(entry.target.team, kind: "team", into: &diagnostics)
                checkName(entry.target.label, kind: "label", into: &diagnostics)
                // With a file that failed to parse, the cohort may simply not have been read.
                guard context.cohortIndex(named: entry.cohort.value) == nil, !repository.isIncomplete else { continue }
                let names = sortedNames ?? Array(context.cohortNames).sorted()
                sortedNames = names
                diagnostics.emit(
                    .fleetUnknownCohort, "fleet.cohorts names unknown cohort '\(entry.cohort.value)'",
                    at: entry.cohort.location,
                    hint: NodeReader.suggestion(for: entry.cohort.value, among: names).map { "did you mean '\($0)'?" })
            }
        }
        checkSharedLabels(repository, mapping, into: &diagnostics)
        for cohort in repository.cohorts {
            guard let own = cohort.fleet, let name = cohort.name?.value else { continue }
            checkName(own.team, kind: "team", into: &diagnostics)
            checkName(own.label, kind: "label", into: &diagnostics)
            if let entry = mapping.entry(cohort: name) {
                diagnostics.emit(
                    .fleetMappedTwice,
                    "cohort '\(name)' has a fleet block and an entry under Settings' fleet.cohorts; keep one",
                    at: own.location, notes: [diagnostics.note("the Settings entry is here", at: entry.cohort.location)]
                )
            }
        }
    }

    /// Two cohorts with the same team and label, each reported where its label (else its team) is given.
    private func checkSharedLabels(
        _ repository: RepositorySyntax, _ mapping: FleetMapping, into diagnostics: inout DiagnosticBag
    ) {
        var first: [String: (cohort: String, location: SourceMark)] = [:]
        var seenNames: Set<String> = []
        for cohort in repository.cohorts {
            guard let name = cohort.name?.value, seenNames.insert(name).inserted else { continue }
            let target = mapping.target(cohort: name, own: cohort.fleet)
            guard let team = target.team?.value else { continue }
            let location = mapping.location(cohort: name, own: cohort.fleet) ?? cohort.location
            let key = "\(team)\u{0}\(target.label)"
            guard let earlier = first[key] else {
                first[key] = (name, location)
                continue
            }
            let pair = [earlier.cohort, name].sorted()
            diagnostics.emit(
                .fleetLabelShared,
                "cohorts '\(pair[0])' and '\(pair[1])' are both label '\(target.label)' in Fleet team '\(team)': "
                    + "their devices would take both enforcements",
                at: location,
                notes: [diagnostics.note("cohort '\(earlier.cohort)' is mapped here", at: earlier.location)])
        }
    }

    private func checkName(_ name: Located<String>?, kind: String, into diagnostics: inout DiagnosticBag) {
        guard let name, let problem = Self.problem(with: name.value) else { return }
        diagnostics.emit(.invalidFleetName, "Fleet \(kind) '\(name.value)' \(problem)", at: name.location)
    }

    /// Why Fleet cannot hold `name` as a team or label name, or nil when it can.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.utf8.count > 255 { return "is longer than 255 bytes" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "holds a control character"
        }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true {
            return "starts or ends with a space"
        }
        return nil
    }
}
