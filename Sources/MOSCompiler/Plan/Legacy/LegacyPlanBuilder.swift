import MOSBasics
package import MOSDomain
package import MOSOutput
import MOSYAML

/// A built legacy plan: plan.json's content, the command documents and the instants the manifest records.
package struct LegacyPlanBuild {
    /// The plan.
    package var plan: LegacyPlan
    /// The command files, by path relative to the plan's folder, in plan order.
    package var commands: [(file: String, command: LegacyCommandBuilder.Command)]
    /// Each step with an instant (publish has none), in plan order.
    package var instants: [OutputManifest.PlanInstant]
}

/// Why mosc writes no legacy plan for a cohort.
package struct LegacyPlanRefusal: Error, Hashable {
    /// The reason, as a diagnostic message.
    package var message: String
}

/// Builds the four steps of a cohort's legacy plan, every gate read from Apple's schema through `gates`.
package struct LegacyPlanBuilder {
    /// How long after the enforce instant the first verify check runs, and between checks.
    static let verifyInterval = DurationSpec(constantDays: 0, hours: 6)
    /// How many verify checks before a device still below the target counts as failed (two days at 6h).
    static let verifyChecks = 8
    /// `UpdateResults[].Status` values that report progress, not failure.
    static let progressStatuses: Set<String> = ["Idle", "Downloading", "Installing"]

    package var gates: SoftwareUpdateGates

    /// The plan for `ir`'s pre-DDM devices, or why there is none.
    package func build(_ ir: CohortPlanIR) -> Result<LegacyPlanBuild, LegacyPlanRefusal> {
        let cohort = ir.cohort
        let platform = cohort.platform
        let devices = LegacyDevices(cohort)
        func refuse(_ why: String) -> Result<LegacyPlanBuild, LegacyPlanRefusal> {
            .failure(LegacyPlanRefusal(message: "no legacy plan for cohort '\(cohort.name)': \(why)"))
        }
        guard let options = ir.legacy else { return refuse("the policy has no legacy options") }
        guard let schedule = gates.legacyCommandSupport(.scheduleOSUpdate, platform: platform) else {
            return refuse("\(platform) has no ScheduleOSUpdate")
        }
        // ScheduleOSUpdate is deprecated in OS 26 and removed in 27; devices there take DDM, never a plan.
        if let end = [schedule.deprecated, schedule.removed].compactMap({ $0 }).min(),
            devices.range.hasVersions(atOrAbove: end)
        {
            return refuse("devices on \(devices.range) reach \(platform) \(end), where ScheduleOSUpdate is deprecated")
        }
        guard !devices.range.isEmpty, schedule.isAvailable(on: devices.lowest) else {
            return refuse(
                "ScheduleOSUpdate needs \(platform) \(schedule.introduced), devices start at \(devices.lowest)")
        }
        guard let target = OSVersion(ir.targetVersion) else { return refuse("'\(ir.targetVersion)' is not a version") }

        var state = State(
            ir: ir, devices: devices, zone: options.timeZone, gates: gates,
            commands: LegacyCommandBuilder(
                cohort: cohort.name, policy: ir.policy, targetVersion: ir.targetVersion, targetBuild: ir.targetBuild,
                productVersionSupported: gates.minimumOS(forScheduleKey: "ProductVersion", platform: platform)
                    .map { devices.lowest >= $0 } ?? false))
        let deadline = state.resolveDeadline()
        let kind = devices.updateKind(to: target)
        state.publish()
        if let lead = options.downloadLeadTime {
            state.download(enforceAt: deadline.instant, lead: lead)
        } else {
            state.omitted.append(.init(item: "download", reason: "legacy.downloadLeadTime is 0: the install downloads"))
        }
        state.enforce(at: deadline.instant, options: options, kind: kind)
        state.verify(enforceAt: deadline.instant)
        state.explainProductKey()

        let plan = LegacyPlan(
            cohort: cohort.name, policy: ir.policy, platform: platform.rawValue,
            enrollment: cohort.enrollment.rawValue,
            devices: .init(
                range: devices.range.description, lowestOS: devices.lowest.description, majors: Array(devices.majors)),
            target: .init(version: ir.targetVersion, build: ir.targetBuild, update: kind.rawValue),
            deadline: deadline.record, steps: state.steps, omitted: state.omitted, notes: state.notes + Self.runNotes)
        let instants = state.steps.map { OutputManifest.PlanInstant(step: $0.name.rawValue, utc: $0.utc) }
        return .success(LegacyPlanBuild(plan: plan, commands: state.files, instants: instants))
    }

    /// How every plan is run; the same words in every plan, spelled out in `specs/output.md`.
    static let runNotes = [
        "run the steps in order; publish runs when the server loads the plan, and a step whose instant has "
            + "already passed by then runs at once, after the steps before it",
        "each file's CommandUUID names the command as compiled; give every sending (verify checks, retries) a "
            + "fresh CommandUUID",
    ]
}

