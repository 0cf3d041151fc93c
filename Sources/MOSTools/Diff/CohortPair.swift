import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// One cohort as both sides state it, and the comparison of the two.
struct CohortPair {
    package var name: String
    package var base: CompiledSide
    package var head: CompiledSide
    package var before: OutputManifest.Cohort?
    package var after: OutputManifest.Cohort?

    /// The cohort's difference, or nil when nothing a device sees differs.
    func compare() -> RolloutDiff.CohortDiff? {
        switch (before, after) {
        case (nil, nil):
            return nil
        case (nil, let after?):
            return .init(
                cohort: name, change: .added, base: nil, head: .init(after), fields: [],
                resync: .init(
                    declarationsTokenBefore: nil, declarationsTokenAfter: after.declarationsToken, serverTokens: [],
                    legacyPlan: after.paths.contains(CohortExpectation.Path.legacy.rawValue)))
        case (let before?, nil):
            return .init(
                cohort: name, change: .removed, base: .init(before), head: nil, fields: [],
                resync: .init(
                    declarationsTokenBefore: before.declarationsToken, declarationsTokenAfter: nil, serverTokens: [],
                    legacyPlan: before.paths.contains(CohortExpectation.Path.legacy.rawValue)))
        case (let before?, let after?):
            var fields = Self.enforcementFields(before, after)
            let ddm = compareDeclarations(before, after)
            fields += ddm.fields
            let legacy = compareLegacy(before, after, explained: !fields.isEmpty)
            fields += legacy.fields
            let resync = RolloutDiff.Resync(
                declarationsTokenBefore: before.declarationsToken == after.declarationsToken
                    ? nil : before.declarationsToken,
                declarationsTokenAfter: before.declarationsToken == after.declarationsToken
                    ? nil : after.declarationsToken,
                serverTokens: ddm.tokens, legacyPlan: legacy.changed)
            guard !fields.isEmpty || resync.any else { return nil }
            return .init(
                cohort: name, change: .changed, base: .init(before), head: .init(after), fields: fields, resync: resync)
        }
    }

    // MARK: Manifest fields

    /// What the manifest says: who enforces the cohort, how devices are routed, the target and the deadline.
    static func enforcementFields(_ before: OutputManifest.Cohort, _ after: OutputManifest.Cohort)
        -> [RolloutDiff.FieldChange]
    {
        var fields: [RolloutDiff.FieldChange] = []
        func plain(_ field: DiffField, _ old: String?, _ new: String?) {
            if old != new { fields.append(.init(field, before: old, after: new)) }
        }
        plain(.policy, before.policy, after.policy)
        plain(.ring, String(before.ring), String(after.ring))
        plain(.platform, before.platform, after.platform)
        plain(.enrollment, before.enrollment, after.enrollment)
        plain(.paths, before.paths.joined(separator: ","), after.paths.joined(separator: ","))
        plain(.routingDDM, before.routing.ddm, after.routing.ddm)
        plain(.routingLegacy, before.routing.legacy, after.routing.legacy)
        fields += targetFields(
            nil,
            (
                before.targetVersion, before.targetBuild, before.deadline, before.deadlineMovedBy,
                before.deadlineMovedFrom
            ),
            (after.targetVersion, after.targetBuild, after.deadline, after.deadlineMovedBy, after.deadlineMovedFrom))
        // A policy with tracks: each major's target and deadline, which the devices on that major follow.
        let old = Dictionary((before.tracks ?? []).map { ($0.major, $0) }) { first, _ in first }
        let new = Dictionary((after.tracks ?? []).map { ($0.major, $0) }) { first, _ in first }
        for major in Set(old.keys).union(new.keys).sorted() {
            switch (old[major], new[major]) {
            case (let a?, let b?):
                fields += targetFields(
                    .track(major), (a.targetVersion, a.targetBuild, a.deadline, a.deadlineMovedBy, a.deadlineMovedFrom),
                    (b.targetVersion, b.targetBuild, b.deadline, b.deadlineMovedBy, b.deadlineMovedFrom))
            case (let a, let b):
                plain(
                    .track(major), a.map { "\($0.targetVersion) by \($0.deadline)" },
                    b.map { "\($0.targetVersion) by \($0.deadline)" })
            }
        }
        return fields
    }

    /// The target and deadline fields of the cohort (`scope` nil) or of one of its tracks.
    private static func targetFields(
        _ scope: DiffField?,
        _ before: (version: String, build: String?, deadline: String, movedBy: String?, movedFrom: String?),
        _ after: (version: String, build: String?, deadline: String, movedBy: String?, movedFrom: String?)
    ) -> [RolloutDiff.FieldChange] {
        func named(_ field: DiffField) -> DiffField { scope.map { $0.member(field.rawValue) } ?? field }
        var fields: [RolloutDiff.FieldChange] = []
        func plain(_ field: DiffField, _ old: String?, _ new: String?) {
            if old != new { fields.append(.init(named(field), before: old, after: new)) }
        }
        if let change = version(named(.targetVersion), before.version, after.version) { fields.append(change) }
        plain(.targetBuild, before.build, after.build)
        if before.deadline != after.deadline {
            var change = RolloutDiff.FieldChange(named(.deadline), before: before.deadline, after: after.deadline)
            if let old = LocalDateTime.parse(before.deadline).value, let new = LocalDateTime.parse(after.deadline).value
            {
                change.shiftSeconds = new.secondsSinceEpochAsIfUTC - old.secondsSinceEpochAsIfUTC
                change.direction = new > old ? "later" : "earlier"
            }
            fields.append(change)
        }
        // Why a computed deadline is where it is: the blackout or skipped weekday that moved it, and from where.
        plain(.deadlineMovedBy, before.movedBy, after.movedBy)
        plain(.deadlineMovedFrom, before.movedFrom, after.movedFrom)
        return fields
    }

    /// A version change, `raised` or `lowered` when both are versions.
    package static func version(_ field: DiffField, _ old: String, _ new: String) -> RolloutDiff.FieldChange? {
        guard old != new else { return nil }
        var change = RolloutDiff.FieldChange(field, before: old, after: new)
        if let a = OSVersion(old), let b = OSVersion(new), a != b { change.direction = b > a ? "raised" : "lowered" }
        return change
    }

    /// An instant change, `later` or `earlier` with the shift.
    package static func instant(_ field: DiffField, _ old: String?, _ new: String?) -> RolloutDiff.FieldChange? {
        guard old != new else { return nil }
        var change = RolloutDiff.FieldChange(field, before: old, after: new)
        if let old = old.flatMap(Instant.parseISO8601), let new = new.flatMap(Instant.parseISO8601) {
            change.shiftSeconds = old.seconds(until: new)
            change.direction = new > old ? "later" : "earlier"
        }
        return change
    }

    // MARK: Artifacts

    /// `path → sha256` of the cohort's artifacts under `folder` (`ddm/declarations/`, `legacy/`).
    package func artifacts(_ cohort: OutputManifest.Cohort, under folder: String) -> [String: String] {
        let prefix = "cohorts/\(name)/\(folder)"
        var found: [String: String] = [:]
        for artifact in cohort.artifacts where artifact.path.hasPrefix(prefix) {
            found[artifact.path] = artifact.sha256
        }
        return found
    }
}
