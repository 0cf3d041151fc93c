import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// `legacy.timeZone` applies only to pre-DDM upgrades: DDM enforces in each device's own local time and takes no
/// zone. So the zone must be a real IANA name, is required when some cohort can hold pre-DDM devices, and is an
/// error when none can. Other legacy options without legacy devices are only a warning: they do nothing.
struct TimeZoneRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .invalidTimeZone, .timeZoneWithoutLegacyDevices, .missingTimeZone, .legacyOptionsWithoutLegacyDevices,
        .nonGeographicTimeZone,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        for policy in context.repository.policies {
            // The zone is the policy's, shared by its tracks: judged against all its cohorts' devices.
            let cohorts = context.cohortsAcrossTracks(of: policy)
            // The first is all that is read: no list of the others.
            let firstLegacy = cohorts.first { $0.cohort.paths.hasLegacy }
            // Judge presence only when every listed cohort resolved; otherwise another diagnostic explains why.
            let allResolved = !cohorts.isEmpty && cohorts.count == policy.cohorts.count
            if let zone = policy.legacy?.timeZone {
                if let rules = context.zone(named: zone.value) {
                    if let kind = ZoneRules.nonGeographicKind(of: zone.value) {
                        diagnostics.emit(Self.notAPlace(zone, kind: kind, rules: rules, context))
                    }
                } else if let meant = ZoneRules.meantZone(for: zone.value) {
                    // An abbreviation or a Windows name: the one place it stands for, not the nearest spelling
                    // (which for 'PST' was 'EST', 'HST' or 'MST').
                    diagnostics.emit(
                        .invalidTimeZone,
                        "'\(zone.value)' is not an IANA time zone but a zone's common name", at: zone.location,
                        hint: "did you mean '\(meant)'?")
                } else {
                    let suggestions = ZoneRules.suggestions(for: zone.value)
                    diagnostics.emit(
                        .invalidTimeZone, "'\(zone.value)' is not an IANA time zone", at: zone.location,
                        hint: suggestions.isEmpty
                            ? "use a name such as 'America/New_York' or 'Europe/Berlin'"
                            : "did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?")
                }
                if allResolved && firstLegacy == nil {
                    diagnostics.emit(
                        .timeZoneWithoutLegacyDevices,
                        "legacy.timeZone is set, but every cohort of policy '\(policy.name?.value ?? "?")' is DDM-only: DDM enforces the deadline in each device's local time and no time zone can be set",
                        at: zone.location, hint: "remove legacy.timeZone")
                }
            } else if let first = firstLegacy {
                diagnostics.emit(
                    .missingTimeZone,
                    "cohort '\(first.cohort.name)' can hold devices below \(first.cohort.platform) \(first.cohort.ddmThreshold), whose legacy deadline needs legacy.timeZone",
                    at: policy.legacy?.location ?? first.reference.name.location,
                    hint: "add 'legacy: {timeZone: <IANA zone>}', e.g. 'America/New_York'")
            }
            if allResolved && firstLegacy == nil, let legacy = policy.legacy {
                let others: [(String, SourceMark?)] = [
                    ("installAction", legacy.installAction?.location),
                    ("maxUserDeferrals", legacy.maxUserDeferrals?.location),
                    ("priority", legacy.priority?.location),
                    ("downloadLeadTime", legacy.downloadLeadTime?.location),
                ]
                for case (let key, let location?) in others {
                    diagnostics.emit(
                        .legacyOptionsWithoutLegacyDevices,
                        "legacy.\(key) does nothing: every cohort of this policy is DDM-only", at: location)
                }
            }
        }
    }

    /// MOS214 for a zone that is a fixed offset or a legacy rule set: the legacy deadline would not follow the
    /// clock of the place the devices are in.
    private static func notAPlace(
        _ zone: Located<String>, kind: ZoneRules.NonGeographicZone, rules: ZoneRules, _ context: ValidationContext
    ) -> Diagnostic {
        let meant = ZoneRules.meantZone(for: zone.value)
        let hint = meant.map { "did you mean '\($0)'?" } ?? "name the place the devices are in, e.g. 'America/New_York'"
        switch kind {
        case .fixedOffset:
            let offset = ZoneRules.formatOffset(rules.offsetSeconds(at: context.options.now))
            let inverted = zone.value.hasPrefix("Etc/GMT") ? " (Etc/GMT names invert the sign)" : ""
            return Diagnostic(
                .nonGeographicTimeZone,
                "legacy.timeZone '\(zone.value)' is a fixed offset, UTC\(offset)\(inverted), that ignores daylight saving: where the devices' clocks change, the legacy deadline lands an hour off for part of the year",
                at: context.repository.sources.location(zone.location), hint: hint)
        case .legacyRules:
            return Diagnostic(
                .nonGeographicTimeZone,
                "legacy.timeZone '\(zone.value)' is a legacy rule-set name, not a place: it follows one country's daylight-saving rules, which may not be the devices'",
                at: context.repository.sources.location(zone.location), hint: hint)
        }
    }
}
