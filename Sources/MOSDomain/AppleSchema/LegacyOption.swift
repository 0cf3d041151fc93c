/// An option of `ScheduleOSUpdate` that a policy's `legacy:` block sets, as Apple's schema gates it.
public enum LegacyOption: Hashable, Sendable {
    /// `Updates[].InstallAction`.
    case installAction(InstallAction)
    /// `Updates[].MaxUserDeferrals`.
    case maxUserDeferrals
    /// `Updates[].Priority`.
    case priority
}

extension SoftwareUpdateGates {
    /// The oldest OS on `platform` whose ScheduleOSUpdate takes `option`; nil when the platform has none.
    ///
    /// The one floor both LegacyOptionsRule (an error for a cohort that can hold older devices) and the legacy
    /// planner (an omission) compare a cohort's oldest pre-DDM OS with.
    public func floor(of option: LegacyOption, platform: Platform) -> OSVersion? {
        switch option {
        case .installAction(let action): installActions(for: platform)[action]
        case .maxUserDeferrals: minimumOS(forScheduleKey: "MaxUserDeferrals", platform: platform)
        case .priority: minimumOS(forScheduleKey: "Priority", platform: platform)
        }
    }
}