/// The plan under construction.
private struct State {
    var ir: CohortPlanIR
    package var devices: LegacyDevices
    package var zone: ZoneRules
    package var gates: SoftwareUpdateGates
    package var commands: LegacyCommandBuilder
    package var steps: [LegacyStep] = []
    package var files: [(file: String, command: LegacyCommandBuilder.Command)] = []
    package var omitted: [LegacyPlan.Omission] = []
    package var notes: [String] = []

    package var platform: Platform { ir.cohort.platform }

    /// The deadline read in the plan's zone. Validation rejects a deadline in a DST gap; should one get here,
    /// it is read with the offset before the jump (after the gap), as Foundation does, and the plan says so.
    package mutating func resolveDeadline() -> (instant: Instant, record: LegacyPlan.Deadline) {
        let zoneResolution = zone.resolve(ir.deadline)
        // The same instant DeadlineRule's MOS224/MOS225 name.
        let instant = zoneResolution.scheduledInstant
        var resolution = "unique"
        switch zoneResolution {
        case .unique:
            break
        case .overlap:
            resolution = "overlap-first"
            notes.append(
                "the deadline \(ir.deadline) occurs twice in \(zone); the plan enforces at its first occurrence "
                    + "(UTC offset \(ZoneRules.formatOffset(zone.offsetSeconds(at: instant)))))")
        case .gap:
            resolution = "gap-after"
            notes.append("the deadline \(ir.deadline) does not occur in \(zone); the plan enforces just after the gap")
        }
        let stamp = Stamp(instant, zone)
        return (
            instant,
            .init(
                local: ir.deadline.wireString, timeZone: zone.identifier, utc: stamp.utc, utcOffset: stamp.offset,
                resolution: resolution)
        )
    }

    /// The position of the next command file, from 1.
    package var next: Int { files.count + 1 }

    /// Adds a command file (built at position ``next``) and returns its reference.
    package mutating func add(_ command: LegacyCommandBuilder.Command) -> LegacyCommandReference {
        let position = files.count + 1
        let number = position < 10 ? "0\(position)" : "\(position)"
        let file = "commands/\(number)-\(command.requestType).plist"
        files.append((file, command))
        return LegacyCommandReference(
            file: file, requestType: command.requestType, commandUUID: command.commandUUID,
            productKey: command.productKey)
    }

    /// Whether the devices' oldest OS can take `request`; records why not otherwise.
    mutating func supports(_ request: LegacyRequest) -> Bool {
        guard let support = gates.legacyCommandSupport(request, platform: platform) else {
            omitted.append(.init(item: request.rawValue, reason: "\(platform) has no \(request.rawValue)"))
            return false
        }
        guard support.isAvailable(on: devices.lowest) else {
            omitted.append(
                .init(
                    item: request.rawValue,
                    reason:
                        "\(request.rawValue) needs \(platform) \(support.introduced); devices start at \(devices.lowest)"
                ))
            return false
        }
        return true
    }

    /// 1. publish: a forced scan where the platform has one, then AvailableOSUpdates.
    package mutating func publish() {
        var references: [LegacyCommandReference] = []
        if supports(.scheduleOSUpdateScan) {
            references.append(
                add(
                    commands.command(
                        LegacyRequest.scheduleOSUpdateScan.rawValue, ["Force": .bool(true)], step: .publish,
                        position: next)))
        }
        if supports(.availableOSUpdates) {
            references.append(
                add(commands.command(LegacyRequest.availableOSUpdates.rawValue, step: .publish, position: next)))
        }
        steps.append(LegacyStep(name: .publish, when: "load", commands: references))
    }

    /// 2. download: DownloadOnly, `lead` before the deadline, where the devices' oldest OS accepts it.
    package mutating func download(enforceAt: Instant, lead: DurationSpec) {
        guard let floor = gates.floor(of: .installAction(.downloadOnly), platform: platform) else {
            omitted.append(.init(item: "download", reason: "\(platform) has no InstallAction DownloadOnly"))
            return
        }
        guard devices.lowest >= floor else {
            omitted.append(
                .init(
                    item: "download",
                    reason: "InstallAction DownloadOnly needs \(platform) \(floor); devices start at \(devices.lowest)")
            )
            return
        }
        let reference = add(commands.scheduleOSUpdate(.downloadOnly, step: .download, position: next))
        steps.append(timed(.download, at: enforceAt.adding(seconds: -lead.seconds), commands: [reference]))
    }

    /// 3. enforce: the install action at the deadline, with the minor-update options the devices accept.
    package mutating func enforce(at instant: Instant, options: LegacyOptionsIR, kind: LegacyDevices.UpdateKind) {
        var action = options.installAction
        let floor = gates.floor(of: .installAction(action), platform: platform)
        if floor.map({ devices.lowest >= $0 }) != true {
            let why =
                floor.map { "needs \(platform) \($0); devices start at \(devices.lowest)" }
                ?? "is not available on \(platform)"
            omitted.append(.init(item: "InstallAction \(action.rawValue)", reason: "\(why); Default is sent instead"))
            action = .default
        }
        var extra: [String: PropertyList] = [:]
        if let deferrals = options.maxUserDeferrals,
            minorOption("MaxUserDeferrals", .maxUserDeferrals, kind: kind, needsInstallLater: true, action: action)
        {
            extra["MaxUserDeferrals"] = .integer(deferrals)
        }
        if let priority = options.priority,
            minorOption("Priority", .priority, kind: kind, needsInstallLater: false, action: action)
        {
            extra["Priority"] = .string(priority.rawValue)
        }
        let reference = add(commands.scheduleOSUpdate(action, extra: extra, step: .enforce, position: next))
        steps.append(timed(.enforce, at: instant, commands: [reference]))
    }

