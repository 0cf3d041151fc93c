import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Everything known about one device after applying its reports in order; later reports win, and an
/// incremental DDM report overrides only the items it carries.
struct DeviceState: Sendable, Hashable {
    /// The report files applied, in order.
    package var reports: [String] = []
    /// The family of the last report that carried update progress (DDM status, `OSUpdateStatus`, `ScheduleOSUpdate`).
    var progressPath: CohortExpectation.Path?
    /// Whether any DDM status report arrived.
    var sawDDM = false
    /// Whether any legacy command response arrived.
    var sawLegacy = false

    /// The OS version last reported (DDM `device.operating-system.version` or `DeviceInformation` `OSVersion`).
    package var osVersion: String?
    /// The build last reported.
    var buildVersion: String?
    /// The RSR extra version last reported over DDM.
    var extraVersion: String?

    /// DDM: `softwareupdate.install-state`.
    package var installState: String?
    /// DDM: `softwareupdate.pending-version`.
    var pendingVersion: DDMStatusItems.PendingVersion?
    /// DDM: `softwareupdate.failure-reason`.
    package var failureReason: DDMStatusItems.FailureReason?
    /// DDM: `management.declarations` by kind, then identifier.
    package var declarations: [String: [String: DeclarationStatus]] = [:]

    /// Legacy: the last update progress a command response gave.
    var legacyUpdate: LegacyUpdate?
    /// Legacy: the last `AvailableOSUpdates` list.
    var availableUpdates: [LegacyResponse.AvailableUpdate]?

    /// Legacy update progress, from `OSUpdateStatus` or `ScheduleOSUpdate`.
    struct LegacyUpdate: Sendable, Hashable {
        /// The request type that reported it.
        package var source: String
        /// The product key of the update, empty when none is in progress.
        package var productKey: String
        /// `Status` (`Idle` when the response listed no update).
        package var status: String
        /// `OSUpdateStatus` only.
        var isDownloaded: Bool?
        /// `OSUpdateStatus` only: 0.0–1.0.
        var downloadPercentComplete: Double?
        /// `ScheduleOSUpdate` only.
        package var installAction: String?
        /// `ScheduleOSUpdate` failed as a whole.
        var commandError: String?
    }

    /// Applies one report; unknown status values are reported (MOS704) naming the report's file.
    package mutating func apply(
        _ report: DeviceReport, target: String, vocabulary: StatusVocabulary, diagnostics: inout DiagnosticBag
    ) {
        reports.append(report.file)
        let location = SourceLocation(file: report.file)
        switch report.content {
        case .ddm(let items):
            if items.fullReport { self = DeviceState(reports: reports, sawLegacy: sawLegacy, legacy: self) }
            sawDDM = true
            if let value = items.osVersion { osVersion = value }
            if let value = items.buildVersion { buildVersion = value }
            if let value = items.extraVersion { extraVersion = value }
            if let value = items.pendingVersion { pendingVersion = value }
            if let value = items.failureReason { failureReason = value }
            if let value = items.installState {
                installState = value
                progressPath = .ddm
                if !vocabulary.installStates.contains(value) {
                    diagnostics.emit(
                        .unknownStatusValue,
                        "unknown install-state '\(value)'; read as Pending (expected one of "
                            + "\(vocabulary.installStates.sorted().map { "'\($0)'" }.joined(separator: ", ")))",
                        at: location)
                }
            }
            for (kind, list) in items.declarations ?? [:] {
                var known = items.fullReport ? [:] : declarations[kind] ?? [:]
                for item in list {
                    known[item.identifier] = item.removed ? nil : item
                }
                declarations[kind] = known
            }
        case .legacy(let response):
            sawLegacy = true
            applyLegacy(response, target: target, vocabulary: vocabulary, location: location, diagnostics: &diagnostics)
        }
    }

    /// A fresh state after a full DDM report, keeping what only legacy responses said.
    private init(reports: [String], sawLegacy: Bool, legacy old: DeviceState) {
        self.reports = reports
        self.sawLegacy = sawLegacy
        legacyUpdate = old.legacyUpdate
        availableUpdates = old.availableUpdates
        progressPath = old.progressPath == .legacy ? .legacy : nil
    }

    init() {}

    private mutating func applyLegacy(
        _ response: LegacyResponse, target: String, vocabulary: StatusVocabulary, location: SourceLocation,
        diagnostics: inout DiagnosticBag
    ) {
        switch response {
        case .deviceInformation(let os, let build):
            if let os { osVersion = os }
            if let build { buildVersion = build }
        case .availableOSUpdates(let list):
            availableUpdates = list
        case .osUpdateStatus(let items):
            progressPath = .legacy
            for item in items where !vocabulary.osUpdateStatuses.contains(item.status) {
                diagnostics.emit(
                    .unknownStatusValue, "unknown OSUpdateStatus Status '\(item.status)'; read as Pending", at: location
                )
            }
            guard let item = Self.pick(items, target: target, key: \.productKey, rank: Self.rank) else {
                legacyUpdate = LegacyUpdate(source: "OSUpdateStatus", productKey: "", status: "Idle")
                return
            }
            legacyUpdate = LegacyUpdate(
                source: "OSUpdateStatus", productKey: item.productKey, status: item.status,
                isDownloaded: item.isDownloaded, downloadPercentComplete: item.downloadPercentComplete)
        case .scheduleOSUpdate(let results, let commandError):
            progressPath = .legacy
            for result in results where !vocabulary.scheduleStatuses.contains(result.status) {
                diagnostics.emit(
                    .unknownStatusValue, "unknown ScheduleOSUpdate Status '\(result.status)'; read as Pending",
                    at: location)
            }
            for result in results
            where !result.installAction.isEmpty
                && !vocabulary.installActions.contains(result.installAction)
            {
                diagnostics.emit(
                    .unknownStatusValue, "unknown ScheduleOSUpdate InstallAction '\(result.installAction)'; ignored",
                    at: location)
            }
            let result = Self.pick(results, target: target, key: \.productKey) {
                LegacyStatusMapping.schedule($0.status).status == .error || $0.installAction == "Error" ? 9 : 0
            }
            legacyUpdate = LegacyUpdate(
                source: "ScheduleOSUpdate", productKey: result?.productKey ?? "", status: result?.status ?? "Idle",
                installAction: result?.installAction, commandError: commandError)
        }
    }

    /// The item about the target (its product key names the target version), else the highest-ranked one.
    private static func pick<T>(_ items: [T], target: String, key: KeyPath<T, String>, rank: (T) -> Int) -> T? {
        let named = items.first { item in
            item[keyPath: key].split { !($0.isNumber || $0 == ".") }.contains { $0 == target }
        }
        if let named { return named }
        return items.enumerated().max { (rank($0.element), -$0.offset) < (rank($1.element), -$1.offset) }?.element
    }

    /// How far an `OSUpdateStatus` item has got, for picking the most advanced.
    private static func rank(_ item: LegacyResponse.OSUpdateStatusItem) -> Int {
        if item.status == "Installing" { return 3 }
        if item.isDownloaded { return 2 }
        return item.status == "Downloading" ? 1 : 0
    }
}
