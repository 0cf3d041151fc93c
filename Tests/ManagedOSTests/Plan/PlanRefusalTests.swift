import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Planning never fails silently: a policy it cannot plan is an error at the policy (MOS302), not a nil plan
/// with nothing said.
@Suite struct PlanRefusalTests {
    /// A policy whose `latest` form matches no release: validation reports it; planning it anyway must too.
    static let unresolvable = """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: p
        platform: macOS
        target: {version: "latest-99"}
        deadline: "2027-01-12T18:00"
        cohorts: [macs]
        """

    /// Plans `yaml` without validating it; the plan and what planning reported.
    static func planUnchecked(_ yaml: String) -> (plan: PlanIR?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let files = [SourceFile(path: "repo/repo.yaml", text: yaml)]
        let repository = parseRepository(root: "repo", files: files, limits: .defaults, diagnostics: &bag)
        var planning = DiagnosticBag(sources: repository.sources)
        let plan = lowerRepository(
            ResolvedRepository(repository: repository, options: .testing), diagnostics: &planning)
        return (plan, planning.sorted)
    }

    /// The text mosc prints for the unplannable policy (the documented MOS302 example).
    static func unplannableText() -> String {
        TextRenderer().render(planUnchecked(unresolvable).diagnostics)
    }

    @Test func unresolvableTargetIsReportedAtThePolicy() throws {
        let (plan, diagnostics) = Self.planUnchecked(Self.unresolvable)
        #expect(plan == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .policyNotPlanned)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.line == 6)
        #expect(diagnostic.message == "cannot plan policy 'p': its target does not resolve against the catalog")
    }
}
