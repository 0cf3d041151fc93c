import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Raises the risk flags (`MOS6xx`) of one cohort's difference.
struct RiskJudge {
    package var now: Instant
    /// 0 switches the notice flag off.
    package var minimumNoticeSeconds: Int64
    var imminentSeconds: Int64

    /// When some device first and last reaches a cohort's deadline: DDM devices read the wall time in their own
    /// zone (UTC+14 first, UTC-12 last); the legacy plan enforces at one instant.
    package static func window(_ cohort: OutputManifest.Cohort) -> (first: Instant, last: Instant)? {
        let legacy = cohort.legacyPlan?.first { $0.step == "enforce" }?.utc.flatMap(Instant.parseISO8601)
        let wall = LocalDateTime.parse(cohort.deadline).value
        var first: Instant?
        var last: Instant?
        if cohort.paths.contains(CohortExpectation.Path.ddm.rawValue) || legacy == nil, let wall {
            first = wall.earliestInstantAnywhere
            last = wall.latestInstantAnywhere
        }
        if let legacy {
            first = min(first ?? legacy, legacy)
            last = max(last ?? legacy, legacy)
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    package func risks(_ diff: RolloutDiff.CohortDiff, _ pair: CohortPair) -> [RolloutDiff.Risk] {
        var risks: [RolloutDiff.Risk] = []
        let name = diff.cohort
        let headPlaces = pair.head.places[name]
        let basePlaces = pair.base.places[name]
        func flag(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
            risks.append(
                .init(code: code, severity: code.defaultSeverity, cohort: name, message: message, location: location))
        }
        let headAt = { (place: SourceLocation?) in place ?? pair.head.manifestLocation }

        switch diff.change {
        case .removed:
            let policy = diff.base?.policy ?? "?"
            flag(
                .enforcementRemoved,
                "cohort '\(name)' is no longer enforced (policy '\(policy)' enforced it): its devices lose their deadline and stay on the OS they run",
                at: basePlaces?.reference ?? pair.base.manifestLocation)
            return risks
        case .added:
            if let after = pair.after { deadlineRisks(name, after, at: headAt(headPlaces?.deadline), flag: flag) }
            return risks
        case .changed:
            break
        }
        guard let before = pair.before, let after = pair.after else { return risks }
        for path in before.paths where !after.paths.contains(path) {
            let range =
                (path == CohortExpectation.Path.ddm.rawValue ? before.routing.ddm : before.routing.legacy).map {
                    " (OS \($0))"
                } ?? ""
            flag(
                .enforcementRemoved,
                "cohort '\(name)' loses its \(path) path: its devices on that path\(range) are no longer enforced",
                at: headAt(headPlaces?.reference))
        }
        if let target = diff.fields.first(where: { $0.is(.targetVersion) }), target.direction == "lowered" {
            flag(
                .targetLowered,
                "cohort '\(name)' target lowered from \(target.before ?? "?") to \(target.after ?? "?"): devices already on a newer version stay there, and none downgrades",
                at: headAt(headPlaces?.target))
        }
        // A track's own target and deadline (a policy with tracks): the devices on that major follow them.
        for field in diff.fields {
            guard let major = DiffField(rawValue: field.field).trackMajor else { continue }
            let devices = "cohort '\(name)' (its \(after.platform) \(major) devices)"
            if field.is(DiffField.track(major).member(DiffField.targetVersion.rawValue)), field.direction == "lowered" {
                flag(
                    .targetLowered,
                    "\(devices) target lowered from \(field.before ?? "?") to \(field.after ?? "?"): devices already on a newer version stay there, and none downgrades",
                    at: headAt(headPlaces?.target))
            }
            if field.is(DiffField.track(major).member(DiffField.deadline.rawValue)), field.direction == "earlier",
                let shift = field.shiftSeconds
            {
                flag(
                    .deadlineMovedEarlier,
                    "\(devices) deadline moved earlier by \(DiffText.duration(shift)), from \(field.before ?? "?") to \(field.after ?? "?")",
                    at: headAt(headPlaces?.deadline))
            }
        }
        let deadline = diff.fields.first { $0.is(.deadline) }
        let enforce = diff.fields.first { $0.is(.legacyStep(.enforce)) && $0.before != nil && $0.after != nil }
        if let moved = deadline ?? enforce, moved.direction == "earlier", let shift = moved.shiftSeconds {
            let what = moved.is(.deadline) ? "deadline" : "legacy enforce instant"
            flag(
                .deadlineMovedEarlier,
                "cohort '\(name)' \(what) moved earlier by \(DiffText.duration(shift)), from \(moved.before ?? "?") to \(moved.after ?? "?")",
                at: headAt(headPlaces?.deadline))
        }
        guard deadline != nil || enforce != nil else { return risks }
        if let old = Self.window(before),
            now.adding(seconds: imminentSeconds) >= old.first, now <= old.last.adding(seconds: imminentSeconds)
        {
            flag(
                .deadlineMovedWhileEnforcing,
                "cohort '\(name)' deadline moved while devices may already be enforcing the old one: \(before.deadline) falls between \(old.first.iso8601) and \(old.last.iso8601), and it is \(now.iso8601)",
                at: headAt(headPlaces?.deadline))
        }
        deadlineRisks(name, after, at: headAt(headPlaces?.deadline), flag: flag)
        return risks
    }

    /// A deadline the change sets: already passed (an error: usually a typo in the year), or short notice.
    private func deadlineRisks(
        _ name: String, _ cohort: OutputManifest.Cohort, at location: SourceLocation?,
        flag: (DiagnosticCode, String, SourceLocation?) -> Void
    ) {
        guard let window = Self.window(cohort) else { return }
        if window.first <= now {
            flag(
                .changedDeadlinePassed,
                "cohort '\(name)' deadline \(cohort.deadline) has already passed at \(now.iso8601): devices not yet updated install at once; check the year",
                location)
        } else if minimumNoticeSeconds > 0, now.seconds(until: window.first) < minimumNoticeSeconds {
            flag(
                .changedDeadlineShortNotice,
                "cohort '\(name)' deadline \(cohort.deadline) leaves some devices \(DiffText.duration(now.seconds(until: window.first))) of notice, less than minimumNotice (\(DiffText.duration(minimumNoticeSeconds)))",
                location)
        }
    }
}
