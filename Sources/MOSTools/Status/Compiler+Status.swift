public import MOSBasics
public import MOSCompiler
public import MOSDomain
import MOSOutput
import MOSYAML

/// Everything besides the inputs that decides what `mosc status` reports.
public struct StatusOptions: Sendable {
    /// The instant deadlines are judged against.
    public var now: Instant
    /// The bounds on what is read.
    public var limits: StatusLimits
    /// Apple's schema facts (install-state values, DDM thresholds).
    public var gates: SoftwareUpdateGates

    /// Options with the defaults.
    public init(now: Instant, limits: StatusLimits = .defaults, gates: SoftwareUpdateGates = .bundled) {
        self.now = now
        self.limits = limits
        self.gates = gates
    }
}

/// The outcome of `status`: the fleet's statuses and every diagnostic.
public struct StatusResult: Sendable {
    /// The statuses.
    public var fleet: FleetStatus
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Compiler {
    /// Reads the devices list and the reports, applies each device's reports in order, and judges every listed
    /// device against its cohort's expectation.
    /// - Parameters:
    ///   - cohorts: The expectations by cohort name (``CohortExpectation/all(from:gates:)`` over a manifest).
    ///   - devices: The devices list (`devices.csv`).
    ///   - reports: The report files, in any order.
    public static func status(
        cohorts: [String: CohortExpectation], devices: SourceFile, reports: [SourceFile], options: StatusOptions
    ) -> StatusResult {
        var bag = DiagnosticBag()
        let list = DeviceList.read(devices, limits: options.limits, diagnostics: &bag)
        var entries: [DeviceList.Entry] = []
        for entry in list.entries {
            guard cohorts[entry.cohort] != nil else {
                let hint = closestName(to: entry.cohort, in: Array(cohorts.keys)).map { "did you mean '\($0)'?" }
                bag.emit(
                    .unknownStatusCohort, "cohort '\(entry.cohort)' is not in the compiled output", at: entry.location,
                    hint: hint)
                continue
            }
            entries.append(entry)
        }
        // Index devices by upper-cased serial and UDID.
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            for id in [entry.serial, entry.udid].compactMap({ $0 }) { index[id.uppercased()] = position }
        }
        var byDevice: [Int: [DeviceReport]] = [:]
        for file in reports {
            guard let report = readReport(file, limits: options.limits, diagnostics: &bag) else { continue }
            let candidates = [report.serialNumber, report.udid, report.fileName.deviceID].compactMap { $0 }
            guard let position = candidates.lazy.compactMap({ index[$0.uppercased()] }).first else {
                let id = candidates.first ?? report.fileName.deviceID
                bag.emit(
                    .unknownDevice, "device '\(id)' is not in the devices list; report ignored",
                    at: .init(file: file.path))
                continue
            }
            byDevice[position, default: []].append(report)
        }
        let vocabulary = StatusVocabulary(gates: options.gates)
        var devicesOut: [FleetStatus.Device] = []
        for (position, entry) in entries.enumerated() {
            guard let cohort = cohorts[entry.cohort] else { continue }
            // Reports without an instant in their name come first, by path; then by instant, ties by path.
            let ordered = (byDevice[position] ?? []).sorted { a, b in
                switch (a.fileName.instant, b.fileName.instant) {
                case (nil, nil): a.file < b.file
                case (nil, _?): true
                case (_?, nil): false
                case (let x?, let y?): x != y ? x < y : a.file < b.file
                }
            }
            var state = DeviceState()
            for report in ordered {
                state.apply(report, target: cohort.targetVersion, vocabulary: vocabulary, diagnostics: &bag)
            }
            // With tracks, the device is judged by its own major's track, once its reports say which.
            let expectation = cohort.following(osVersion: state.osVersion)
            if let expectation, expectation.targetVersion != cohort.targetVersion {
                var rebuilt = DeviceState()
                var ignored = DiagnosticBag()
                for report in ordered {
                    rebuilt.apply(
                        report, target: expectation.targetVersion, vocabulary: vocabulary, diagnostics: &ignored)
                }
                state = rebuilt
            }
            let verdict =
                expectation.map { judgeDevice(state, against: $0, now: options.now) }
                ?? untrackedVerdict(state, cohort: cohort)
            if let path = verdict.path, !state.reports.isEmpty, !cohort.paths.contains(path),
                let last = ordered.last
            {
                bag.emit(
                    .unexpectedUpdatePath,
                    "device '\(entry.displayID)' reports over \(path == .ddm ? "DDM" : "legacy MDM") but cohort "
                        + "'\(cohort.name)' has no \(path.rawValue) path",
                    at: SourceLocation(file: last.file))
            }
            devicesOut.append(
                FleetStatus.Device(
                    cohort: entry.cohort, serial: entry.serial, udid: entry.udid, status: verdict.status,
                    reason: verdict.reason, late: verdict.late, path: verdict.path, osVersion: state.osVersion,
                    buildVersion: state.buildVersion, reports: state.reports))
        }
        devicesOut.sort { ($0.cohort, $0.displayID) < ($1.cohort, $1.displayID) }
        return StatusResult(
            fleet: summarize(devicesOut, cohorts: cohorts, now: options.now), diagnostics: bag.sorted)
    }

    /// A device of a cohort with tracks whose major no track enforces (MOS239 at validation): nothing is asked of
    /// it, so it passes, saying so.
    private static func untrackedVerdict(_ state: DeviceState, cohort: CohortExpectation) -> DeviceVerdict {
        let majors = cohort.tracks.keys.sorted().map(String.init).joined(separator: ", ")
        return DeviceVerdict(
            status: .pass,
            reason: "runs \(state.osVersion ?? "?"): no track enforces its major (the tracks are for \(majors))",
            late: false, path: nil, lateAfter: nil)
    }

    private static func summarize(
        _ devices: [FleetStatus.Device], cohorts: [String: CohortExpectation], now: Instant
    ) -> FleetStatus {
        var summaries: [String: FleetStatus.Cohort] = [:]
        for device in devices {
            guard let cohort = cohorts[device.cohort] else { continue }
            var summary =
                summaries[device.cohort]
                ?? FleetStatus.Cohort(
                    platform: cohort.platform, targetVersion: cohort.targetVersion, targetBuild: cohort.targetBuild,
                    deadline: cohort.deadline,
                    ddmLateAfter: cohort.paths.contains(.ddm) ? cohort.lateAfter(.ddm)?.iso8601 : nil,
                    legacyLateAfter: cohort.paths.contains(.legacy) ? cohort.lateAfter(.legacy)?.iso8601 : nil,
                    devices: 0,
                    counts: Dictionary(uniqueKeysWithValues: UpdateStatus.allCases.map { ($0.rawValue, 0) }), late: 0)
            summary.devices += 1
            summary.counts[device.status.rawValue, default: 0] += 1
            if device.late { summary.late += 1 }
            summaries[device.cohort] = summary
        }
        return FleetStatus(
            formatVersion: FleetStatus.currentFormatVersion, now: now.iso8601, cohorts: summaries, devices: devices)
    }

    /// The name nearest `name`, if close enough to suggest (`Suggestions`' policy; ties alphabetical).
    static func closestName(to name: String, in names: [String]) -> String? {
        Suggestions.closest(to: name, among: names.sorted())
    }
}
