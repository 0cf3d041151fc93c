import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The target: `major.minor[.patch]`, `latest` or `latest-<major>`, and a plausible build (never with a
/// `latest` form, whose build changes with every release); not below every version a cohort runs (it would do
/// nothing), and never below the DDM threshold on a cohort with DDM devices (DDM cannot downgrade). A `latest`
/// form is judged by the version the catalog resolves it to.
struct TargetVersionRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .invalidVersion, .invalidBuild, .targetBelowCohort, .targetBelowDDMThreshold, .invalidValue,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        for policy in context.repository.policies {
            guard let target = policy.target else { continue }
            if let build = target.build, !Self.isPlausibleBuild(build.value) {
                diagnostics.emit(
                    .invalidBuild, "build '\(build.value)' is not an Apple build number such as '24C101'",
                    at: build.location)
            }
            guard let text = target.version else { continue }
            guard let request = context.targetRequest(text.value) else {
                diagnostics.emit(
                    .invalidVersion,
                    "target version '\(text.value)' is not major.minor[.patch], 'latest' or 'latest-<major>'",
                    at: text.location, hint: OSVersion(text.value).map { "write \"\($0.major).\($0.minor)\"" })
                continue
            }
            if request.isLatest, let build = target.build {
                diagnostics.emit(
                    .invalidValue,
                    "a build cannot be pinned with target '\(request)': the build changes with every release",
                    at: build.location, hint: "remove the build, or write the version out")
            }
            guard let version = context.target(of: policy)?.version else { continue }
            for (reference, cohort) in context.cohorts(of: policy) where cohort.platform == policy.platform?.value {
                if cohort.paths.hasDDM && version < cohort.ddmThreshold {
                    diagnostics.emit(
                        .targetBelowDDMThreshold,
                        "target \(version) is below \(cohort.platform) \(cohort.ddmThreshold), the DDM threshold, but cohort '\(cohort.name)' holds DDM devices, which cannot downgrade",
                        at: text.location,
                        notes: [diagnostics.note("cohort '\(cohort.name)' is listed here", at: reference.name.location)]
                    )
                } else if cohort.rangeIsDeclared && cohort.range.isWhollyAtOrAbove(version)
                    // An improvement still does something on devices at its base version.
                    && !(request.securityImprovement != nil && cohort.range.contains(version))
                {
                    diagnostics.emit(
                        .targetBelowCohort,
                        "target \(version) does nothing for cohort '\(cohort.name)': its devices run \(cohort.range)",
                        at: text.location,
                        notes: [diagnostics.note("cohort '\(cohort.name)' is listed here", at: reference.name.location)]
                    )
                }
            }
        }
    }

    /// One or two digits, an uppercase letter, 1–6 digits, an optional lowercase letter: `24C101`, `20A242a`,
    /// and supplemental builds of Background Security Improvements such as `25D771280a` (six digits).
    static func isPlausibleBuild(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        let lead = bytes.prefix(while: isDigit).count
        guard (1...2).contains(lead) else { return false }
        bytes = bytes.dropFirst(lead)
        guard let letter = bytes.first, letter >= 65 && letter <= 90 else { return false }
        bytes = bytes.dropFirst()
        let number = bytes.prefix(while: isDigit).count
        guard (1...6).contains(number) else { return false }
        bytes = bytes.dropFirst(number)
        if let suffix = bytes.first {
            guard bytes.count == 1, suffix >= 97 && suffix <= 122 else { return false }
        }
        return true
    }
}
