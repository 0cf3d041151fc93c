import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Every validation rule, in a fixed order (the output is sorted anyway). A test keeps this list and the code
/// catalog in step.
package enum AllRules {
    /// Most expensive first (as measured on 10,000 generated policies): the rules run side by side, each core
    /// taking the next one, and ending on short rules leaves no core waiting on a long one.
    package static let rules: [any ValidationRule] = [
        DeadlineRule(),
        CohortReferenceRule(),
        CatalogRule(),
        EnrollmentRule(),
        TimeZoneRule(),
        TargetVersionRule(),
        LegacyOptionsRule(),
        UpdateSettingsRule(),
        NameRule(),
        VersionRangeRule(),
        LegacyProductKeyRule(),
        DetailsURLRule(),
        SettingsDocumentRule(),
        CatalogFreshnessRule(),
        FleetMappingRule(),
        SecurityImprovementRule(),
        TrackRule(),
    ]
}
