import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// A policy's cohorts must exist, share its platform, and be enforced by no other entry: a device follows
/// one deadline. A cohort no policy uses is worth a warning.
struct CohortReferenceRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .unknownCohort, .platformMismatch, .cohortEnforcedTwice, .unusedCohort,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let cohorts = context.repository.cohorts
        // Sorted once and only when a name is unknown: the suggestions need it, a valid repository does not.
        var sortedNames: [String]?
        // By the index of the cohort a name finds: a slot rather than hashing each name again.
        var enforcedBy = [(policy: String, location: SourceMark)?](repeating: nil, count: cohorts.count)
        var policyNames: Set<String> = []
        policyNames.reserveCapacity(context.repository.policies.count)
        // A policy with tracks is read as one value per track, all with the same cohorts: judged once.
        for policy in context.repository.policyDocuments {
            let policyName = policy.name?.value ?? "?"
            // A second definition of a policy (MOS202, the one cause) lists its cohorts again: not "twice".
            let redefined = policy.name.map { !policyNames.insert($0.value).inserted } ?? false
            for reference in policy.cohorts {
                let name = reference.name.value
                guard let cohortIndex = context.cohortIndex(named: name) else {
                    let names = sortedNames ?? Array(context.cohortNames).sorted()
                    sortedNames = names
                    diagnostics.emit(
                        .unknownCohort, "policy '\(policyName)' names unknown cohort '\(name)'",
                        at: reference.name.location,
                        hint: NodeReader.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
                    continue
                }
                if let earlier = enforcedBy[cohortIndex] {
                    if !(redefined && earlier.policy == policyName) {
                        let message =
                            earlier.policy == policyName
                            ? "cohort '\(name)' is listed twice in policy '\(policyName)'"
                            : "cohort '\(name)' is already enforced by policy '\(earlier.policy)'; a device follows one deadline"
                        diagnostics.emit(
                            .cohortEnforcedTwice, message, at: reference.name.location,
                            notes: [diagnostics.note("first enforced here", at: earlier.location)])
                    }
                } else {
                    enforcedBy[cohortIndex] = (policyName, reference.name.location)
                }
                if let policyPlatform = policy.platform?.value, let cohortPlatform = cohorts[cohortIndex].platform,
                    policyPlatform != cohortPlatform.value
                {
                    diagnostics.emit(
                        .platformMismatch,
                        "cohort '\(name)' is \(cohortPlatform.value) but policy '\(policyName)' is \(policyPlatform)",
                        at: reference.name.location,
                        notes: [diagnostics.note("cohort '\(name)' is defined here", at: cohortPlatform.location)])
                }
            }
        }
        // With a file that failed to parse, a policy using the cohort may simply not have been read.
        guard !context.repository.isIncomplete else { return }
        for index in cohorts.indices {
            // Only the first cohort of a name is judged: the others are duplicates, reported by NameRule.
            guard enforcedBy[index] == nil, let name = cohorts[index].name,
                context.cohortIndex(named: name.value) == index
            else { continue }
            diagnostics.emit(
                .unusedCohort, "no policy enforces an update on cohort '\(name.value)'", at: name.location)
        }
    }
}
