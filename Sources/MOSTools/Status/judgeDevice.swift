import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Measures one device's merged reports against its cohort's expectation: one status, its reason, and `late`.
func judgeDevice(_ state: DeviceState, against cohort: CohortExpectation, now: Instant) -> DeviceVerdict {
    let path = updatePath(state, cohort: cohort)
    let verdict = status(state, cohort: cohort, path: path)
    // Without a known path, judge late at the later of the two deadlines: never late too early.
    let lateAfter =
        path.map { cohort.lateAfter($0) }
        ?? [cohort.lateAfter(.ddm), cohort.lateAfter(.legacy)].compactMap { $0 }.max()
    let late = verdict.status != .pass && (lateAfter.map { now >= $0 } ?? false)
    return DeviceVerdict(status: verdict.status, reason: verdict.reason, late: late, path: path, lateAfter: lateAfter)
}

/// A judged device.
struct DeviceVerdict: Sendable, Hashable {
    package var status: UpdateStatus
    package var reason: String
    package var late: Bool
    package var path: CohortExpectation.Path?
    var lateAfter: Instant?
}

/// The path the device is on: that of its last progress report, else DDM if it ever sent a status report, else
/// its OS version against the DDM threshold, else the cohort's only path.
private func updatePath(_ state: DeviceState, cohort: CohortExpectation) -> CohortExpectation.Path? {
    if let path = state.progressPath { return path }
    if state.sawDDM { return .ddm }
    if let version = state.osVersion.flatMap(DeviceVersion.init), let threshold = cohort.ddmThreshold,
        cohort.paths.count != 1
    {
        return version.version >= threshold ? .ddm : .legacy
    }
    if cohort.paths.count == 1 { return cohort.paths.first }
    return state.sawLegacy ? .legacy : nil
}

private func status(_ state: DeviceState, cohort: CohortExpectation, path: CohortExpectation.Path?) -> StatusVerdict {
    let target = DeviceVersion(cohort.targetVersion)
    let targetText = cohort.targetVersion + (cohort.targetBuild.map { " (\($0))" } ?? "")
    let running = state.osVersion.map { os in
        os + (state.extraVersion.map { " \($0)" } ?? "") + (state.buildVersion.map { " (\($0))" } ?? "")
    }
    if state.reports.isEmpty { return StatusVerdict(status: .unreported, reason: "no report received") }
    if let os = state.osVersion, let device = DeviceVersion(os + (state.extraVersion.map { " \($0)" } ?? "")),
        let target, device >= target
    {
        var reason = "runs \(running ?? os); target \(targetText)"
        if let build = state.buildVersion, let want = cohort.targetBuild, device == target, build != want {
            reason += "; build '\(build)' differs from the target build"
        }
        return StatusVerdict(status: .pass, reason: reason)
    }
    let runs = running.map { "; runs \($0)" } ?? ""
    if let refused = refusedAsOlder(state, cohort: cohort) {
        return StatusVerdict(
            status: .pass,
            reason: "declaration '\(refused)' already satisfied: Error.ConfigurationCannotBeApplied "
                + "(its target is older than the current version)\(runs)")
    }
    if let rejected = rejectedDeclaration(state, cohort: cohort) {
        return StatusVerdict(status: .error, reason: rejected)
    }
    switch path {
    case .ddm?:
        if let failure = state.failureReason, failure.count > 0 {
            let why = failure.reason.map { ": \($0)" } ?? ""
            return StatusVerdict(status: .error, reason: "failure-reason count \(failure.count)\(why)\(runs)")
        }
        guard let installState = state.installState else {
            return StatusVerdict(status: .pending, reason: "no install-state reported\(runs)")
        }
        var verdict = InstallStateMapping.status(installState)
        if [.downloading, .cached, .installing].contains(verdict.status), let pending = state.pendingVersion,
            !pending.osVersion.isEmpty
        {
            let build = pending.buildVersion.isEmpty ? "" : " (\(pending.buildVersion))"
            verdict.reason += " \(pending.osVersion)\(build)"
            if let version = DeviceVersion(pending.osVersion), let target, version < target {
                verdict.reason += ", below the target \(targetText)"
            }
            if let enforced = pending.targetLocalDateTime, !enforced.isEmpty {
                verdict.reason += ", enforced at \(enforced)"
            }
        }
        if verdict.status == .cached { verdict.reason += ", ready to install" }
        verdict.reason += runs
        return verdict
    case .legacy?:
        guard let update = state.legacyUpdate else {
            return StatusVerdict(
                status: .pending,
                reason: "no OSUpdateStatus or ScheduleOSUpdate response\(runs)\(available(state, target))")
        }
        if let error = update.commandError { return StatusVerdict(status: .error, reason: error) }
        var verdict: StatusVerdict
        if update.source == "ScheduleOSUpdate" {
            verdict = LegacyStatusMapping.schedule(update.status)
            if update.installAction == "Error" {
                verdict = StatusVerdict(status: .error, reason: "ScheduleOSUpdate: InstallAction 'Error'")
            }
        } else {
            verdict = LegacyStatusMapping.osUpdateStatus(
                update.status, isDownloaded: update.isDownloaded ?? false, percent: update.downloadPercentComplete ?? 0)
        }
        if !update.productKey.isEmpty { verdict.reason += " (\(update.productKey))" }
        verdict.reason += runs
        if verdict.status == .pending { verdict.reason += available(state, target) }
        return verdict
    case nil:
        return StatusVerdict(status: .pending, reason: "no update progress reported\(runs)")
    }
}

