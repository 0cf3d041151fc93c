import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Enrollment and platform gates: user enrollment cannot be managed; macOS needs supervision on both paths;
/// unsupervised iOS/iPadOS devices take DDM but not the legacy commands; visionOS has no legacy path.
struct EnrollmentRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .userEnrollmentUnmanaged, .macOSRequiresSupervision, .unsupervisedLegacyDevices, .noLegacyPath,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let gates = context.options.gates
        let cohorts = context.repository.cohorts
        // By index, reading fields in place: a copy of each cohort retained every string it holds.
        for index in cohorts.indices {
            guard let name = cohorts[index].name?.value, let model = context.cohortModel(at: index) else { continue }
            let at = cohorts[index].enrollment?.location ?? cohorts[index].location
            var rangeAt: SourceMark {
                cohorts[index].osVersions?.location ?? cohorts[index].enrollment?.location ?? cohorts[index].location
            }
            if !gates.enforcementAllows(model.enrollment, on: model.platform)
                && !gates.legacyAllows(model.enrollment, on: model.platform)
            {
                if model.enrollment == .user {
                    diagnostics.emit(
                        .userEnrollmentUnmanaged,
                        "cohort '\(name)' is user-enrolled: Apple allows neither the DDM enforcement nor the legacy update commands on user enrollment",
                        at: at)
                } else {
                    diagnostics.emit(
                        .macOSRequiresSupervision,
                        "cohort '\(name)': \(model.platform) updates can be managed on supervised devices only",
                        at: at, hint: "set 'enrollment: supervised' if these devices are supervised")
                }
                continue
            }
            guard model.paths.hasLegacy else { continue }
            var below: String { "below \(model.platform) \(model.ddmThreshold)" }
            if !gates.hasLegacyPath(model.platform) {
                diagnostics.emit(
                    .noLegacyPath,
                    "cohort '\(name)' can hold \(model.platform) devices \(below), which have no update path",
                    at: rangeAt, hint: "declare 'osVersions: \">=\(model.ddmThreshold)\"'")
            } else if !gates.legacyAllows(model.enrollment, on: model.platform) {
                diagnostics.emit(
                    .unsupervisedLegacyDevices,
                    "cohort '\(name)' is \(model.enrollment)-enrolled and can hold devices \(below); the legacy update commands need supervision",
                    at: rangeAt,
                    hint:
                        "declare 'osVersions: \">=\(model.ddmThreshold)\"' so the cohort is DDM-only, or supervise the devices"
                )
            }
        }
    }
}
