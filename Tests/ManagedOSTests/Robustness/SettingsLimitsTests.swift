import ManagedOS
import ManagedOSTestSupport
import Testing

/// `limits:` in the Settings document: each bound can be lowered and raised up to its hard cap, values beyond
/// the cap are MOS117, and the Settings document itself is always read under the defaults.
@Suite struct SettingsLimitsTests {
    static func settings(_ limits: String) -> (path: String, marked: String) {
        (
            "settings.yaml",
            """
            apiVersion: mosc/v1
            kind: Settings
            limits: \(limits)
            """
        )
    }

    static let cohort = cohort(named: "a")

    static func cohort(named name: String) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: \(name)
        platform: macOS
        osVersions: ">=14.0"
        """
    }

    /// Validates plain files (no markers: `MarkedText` is too slow for the megabyte-sized ones here).
    static func validate(_ files: [(path: String, text: String)]) -> ValidationResult {
        Compiler.validate(
            root: "repo", files: files.map { SourceFile(path: "repo/\($0.path)", text: $0.text) }, options: .testing)
    }

    static func codes(_ result: ValidationResult) -> [DiagnosticCode] {
        result.diagnostics.map(\.code).filter { $0 != .unusedCohort }
    }

    /// Each bound lowered in Settings triggers its diagnostic in another file.
    static let lowered: [DiagnosticCase] = [
        DiagnosticCase(
            "maxDepth lowered", [.at(.nestingTooDeep, "1️⃣", file: "policy.yaml")],
            files: [
                settings("{maxDepth: 2}"),
                (
                    "policy.yaml",
                    """
                    \(cohort)
                    ---
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: p
                    platform: macOS
                    target: {version: "15.7.9"}
                    deadline: "2026-12-15T17:00"
                    cohorts: [1️⃣{cohort: a}]
                    """
                ),
            ]),
        DiagnosticCase(
            "maxFileBytes lowered", [.line(.fileTooLarge, 0, file: "policy.yaml")],
            files: [
                settings("{maxFileBytes: 100}"),
                ("policy.yaml", cohort + "\ndescription: \(String(repeating: "x", count: 100))"),
            ]),
        DiagnosticCase(
            "maxScalarBytes lowered", [.at(.scalarTooLong, "1️⃣", file: "policy.yaml")],
            files: [
                settings("{maxScalarBytes: 16}"),
                ("policy.yaml", cohort + "\ndescription: 1️⃣Macs of the engineering team"),
            ]),
        DiagnosticCase(
            "maxDocuments lowered", [.at(.tooManyDocuments, "1️⃣", file: "policy.yaml")],
            files: [
                settings("{maxDocuments: 1}"),
                ("policy.yaml", cohort + "\n1️⃣---\napiVersion: mosc/v1\nkind: Cohort\nname: b\nplatform: macOS"),
            ]),
        DiagnosticCase(
            "maxNodes lowered", [.at(.tooManyNodes, "1️⃣", file: "policy.yaml")],
            files: [settings("{maxNodes: 10}"), ("policy.yaml", cohort + "\n1️⃣description: x")]),
        DiagnosticCase(
            "maxCohortsPerPolicy lowered", [.at(.tooManyCohortsInPolicy, "1️⃣", file: "policy.yaml")],
            files: [
                settings("{maxCohortsPerPolicy: 1}"),
                (
                    "policy.yaml",
                    """
                    \(cohort)
                    ---
                    apiVersion: mosc/v1
                    kind: Cohort
                    name: b
                    platform: macOS
                    osVersions: ">=14.0"
                    ---
                    apiVersion: mosc/v1
                    kind: ManagedOSPolicy
                    name: p
                    platform: macOS
                    target: {version: "15.7.9"}
                    deadline: "2026-12-15T17:00"
                    cohorts: 1️⃣[a, b]
                    """
                ),
            ]),
    ]

    @Test(arguments: lowered) func loweredBoundIsEnforced(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    /// Each bound set beyond its hard cap is MOS117 at the value, and the bound keeps its default.
    @Test(arguments: InputLimits.Key.allCases) func beyondTheCapIsAnError(_ key: InputLimits.Key) {
        let value = InputLimits.hardCaps[key] + 1
        let c = DiagnosticCase(
            "\(key) beyond its cap", [.at(.invalidValue, "1️⃣", file: "settings.yaml")],
            files: [Self.settings("{\(key.rawValue): 1️⃣\(value)}")])
        expectDiagnostics(c)
        #expect(c.validate().repository.limits == .defaults)
    }

    /// Each bound at exactly its cap is accepted and applied.
    @Test(arguments: InputLimits.Key.allCases) func theCapItselfIsAccepted(_ key: InputLimits.Key) {
        let cap = InputLimits.hardCaps[key]
        let c = DiagnosticCase("\(key) at its cap", [], files: [Self.settings("{\(key.rawValue): \(cap)}")])
        expectDiagnostics(c)
        #expect(c.validate().repository.limits[key] == cap)
    }

    @Test(arguments: [
        DiagnosticCase("zero", [.at(.invalidValue, "1️⃣", file: "settings.yaml")], files: [settings("{maxDepth: 1️⃣0}")]),
        DiagnosticCase(
            "not a number", [.at(.wrongType, "1️⃣", file: "settings.yaml")], files: [settings("{maxDepth: 1️⃣deep}")]),
        DiagnosticCase(
            "a negative number", [.at(.wrongType, "1️⃣", file: "settings.yaml")], files: [settings("{maxDepth: 1️⃣-3}")]),
        DiagnosticCase(
            "absurdly large", [.at(.invalidValue, "1️⃣", file: "settings.yaml")],
            files: [settings("{maxNodes: 1️⃣99999999999999999999}")]),
        DiagnosticCase(
            "unknown bound", [.at(.unknownKey, "1️⃣", file: "settings.yaml")], files: [settings("{1️⃣maxDept: 40}")]),
        DiagnosticCase(
            "not a mapping", [.at(.wrongType, "1️⃣", file: "settings.yaml")], files: [settings("1️⃣[maxDepth, 40]")]),
    ])
    func badLimitValues(_ c: DiagnosticCase) {
        expectDiagnostics(c)
        #expect(c.validate().repository.limits == .defaults)
    }

    /// A cohort whose description nests `depth` levels of sequences below the document's mapping.
    static func deeplyNested(_ depth: Int) -> String {
        cohort + "\ndescription: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    @Test func raisedDepthAcceptsDeeperNesting() {
        let deep = Self.deeplyNested(40)
        // Under the defaults: too deep. Raised: only the type problem is left (description is a string).
        let before = DiagnosticCase("default", [.line(.nestingTooDeep, 6)], yaml: deep).validate()
        #expect(Self.codes(before) == [.nestingTooDeep])
        let after = DiagnosticCase("raised", [], files: [Self.settings("{maxDepth: 48}"), ("policy.yaml", deep)])
            .validate()
        #expect(Self.codes(after) == [.wrongType])
        #expect(after.repository.limits.maxDepth == 48)
    }

    @Test func raisedScalarAndFileSizeAcceptLargerInput() {
        let long = Self.cohort + "\ndescription: " + String(repeating: "x", count: 40_000)
        let big =
            Self.cohort(named: "b") + "\n" + String(repeating: "# padding to make the file large\n", count: 40_000)
        #expect(big.utf8.count > InputLimits.defaults.maxFileBytes)
        let before = Self.validate([("a.yaml", long), ("b.yaml", big)])
        #expect(Set(Self.codes(before)) == [.scalarTooLong, .fileTooLarge])
        let after = Self.validate([
            (
                "settings.yaml",
                "apiVersion: mosc/v1\nkind: Settings\nlimits: {maxScalarBytes: 65536, maxFileBytes: 4194304}"
            ),
            ("a.yaml", long), ("b.yaml", big),
        ])
        #expect(Self.codes(after).isEmpty, "\(after.diagnostics)")
    }

    /// The Settings document is found under the defaults: one too large to read then cannot raise its own limit.
    @Test func settingsCannotRaiseTheBoundsOfItsOwnReading() {
        let padding = String(repeating: "# padding to make the file large\n", count: 40_000)
        let result = Self.validate([
            ("settings.yaml", padding + "apiVersion: mosc/v1\nkind: Settings\nlimits: {maxFileBytes: 4194304}")
        ])
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "repo/settings.yaml"))
        #expect(result.repository.limits == .defaults)
    }

    /// A `kind` spelled with escapes is still a Settings document, so its limits still apply.
    @Test func escapedKindIsFound() {
        let c = DiagnosticCase(
            "escaped", [],
            files: [("settings.yaml", "apiVersion: mosc/v1\nkind: \"Se\\x74tings\"\nlimits: {maxDepth: 40}")])
        #expect(c.validate().repository.limits.maxDepth == 40)
    }

    /// The options' limits are the base that Settings changes, key by key.
    @Test func settingsOverrideTheOptionsKeyByKey() {
        let c = DiagnosticCase(
            "base", [], options: .testing { $0.maxNodes = 5_000 }, files: [Self.settings("{maxDepth: 40}")])
        let limits = c.validate().repository.limits
        #expect(limits.maxDepth == 40)
        #expect(limits.maxNodes == 5_000)
        #expect(limits.maxDocuments == InputLimits.defaults.maxDocuments)
    }

    @Test func capsAreAtLeastTheDefaults() {
        for key in InputLimits.Key.allCases {
            #expect(InputLimits.hardCaps[key] >= InputLimits.defaults[key], "\(key)")
        }
    }
}