/// The first of the cohort's declarations the device reports invalid or inactive, with Apple's reason codes.
private func rejectedDeclaration(_ state: DeviceState, cohort: CohortExpectation) -> String? {
    for kind in ["configurations", "activations", "assets", "management"] {
        let items = (state.declarations[kind] ?? [:]).values.sorted { $0.identifier < $1.identifier }
        for item in items where cohort.applies(item.identifier, toOS: state.osVersion) {
            let invalid = item.valid == "invalid"
            guard invalid || item.active == false else { continue }
            let codes = item.reasons.map { reason in
                reason.code + (reason.description.map { " (\($0))" } ?? "")
            }
            let what = invalid ? "invalid" : "inactive"
            let why = codes.isEmpty ? "" : ": " + codes.joined(separator: ", ")
            return "declaration '\(item.identifier)' \(what)\(why)"
        }
    }
    return nil
}

/// The cohort's enforcement the device refused because it already runs a newer version: Apple documents
/// `Error.ConfigurationCannotBeApplied` "… older than current version" for a target at or below the installed one.
private func refusedAsOlder(_ state: DeviceState, cohort: CohortExpectation) -> String? {
    let items = (state.declarations["configurations"] ?? [:]).values.sorted { $0.identifier < $1.identifier }
    return items.first { item in
        cohort.applies(item.identifier, toOS: state.osVersion) && item.valid == "invalid"
            && item.reasons.contains { reason in
                reason.code == "Error.ConfigurationCannotBeApplied"
                    && (reason.description ?? "").lowercased().contains("older than current version")
            }
    }?.identifier
}

/// "; AvailableOSUpdates offers …" for a pending legacy device, when the device listed its updates.
private func available(_ state: DeviceState, _ target: DeviceVersion?) -> String {
    guard let list = state.availableUpdates else { return "" }
    let versions = list.compactMap(\.version)
    guard let target else { return "" }
    if versions.contains(where: { DeviceVersion($0).map { $0 >= target } ?? false }) {
        return "; the target is among its available updates"
    }
    return "; the target is not among its available updates"
}

/// An OS version as devices report it: `15.0.1`, or with a Rapid Security Response letter, `16.1 (a)`.
struct DeviceVersion: Sendable, Hashable, Comparable {
    package var version: OSVersion
    /// The RSR letter, empty when none.
    package var extra: String

    init?(_ text: String) {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let version = OSVersion(String(first)) else { return nil }
        self.version = version
        extra = parts.count > 1 ? parts[1].filter { $0.isLetter }.lowercased() : ""
    }

    static func < (lhs: DeviceVersion, rhs: DeviceVersion) -> Bool {
        if lhs.version != rhs.version { return lhs.version < rhs.version }
        // "" < "a" < "b": an RSR is newer than its base release.
        return (lhs.extra.count, lhs.extra) < (rhs.extra.count, rhs.extra)
    }
}
