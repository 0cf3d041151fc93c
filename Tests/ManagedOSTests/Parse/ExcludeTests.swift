import Testing

@testable import ManagedOS

/// Files matched by the Settings document's `exclude` globs are not read: nothing they hold, broken or not,
/// reaches the repository or the diagnostics.
@Suite struct ExcludeTests {
    static let settings = """
        apiVersion: mosc/v1
        kind: Settings
        exclude: ["ci/**", "templates/*.yaml"]
        """
    static let policy = """
        apiVersion: mosc/v1
        kind: Cohort
        name: it-macs
        platform: macOS
        """
    static let broken = "key: [unclosed\n"
    static let notAPolicy = """
        apiVersion: mosc/v1
        kind: Cohort
        name: template-cohort
        platform: macOS
        colour: blue
        """

    static func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(path: "repo/\(path)", contents: Array(text.utf8))
    }

    @Test(arguments: [1, 2, 8]) func excludedFilesAreNotRead(workers: Int) {
        let files = [
            Self.file("ci/deep/workflow.yml", Self.broken),
            Self.file("cohorts.yaml", Self.policy),
            Self.file("settings.yaml", Self.settings),
            Self.file("templates/cohort.yaml", Self.notAPolicy),
            Self.file("templates/nested/kept.yaml", Self.broken),
        ]
        var bag = DiagnosticBag()
        let repository = parseRepository(
            root: "repo", files: files, limits: .defaults, workers: workers, diagnostics: &bag)
        #expect(repository.files == ["repo/cohorts.yaml", "repo/settings.yaml", "repo/templates/nested/kept.yaml"])
        #expect(repository.cohorts.map(\.name?.value) == ["it-macs"])
        // Only the file `templates/*.yaml` does not match (`*` stays within one folder) is reported.
        #expect(bag.diagnostics.map(\.location?.file) == ["repo/templates/nested/kept.yaml"])
        #expect(repository.isIncomplete)
    }

    @Test func withoutSettingsEveryFileIsRead() {
        let files = [Self.file("ci/workflow.yml", Self.broken), Self.file("cohorts.yaml", Self.policy)]
        var bag = DiagnosticBag()
        let repository = parseRepository(root: "repo", files: files, limits: .defaults, diagnostics: &bag)
        #expect(repository.files.count == 2)
        #expect(bag.diagnostics.map(\.location?.file) == ["repo/ci/workflow.yml"])
    }
}
