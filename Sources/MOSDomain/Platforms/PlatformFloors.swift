/// The oldest OS version mosc assumes a cohort's devices may run when `osVersions` is absent.
///
/// These are the oldest versions for which mosc can still emit a working legacy plan (macOS 11 has
/// DownloadOnly; iOS/iPadOS and tvOS 15 take ScheduleOSUpdate with ProductVersion) and visionOS 1.0, the first
/// release. A cohort relying on the floor is therefore "mixed" on every platform below its DDM threshold.
public enum PlatformFloors {
    /// The floor for `platform`.
    public static func floor(for platform: Platform) -> OSVersion {
        switch platform {
        case .macOS: OSVersion(11, 0)
        case .iOS, .iPadOS: OSVersion(15, 0)
        case .tvOS: OSVersion(15, 0)
        case .visionOS: OSVersion(1, 0)
        }
    }
}
