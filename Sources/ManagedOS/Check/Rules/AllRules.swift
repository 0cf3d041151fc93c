/// Every validation rule, in a fixed order (the output is sorted anyway). A test keeps this list and the code
/// catalog in step.
enum AllRules {
    static let rules: [any ValidationRule] = [
        CatalogRule(),
        CohortReferenceRule(),
        DeadlineRule(),
        DetailsURLRule(),
        EnrollmentRule(),
        LegacyOptionsRule(),
        NameRule(),
        SettingsDocumentRule(),
        TargetVersionRule(),
        TimeZoneRule(),
        UpdateSettingsRule(),
        VersionRangeRule(),
    ]
}
