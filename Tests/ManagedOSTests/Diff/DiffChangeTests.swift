import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Every change kind and every risk flag, each from a small pair of policy trees compiled in memory.
@Suite struct DiffChangeTests {
    /// One edit of the fleet and what the diff must say about it.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout DiffFleet) -> Void
        /// cohort → change.
        var changes: [String: RolloutDiff.Change]
        /// `cohort field` → direction (`""` for a field without one).
        var fields: [String: String] = [:]
        /// The exact risk codes, sorted.
        var risks: [DiagnosticCode] = []
        /// Cohorts whose DDM devices re-sync.
        var ddmResync: Set<String> = []
        /// Cohorts whose legacy devices get a new plan.
        var legacyResync: Set<String> = []
        var now: Instant = .testingNow

        var testDescription: String { name }
    }

    static let base = DiffFleet()

    static let cases: [Case] = [
        Case(
            name: "target raised",
            edit: {
                $0.target = "26.6.2"; $0.build = "25G83"
            },
            changes: ["mac-it": .changed, "mac-office": .changed],
            fields: [
                "mac-it target.version": "raised", "mac-it target.build": "", "mac-office target.version": "raised",
                "mac-office legacy.enforce.ProductVersion": "",
            ],
            ddmResync: ["mac-it", "mac-office"], legacyResync: ["mac-office"]),
        Case(
            name: "target lowered",
            edit: {
                $0.target = "26.6"; $0.build = "25G72"
            },
            changes: ["mac-it": .changed, "mac-office": .changed],
            fields: ["mac-it target.version": "lowered", "mac-office target.version": "lowered"],
            risks: [.targetLowered, .targetLowered],
            ddmResync: ["mac-it", "mac-office"], legacyResync: ["mac-office"]),
        Case(
            name: "build dropped",
            edit: { $0.build = nil },
            changes: ["mac-it": .changed, "mac-office": .changed],
            fields: ["mac-it target.build": "", "mac-office target.build": ""],
            ddmResync: ["mac-it", "mac-office"], legacyResync: ["mac-office"]),
        Case(
            name: "deadline later",
            edit: { $0.policyDeadline = "2027-02-02T18:00" },
            changes: ["mac-office": .changed],
            fields: [
                "mac-office deadline": "later", "mac-office legacy.step.enforce": "later",
                "mac-office legacy.step.download": "later", "mac-office legacy.step.verify": "later",
            ],
            ddmResync: ["mac-office"], legacyResync: ["mac-office"]),
        Case(
            name: "deadline earlier",
            edit: { $0.policyDeadline = "2027-01-19T18:00" },
            changes: ["mac-office": .changed],
            fields: ["mac-office deadline": "earlier"],
            risks: [.deadlineMovedEarlier],
            ddmResync: ["mac-office"], legacyResync: ["mac-office"]),
        Case(
            name: "deadline earlier with short notice",
            edit: { $0.itDeadline = "2026-11-27T18:00" },
            changes: ["mac-it": .changed],
            fields: ["mac-it deadline": "earlier"],
            risks: [.deadlineMovedEarlier, .changedDeadlineShortNotice],
            ddmResync: ["mac-it"]),
        Case(
            name: "deadline already passed",
            edit: { $0.itDeadline = "2026-11-20T18:00" },
            changes: ["mac-it": .changed],
            fields: ["mac-it deadline": "earlier"],
            risks: [.deadlineMovedEarlier, .changedDeadlinePassed],
            ddmResync: ["mac-it"]),
        Case(
            name: "deadline moved while devices may be enforcing",
            edit: { $0.itDeadline = "2026-12-15T18:00" },
            changes: ["mac-it": .changed],
            fields: ["mac-it deadline": "later"],
            risks: [.deadlineMovedWhileEnforcing],
            ddmResync: ["mac-it"],
            now: Instant(unixSeconds: 1_796_724_000)),  // 2026-12-08T10:00:00Z: UTC+14 is past 18:00 already
        Case(
            name: "details URL",
            edit: { $0.detailsURL = "https://it.example.com/updates/tahoe" },
            changes: ["mac-it": .changed, "mac-office": .changed],
            fields: [
                "mac-it ddm.enforcement.Payload.DetailsURL": "",
                "mac-office ddm.enforcement.Payload.DetailsURL": "",
            ],
            ddmResync: ["mac-it", "mac-office"]),
        Case(
            name: "settings declaration added",
            edit: { $0.notifications = false },
            changes: ["mac-it": .changed, "mac-office": .changed],
            fields: ["mac-it ddm.settings": "", "mac-it ddm.activation.Payload.StandardConfigurations": ""],
            ddmResync: ["mac-it", "mac-office"]),
        Case(
            name: "time zone",
            edit: { $0.timeZone = "America/Chicago" },
            changes: ["mac-office": .changed],
            fields: ["mac-office legacy.timeZone": "", "mac-office legacy.step.enforce": "later"],
            legacyResync: ["mac-office"]),
        Case(
            name: "install action",
            edit: { $0.installAction = "InstallForceRestart" },
            changes: ["mac-office": .changed],
            fields: ["mac-office legacy.enforce.InstallAction": ""],
            legacyResync: ["mac-office"]),
        Case(
            name: "cohort added",
            edit: { $0.cohorts = ["mac-it", "mac-lab", "mac-office"] },
            changes: ["mac-lab": .added, "mac-office": .changed],
            fields: ["mac-office ring": ""],
            ddmResync: ["mac-lab"]),
        Case(
            name: "cohort removed",
            edit: { $0.cohorts = ["mac-it"] },
            changes: ["mac-office": .removed],
            risks: [.enforcementRemoved],
            ddmResync: ["mac-office"], legacyResync: ["mac-office"]),
        Case(
            name: "legacy path removed",
            edit: { $0.officeRange = ">=14.0" },
            changes: ["mac-office": .changed],
            fields: ["mac-office paths": "", "mac-office routing.legacy": "", "mac-office legacy.timeZone": ""],
            risks: [.enforcementRemoved],
            legacyResync: ["mac-office"]),
    ]

    @Test(arguments: cases)
    func reportsTheChange(_ c: Case) throws {
        let head = Self.base.with(c.edit)
        let diff = try DiffFleet.diff(Self.base, head, now: c.now)
        #expect(Dictionary(uniqueKeysWithValues: diff.cohorts.map { ($0.cohort, $0.change) }) == c.changes)
        var fields: [String: String] = [:]
        for cohort in diff.cohorts {
            for field in cohort.fields { fields["\(cohort.cohort) \(field.field)"] = field.direction ?? "" }
        }
        for (key, direction) in c.fields {
            #expect(fields[key] == direction, "\(key): got \(fields[key] ?? "nothing"); all: \(fields.keys.sorted())")
        }
        #expect(diff.risks.map(\.code).sorted() == c.risks.sorted(), "\(diff.risks.map(\.message))")
        #expect(Set(diff.cohorts.filter(\.resync.ddm).map(\.cohort)) == c.ddmResync)
        #expect(Set(diff.cohorts.filter(\.resync.legacyPlan).map(\.cohort)) == c.legacyResync)
        #expect(diff.summary.resync == Array(c.ddmResync.union(c.legacyResync)).sorted())
    }

    @Test func aTreeDiffedWithItselfHasNoChanges() throws {
        let diff = try DiffFleet.diff(Self.base, Self.base)
        #expect(!diff.hasChanges && diff.risks.isEmpty)
        #expect(diff.summary.unchanged == 2)
        #expect(diff.text() == "no changes\n")
    }

    @Test func deadlineShiftIsMeasured() throws {
        let diff = try DiffFleet.diff(Self.base, Self.base.with { $0.policyDeadline = "2027-01-23T06:00" })
        let field = try #require(diff.cohorts.first?.fields.first { $0.field == "deadline" })
        #expect(field.shiftSeconds == -(3 * 86_400 + 12 * 3600))
        #expect(field.annotation == "earlier by 3d12h")
    }

    @Test func serverTokensNameTheChangedDeclarations() throws {
        let diff = try DiffFleet.diff(Self.base, Self.base.with { $0.detailsURL = "https://it.example.com/x" })
        let cohort = try #require(diff.cohorts.first { $0.cohort == "mac-it" })
        #expect(cohort.resync.serverTokens.map(\.identifier) == ["com.example.mdm.macos-26.mac-it.enforcement"])
        #expect(cohort.resync.declarationsTokenBefore != cohort.resync.declarationsTokenAfter)
    }

    @Test func risksPointAtThePolicyLines() throws {
        let diff = try DiffFleet.diff(Self.base, Self.base.with { $0.itDeadline = "2026-11-20T18:00" })
        let passed = try #require(diff.risks.first { $0.code == .changedDeadlinePassed })
        #expect(passed.severity == .error && diff.hasErrors)
        #expect(passed.location?.file == "head/fleet.yaml" && (passed.location?.line ?? 0) > 0)
    }

    @Test func zeroMinimumNoticeSwitchesTheNoticeFlagOff() throws {
        let head = Self.base.with { $0.itDeadline = "2026-11-27T18:00" }
        let diff = Compiler.diff(
            try Self.base.side("base"), try head.side("head"),
            options: DiffOptions(now: .testingNow, minimumNoticeSeconds: 0))
        #expect(diff.risks.map(\.code) == [.deadlineMovedEarlier])
        #expect(diff.minimumNotice == "off")
    }

    @Test func minimumNoticeComesFromTheHeadSettings() throws {
        let head = Self.base.with {
            $0.itDeadline = "2026-11-30T18:00"; $0.minimumNotice = "7d"
        }
        let diff = try DiffFleet.diff(Self.base, head)
        #expect(diff.minimumNotice == "7d")
        #expect(diff.risks.map(\.code) == [.deadlineMovedEarlier, .changedDeadlineShortNotice])
    }

    @Test func warningsAsErrorsRaisesRisks() throws {
        let diff = try DiffFleet.diff(Self.base, Self.base.with { $0.policyDeadline = "2027-01-19T18:00" })
        #expect(!diff.hasErrors)
        let strict = diff.treatingWarningsAsErrors()
        #expect(strict.hasErrors && strict.summary.errors == 1 && strict.summary.warnings == 0)
    }

    @Test func minSeverityHidesLowerRisks() throws {
        let diff = try DiffFleet.diff(Self.base, Self.base.with { $0.policyDeadline = "2027-01-19T18:00" })
        let errorsOnly = diff.keepingRisks(atLeast: .error)
        #expect(!diff.risks.isEmpty && errorsOnly.risks.isEmpty && errorsOnly.summary.warnings == 0)
        #expect(errorsOnly.cohorts == diff.cohorts)
        let raised = diff.treatingWarningsAsErrors().keepingRisks(atLeast: .error)
        #expect(raised.risks.count == diff.risks.count)
    }

    @Test func anInvalidSideSaysSo() {
        let loader = CompiledSideLoader(options: .testing)
        let yaml = DiffFleet().yaml.replacingOccurrences(
            of: "platform: macOS\nosVersions: \">=15.0\"", with: "platform: macos")
        let load = loader.compile(
            root: "broken", files: [SourceFile(path: "broken/fleet.yaml", text: yaml)], label: "broken")
        guard case .invalid(let label, let diagnostics) = load else {
            Issue.record("expected the side not to validate")
            return
        }
        #expect(label == "broken" && diagnostics.contains { $0.severity == .error })
    }
}
