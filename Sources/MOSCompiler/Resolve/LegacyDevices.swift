import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The facts about a cohort's pre-DDM devices that gate the legacy commands and options (read by
/// LegacyOptionsRule and LegacyPlanBuilder alike).
struct LegacyDevices: Hashable {
    /// The OS versions below the DDM threshold.
    package var range: VersionRange
    /// The oldest of them.
    package var lowest: OSVersion
    /// The major versions the range spans.
    package var majors: ClosedRange<Int>

    /// The pre-DDM part of `cohort`.
    init(_ cohort: CohortModel) {
        range = cohort.range.clipped(below: cohort.ddmThreshold)
        lowest = cohort.lowestVersion
        var highest = lowest.major
        if let upper = range.upper {
            // `<14.0` ends with 13.x; `<13.5` and `<=13.0` still hold 13.x.
            let version = upper.version
            let last = upper.inclusive || version.minor > 0 || version.patch > 0 ? version.major : version.major - 1
            highest = max(highest, last)
        }
        majors = lowest.major...highest
    }

    /// How the update to `target` looks from these devices: minor when no device runs a major below the target's
    /// (every device that updates stays within its major), major when none runs the target's major, mixed
    /// otherwise. The one answer to "MaxUserDeferrals and Priority act on minor updates only": LegacyOptionsRule
    /// warns (MOS245) and LegacyPlanBuilder omits the option unless it is `.minor`.
    func updateKind(to target: OSVersion) -> UpdateKind {
        if lowest.major >= target.major { return .minor }
        return majors.contains(target.major) ? .mixed : .major
    }

    /// Minor (within the devices' major), major, or mixed (the devices span several majors, one of them the
    /// target's).
    enum UpdateKind: String {
        case minor, major, mixed
    }
}
