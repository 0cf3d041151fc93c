import ManagedOS

/// A fixed list of diagnostics that exercises every renderer feature: hints, notes with and without a place,
/// locations with no column, no line or none at all, each severity, and characters GitHub needs escaped.
enum ReportingFixtures {
    static let diagnostics: [Diagnostic] = [
        Diagnostic(
            .duplicateKey, "duplicate key 'deadline'",
            at: SourceLocation(file: "repo/policies/mac.yaml", line: 19, column: 1),
            notes: [
                .init(
                    "'deadline' is first defined here",
                    at: SourceLocation(file: "repo/policies/mac.yaml", line: 18, column: 1))
            ]),
        Diagnostic(
            .unknownKey, "unknown key 'deadlin' in a cohorts entry",
            at: SourceLocation(file: "repo/policies/mac.yaml", line: 24, column: 5), hint: "did you mean 'deadline'?"),
        Diagnostic(
            .shortNotice, "deadline leaves 50% of devices, in UTC+14, less than 3d of notice",
            at: SourceLocation(file: "repo/odd,name:v1.yaml", line: 7)),
        Diagnostic(
            .symlinkOutsideRepository, "symbolic link leads outside the repository; skipped",
            at: SourceLocation(file: "repo/shared.yaml")),
        Diagnostic(
            .unusedCohort, "no policy enforces an update on cohort 'mac-lab'",
            at: SourceLocation(file: "repo/c.yaml", line: 3, column: 7),
            severity: .note, notes: [.init("raised by --warnings-as-errors? no: lowered for this test")]),
        Diagnostic(.noPolicyFiles, "no *.yaml or *.yml files below 'repo'\r\nsecond line", at: nil, severity: .error),
    ]
}