    /// Whether `key` goes into the enforce item: the platform accepts it from an OS every device runs, and the
    /// update is minor for every device; records why not otherwise.
    mutating func minorOption(
        _ key: String, _ option: LegacyOption, kind: LegacyDevices.UpdateKind, needsInstallLater: Bool,
        action: InstallAction
    ) -> Bool {
        var reason: String?
        if let floor = gates.floor(of: option, platform: platform) {
            if devices.lowest < floor { reason = "needs \(platform) \(floor); devices start at \(devices.lowest)" }
        } else {
            reason = "is not available on \(platform)"
        }
        if reason == nil, needsInstallLater, action != .installLater {
            reason = "needs InstallAction InstallLater (is \(action.rawValue))"
        }
        if reason == nil {
            switch kind {
            case .minor: break
            case .major: reason = "applies to minor updates only; the update to \(ir.targetVersion) is a major one"
            case .mixed:
                reason =
                    "applies to minor updates only; devices span \(platform) \(devices.majors.lowerBound) to "
                    + "\(devices.majors.upperBound), so the update to \(ir.targetVersion) is a major one for some"
            }
        }
        guard let reason else { return true }
        omitted.append(.init(item: "Updates[].\(key)", reason: reason))
        return false
    }

    /// 4. verify: OSUpdateStatus and the OS version, every `verifyInterval` from the enforce instant.
    package mutating func verify(enforceAt: Instant) {
        var references: [LegacyCommandReference] = []
        if supports(.osUpdateStatus) {
            references.append(
                add(commands.command(LegacyRequest.osUpdateStatus.rawValue, step: .verify, position: next)))
        }
        // DeviceInformation is not in mosc's copy of Apple's schema (no gate to read): Apple lists it from iOS 4,
        // macOS 10.7 and tvOS 9, older than any device a legacy plan can reach.
        let queries = PropertyList.array([.string("OSVersion"), .string("BuildVersion")])
        references.append(
            add(commands.command("DeviceInformation", ["Queries": queries], step: .verify, position: next)))
        let statuses =
            gates.catalog.command(LegacyRequest.scheduleOSUpdate.rawValue)?
            .responseKey(at: "UpdateResults[].Status")?.rangeList ?? []
        var step = timed(.verify, at: enforceAt.adding(LegacyPlanBuilder.verifyInterval), commands: references)
        step.repeatEvery = LegacyPlanBuilder.verifyInterval.description
        step.maxChecks = LegacyPlanBuilder.verifyChecks
        step.until = LegacyUntil(query: "DeviceInformation.OSVersion", atLeast: ir.targetVersion)
        step.onFailure = LegacyFailurePath(
            failureStatuses: statuses.filter { !LegacyPlanBuilder.progressStatuses.contains($0) },
            failureInstallAction: "Error",
            onFailureStatus: "resend-enforce",
            afterMaxChecks: "report-not-updated",
            report: [
                "DeviceInformation.OSVersion", "DeviceInformation.BuildVersion", "OSUpdateStatus",
                "UpdateResults[].Status", "UpdateResults[].ErrorChain",
            ])
        steps.append(step)
    }

    /// Says which commands hold a ProductKey placeholder and why.
    mutating func explainProductKey() {
        let files = steps.flatMap(\.commands).filter { $0.productKey != nil }.map(\.file)
        guard !files.isEmpty else { return }
        let floor = gates.minimumOS(forScheduleKey: "ProductVersion", platform: platform)
        let why =
            floor.map { "ProductVersion needs \(platform) \($0) and devices start at \(devices.lowest)" }
            ?? "\(platform) has no ProductVersion"
        let placeholder = commands.productKeySource.placeholder
        notes.append(
            "\(files.joined(separator: ", ")) hold the placeholder ProductKey '\(placeholder)' because \(why): before "
                + "sending, replace it with the ProductKey of the AvailableOSUpdates response item that matches "
                + "productKey.match; as compiled, these commands cannot be sent")
    }

    func timed(_ name: LegacyStep.Name, at instant: Instant, commands: [LegacyCommandReference]) -> LegacyStep {
        let stamp = Stamp(instant, zone)
        return LegacyStep(
            name: name, when: "instant", utc: stamp.utc, local: stamp.local, utcOffset: stamp.offset,
            commands: commands)
    }
}

/// An instant as UTC, as the plan zone's wall time, and the offset between them.
private struct Stamp {
    package var utc: String
    package var local: String
    package var offset: String

    init(_ instant: Instant, _ zone: ZoneRules) {
        utc = instant.iso8601
        local = zone.localDateTime(at: instant).wireString
        offset = ZoneRules.formatOffset(zone.offsetSeconds(at: instant))
    }
}
