import MOSBasics
import MOSDomain

/// A Background Security Improvement target (`26.3.1 (a)`) must be one the catalog lists, with its own build,
/// a deadline after its posting, and not yet superseded at `--now` by a release; and it can only reach DDM
/// devices already on its base release: `ScheduleOSUpdate`'s `ProductVersion` is not usable for these
/// updates (SUMMARY.md §6), and an improvement installs only on the release it improves.
struct SecurityImprovementRule: ValidationRule {
    static let codes: [DiagnosticCode] = [
        .unknownSecurityImprovement, .securityImprovementSuperseded, .securityImprovementNeedsDDM,
        .securityImprovementBelowBase, .buildNotInRelease, .deadlineBeforeRelease, .releaseNewerThanCatalog,
    ]

    func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        for policy in context.repository.policies {
            guard let text = policy.target?.version, let request = context.targetRequest(text.value),
                let (base, letter) = request.securityImprovement, let platform = policy.platform?.value
            else { continue }
            let name = "\(base) (\(letter))"
            for (reference, cohort) in context.cohorts(of: policy) where cohort.platform == platform {
                let note = [diagnostics.note("cohort '\(cohort.name)' is listed here", at: reference.name.location)]
                if cohort.paths.hasLegacy {
                    diagnostics.emit(
                        .securityImprovementNeedsDDM,
                        "Background Security Improvement \(name) cannot reach cohort '\(cohort.name)': it can hold pre-DDM devices (\(platform) \(cohort.range)), and ScheduleOSUpdate's ProductVersion is not usable for these updates",
                        at: text.location, notes: note)
                } else if cohort.range.hasVersions(below: base) {
                    diagnostics.emit(
                        .securityImprovementBelowBase,
                        "Background Security Improvement \(name) installs only on \(platform) \(base), but cohort '\(cohort.name)' runs \(cohort.range)",
                        at: text.location,
                        hint: "start the cohort's osVersions at \(base), and update older devices to \(base) first",
                        notes: note)
                }
            }
            guard let target = context.target(of: policy) else { continue }
            checkCatalog(policy, target: target, name: name, at: text.location, context: context, into: &diagnostics)
        }
    }

    private func checkCatalog(
        _ policy: PolicySyntax, target: ResolvedTarget, name: String, at location: SourceMark,
        context: ValidationContext, into diagnostics: inout DiagnosticBag
    ) {
        let catalog = context.options.catalog
        let platform = target.platform
        guard let improvement = target.improvement else {
            if let newest = catalog.latest(platform: platform.rawValue),
                let base = OSVersion(target.version.description),
                newest.versionNumber < base
            {
                diagnostics.emit(
                    .releaseNewerThanCatalog,
                    "\(platform) \(name) is newer than every release in the catalog of \(catalog.date) (newest: \(newest.version))",
                    at: location,
                    hint:
                        "if Apple has posted it since, refresh the catalog: mosc catalog import FEED.json… --output catalog.tsv, then pass --catalog catalog.tsv"
                )
                return
            }
            let known = catalog.improvements(platform: platform.rawValue).map(\.name)
            diagnostics.emit(
                .unknownSecurityImprovement,
                "\(platform) \(name) is not a Background Security Improvement in the catalog (\(catalog.date))",
                at: location,
                hint: known.isEmpty
                    ? "the catalog lists no \(platform) Background Security Improvements"
                    : "the catalog lists \(platform) \(known.joined(separator: ", "))")
            return
        }
        if let build = policy.target?.build, build.value != improvement.build {
            diagnostics.emit(
                .buildNotInRelease,
                "build '\(build.value)' is not the build of \(platform) \(name), which is \(improvement.build)",
                at: build.location, hint: "leave the build out: mosc writes \(improvement.build) itself")
        }
        for (location, value) in context.writtenDeadlines(of: policy, before: improvement.postingDate.localDate) {
            diagnostics.emit(
                .deadlineBeforeRelease,
                "deadline \(value.wireString) precedes the posting of \(platform) \(name) on \(improvement.postingDate)",
                at: location, hint: "devices cannot install an improvement before Apple posts it")
        }
        if let by = improvement.supersededBy,
            by.releaseDate.localDate <= LocalDateTime(secondsSinceEpochAsIfUTC: context.options.now.unixSeconds).date
        {
            diagnostics.emit(
                .securityImprovementSuperseded,
                "\(platform) \(by.version), released \(by.releaseDate), supersedes the Background Security Improvement \(name)",
                at: location, hint: "target \"\(by.version)\", or 'latest-\(by.version.major)'")
        }
    }
}
