import Foundation
import ManagedOSTestSupport
import Testing

@testable import ManagedOS

/// Resolve finds what it derived for a policy by the policy's place in the parsed repository, not by hashing it;
/// a policy that is not the parsed value (a changed copy, a hand-built one) must get answers about itself.
@Suite struct PolicyPlaceTests {
    static let yaml = """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=14.0"
        ---
        apiVersion: mosc/v1
        kind: Cohort
        name: old-macs
        platform: macOS
        osVersions: ">=13.0 <14.0"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: first
        platform: macOS
        target: {version: "15.7.2"}
        deadline: "2027-01-12T18:00"
        cohorts: [macs]
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: second
        platform: macOS
        target: {version: "15.7.2"}
        deadline: "2027-01-12T18:00"
        legacy: {timeZone: Europe/Berlin}
        cohorts: [old-macs, macs]
        """

    static func resolved() -> ResolvedRepository {
        var bag = DiagnosticBag()
        let files = [SourceFile(path: "repo/repo.yaml", text: yaml)]
        let repository = parseRepository(root: "repo", files: files, limits: .defaults, diagnostics: &bag)
        return ResolvedRepository(repository: repository, options: .testing)
    }

    static func names(_ cohorts: ResolvedCohorts) -> [String] { cohorts.map(\.cohort.name) }

    @Test func parsedPoliciesKnowTheirPlace() {
        let policies = Self.resolved().repository.policies
        #expect(policies.map(\.place) == [0, 1])
        #expect(policies[1].isIdentical(to: policies[1]))
        #expect(!policies[0].isIdentical(to: policies[1]))
    }

    @Test func anUnchangedCopyKeepsItsPlaceAndAChangedOneLosesIt() {
        let parsed = Self.resolved().repository.policies[1]
        let copy = parsed
        #expect(copy.place == 1 && copy.isIdentical(to: parsed))
        var changed = parsed
        changed.cohorts.removeFirst()
        #expect(changed.place == -1)
        #expect(!changed.isIdentical(to: parsed))
        #expect(parsed.place == 1 && parsed.cohorts.count == 2)
    }

    @Test func aPolicyOfAnotherRepositoryAtTheSamePlaceIsAnsweredAboutItself() {
        let context = Self.resolved()
        var bag = DiagnosticBag()
        let other = parseRepository(
            root: "repo",
            files: [
                SourceFile(
                    path: "repo/other.yaml", text: Self.yaml.replacingOccurrences(of: "[macs]", with: "[old-macs]"))
            ],
            limits: .defaults, diagnostics: &bag)
        let stranger = other.policies[0]
        #expect(stranger.place == 0)
        #expect(Self.names(context.cohorts(of: context.repository.policies[0])) == ["macs"])
        #expect(Self.names(context.cohorts(of: stranger)) == ["old-macs"])
    }

    @Test func aChangedCopyIsAnsweredAboutItselfNotThePolicyItCameFrom() {
        let context = Self.resolved()
        let parsed = context.repository.policies[1]
        #expect(Self.names(context.cohorts(of: parsed)) == ["old-macs", "macs"])
        var changed = parsed
        changed.cohorts.removeFirst()
        #expect(Self.names(context.cohorts(of: changed)) == ["macs"])
        // A hand-built equal value (no place) gets the parsed value's answers, derived on asking.
        var rebuilt = PolicySyntax(location: parsed.location)
        rebuilt.name = parsed.name
        rebuilt.platform = parsed.platform
        rebuilt.target = parsed.target
        rebuilt.deadline = parsed.deadline
        rebuilt.legacy = parsed.legacy
        rebuilt.cohorts = parsed.cohorts
        rebuilt.cohortsLocation = parsed.cohortsLocation
        #expect(rebuilt == parsed && rebuilt.place == -1)
        #expect(Self.names(context.cohorts(of: rebuilt)) == ["old-macs", "macs"])
    }
}
