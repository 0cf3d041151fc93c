import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// One write of a sync.
enum SyncWrite: Sendable, Hashable {
    case put(identifier: String)
    case addToSet(set: String, identifier: String)
    case removeFromSet(set: String, identifier: String)
    case delete(identifier: String)
    case assign(enrollment: String, set: String)
    case unassign(enrollment: String, set: String)
}

/// A plan and what carrying it out needs: the writes in their safe order, the bodies to upload, and the state the
/// server holds once every write succeeded.
struct SyncWork: Sendable {
    var plan: SyncPlan
    /// The bodies of the declarations to upload.
    var bodies: [String: [UInt8]]
    /// Per cohort whose set changes, its writes in order (cohorts are independent of each other).
    var cohortWrites: [(cohort: String, set: String, writes: [SyncWrite])]
    /// Enrollments leaving owned sets, then joining them.
    var unassign: [SyncWrite]
    var assign: [SyncWrite]
    /// Per set no cohort wants, its removals in order (activation first).
    var droppedSets: [(set: String, writes: [SyncWrite])]
    /// Owned declarations no set uses any more.
    var deletes: [SyncWrite]
    /// The legacy command files to enqueue, by path.
    var commandBodies: [String: [UInt8]]
    /// The state after a complete sync.
    var after: ServerState
}

/// Computes the plan: desired state (the compiled sets, each listed device's set and due commands) against the
/// observed state. Refuses an empty compile over owned state, and more removals than allowed.
func planSync(
    input: SyncInput, devices: [SyncDevice], state: ServerState, observation: Observation, options: SyncOptions
) -> Result<SyncWork, SyncFailure> {
    var plan = SyncPlan(
        server: options.server, url: options.url.text, now: options.now.iso8601, observed: observation.rawValue)
    // Desired sets from each cohort's set.txt.
    var desiredSets: [String: (cohort: String, members: [String])] = [:]
    var desiredDeclarations: [String: (cohort: String, file: SyncCohort.DeclarationFile)] = [:]
    for cohort in input.cohorts.values.sorted(by: { $0.name < $1.name }) {
        guard let setFile = cohort.setFile else { continue }
        guard let bytes = input.read(setFile) else { return .failure(.unreadable("cannot read '\(setFile)'")) }
        let members = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map {
            String($0).trimmingSpaces
        }.filter { !$0.isEmpty }.sorted()
        for member in members {
            guard let file = cohort.declarations[member] else {
                return .failure(.unreadable("'\(setFile)' lists '\(member)', which has no declaration file"))
            }
            desiredDeclarations[member] = (cohort.name, file)
        }
        desiredSets[options.setPrefix + cohort.name] = (cohort.name, members)
    }
    // An empty compile would remove everything mosc owns: never done.
    if desiredSets.isEmpty, input.cohorts.values.allSatisfy({ $0.planFile == nil }), !state.isEmpty {
        return .failure(
            .refused(
                "the compiled output enforces nothing, but the server holds \(state.declarations.count) declarations "
                    + "and \(state.sets.count) sets mosc owns; refusing to remove them all"))
    }
    // Declarations: upload what the server lacks or holds differently.
    var bodies: [String: [UInt8]] = [:]
    var types: [String: String] = [:]
    for (identifier, desired) in desiredDeclarations.sorted(by: { $0.key < $1.key }) {
        let held = state.declarations[identifier]
        if let held, held.sha256 == desired.file.sha256 {
            plan.unchanged += 1
            types[identifier] = held.type
            continue
        }
        guard let bytes = input.read(desired.file.path), let envelope = DeclarationEnvelope.decode(bytes),
            envelope.identifier == identifier
        else { return .failure(.unreadable("cannot read the declaration '\(desired.file.path)'")) }
        bodies[identifier] = bytes
        types[identifier] = envelope.type
        let change = SyncPlan.DeclarationChange(identifier: identifier, type: envelope.type, cohort: desired.cohort)
        if held == nil { plan.added.append(change) } else { plan.changed.append(change) }
    }
    func isActivation(_ identifier: String) -> Bool {
        let type = types[identifier] ?? state.declarations[identifier]?.type
        return type.map { $0.hasPrefix("com.apple.activation.") } ?? identifier.hasSuffix(".activation")
    }
    // Sets: per cohort, configurations first, then the activation, then what no longer belongs.
    var cohortWrites: [(cohort: String, set: String, writes: [SyncWrite])] = []
    var notifySets: Set<String> = []
    for (set, desired) in desiredSets.sorted(by: { $0.key < $1.key }) {
        let current = Set(state.sets[set] ?? [])
        let wanted = Set(desired.members)
        let stale = current.subtracting(wanted).sorted()
        let staleActivations = stale.filter(isActivation)
        let staleConfigurations = stale.filter { !isActivation($0) }
        var writes: [SyncWrite] = []
        let configurations = desired.members.filter { !isActivation($0) }
        let activations = desired.members.filter(isActivation)
        for id in configurations where bodies[id] != nil { writes.append(.put(identifier: id)) }
        for id in configurations where !current.contains(id) { writes.append(.addToSet(set: set, identifier: id)) }
        var removedActivations = false
        for id in activations {
            if current.contains(id) {
                if bodies[id] != nil { writes.append(.put(identifier: id)) }
                continue
            }
            // A new activation: the old one leaves first, so the set never activates two enforcements.
            if !removedActivations {
                writes += staleActivations.map { .removeFromSet(set: set, identifier: $0) }
                removedActivations = true
            }
            if bodies[id] != nil { writes.append(.put(identifier: id)) }
            writes.append(.addToSet(set: set, identifier: id))
        }
        if !removedActivations { writes += staleActivations.map { .removeFromSet(set: set, identifier: $0) } }
        writes += staleConfigurations.map { .removeFromSet(set: set, identifier: $0) }
        let added = desired.members.filter { !current.contains($0) }
        if !added.isEmpty || !stale.isEmpty {
            plan.sets.append(SyncPlan.SetChange(set: set, cohort: desired.cohort, add: added, remove: stale))
        }
        if !writes.isEmpty {
            cohortWrites.append((desired.cohort, set, writes))
            notifySets.insert(set)
        }
    }
    // Sets no cohort wants: every member leaves, activations first.
    var droppedSets: [(set: String, writes: [SyncWrite])] = []
    for (set, members) in state.sets.sorted(by: { $0.key < $1.key }) where desiredSets[set] == nil && !members.isEmpty {
        let ordered = members.filter(isActivation) + members.filter { !isActivation($0) }
        droppedSets.append((set, ordered.map { .removeFromSet(set: set, identifier: $0) }))
        plan.sets.append(SyncPlan.SetChange(set: set, cohort: nil, add: [], remove: members))
        notifySets.insert(set)
    }
    // Owned declarations no desired set holds are deleted once out of every set.
    var deletes: [SyncWrite] = []
    for (identifier, held) in state.declarations.sorted(by: { $0.key < $1.key })
    where desiredDeclarations[identifier] == nil {
        deletes.append(.delete(identifier: identifier))
        plan.removed.append(SyncPlan.DeclarationChange(identifier: identifier, type: held.type, cohort: nil))
    }
    // Enrollments: each listed DDM device in its cohort's set and no other owned set; devices mosc assigned
    // before and no longer lists leave every owned set.
    var desiredEnrollments: [String: [String]] = [:]
    var deviceNames: [String: String] = [:]
    for device in devices {
        deviceNames[device.enrollment] = device.displayID
        let set = options.setPrefix + device.cohort
        desiredEnrollments[device.enrollment] = device.ddm && desiredSets[set] != nil ? [set] : []
    }
    var unassign: [SyncWrite] = []
    var assign: [SyncWrite] = []
    var notifyEnrollments: Set<String> = []
    for enrollment in Set(desiredEnrollments.keys).union(state.enrollments.keys).sorted() {
        let current = Set(state.enrollments[enrollment] ?? [])
        let wanted = Set(desiredEnrollments[enrollment] ?? [])
        let add = wanted.subtracting(current).sorted()
        let remove = current.subtracting(wanted).sorted()
        guard !add.isEmpty || !remove.isEmpty else { continue }
        unassign += remove.map { .unassign(enrollment: enrollment, set: $0) }
        assign += add.map { .assign(enrollment: enrollment, set: $0) }
        plan.enrollments.append(
            SyncPlan.EnrollmentChange(enrollment: enrollment, device: deviceNames[enrollment], add: add, remove: remove)
        )
        notifyEnrollments.insert(enrollment)
    }
    // Legacy: every due sending not known to be on the queue, for devices below the target.
    var held: Set<LegacyPlan.Held> = []
    var plans: [String: LegacyPlan] = [:]  // each plan decoded once, not once per device
    for device in devices where device.legacy {
        guard let cohort = input.cohorts[device.cohort], let planFile = cohort.planFile else { continue }
        if let os = device.osVersion.flatMap(DeviceVersion.init), let target = DeviceVersion(cohort.targetVersion),
            os >= target
        {
            continue
        }
        guard let view = plans[planFile] ?? input.read(planFile).flatMap(LegacyPlan.decode) else {
            return .failure(.unreadable("cannot read the legacy plan '\(planFile)'"))
        }
        plans[planFile] = view
        let folder = String(planFile.dropLast("plan.json".count))
        let due = view.due(for: device, folder: folder, now: options.now)
        plan.commands += due.sendings.filter { !state.sent.contains($0.commandUUID) }
        held.formUnion(due.held)
    }
    plan.held = held.sorted { ($0.cohort, $0.file) < ($1.cohort, $1.file) }.map {
        SyncPlan.HeldCommand(cohort: $0.cohort, file: $0.file, reason: $0.reason)
    }
    if !notifySets.isEmpty || !notifyEnrollments.isEmpty {
        plan.notify = SyncPlan.Notify(sets: notifySets.sorted(), enrollments: notifyEnrollments.sorted())
    }
    // Safety: more than a small share of what mosc owns going away needs --allow-removals.
    let owned = state.declarations.count + state.enrollments.values.filter { !$0.isEmpty }.count
    let allowed = options.allowRemovals ?? max(3, owned / 10)
    if plan.removals > allowed {
        return .failure(
            .refused(
                "the sync would remove \(plan.removals) of the \(owned) declarations and assignments mosc owns "
                    + "(\(plan.removed.count) declarations, \(plan.removals - plan.removed.count) enrollments "
                    + "losing their set), more than the \(allowed) allowed; check the devices list and the "
                    + "policies, then pass --allow-removals \(plan.removals)"))
    }
    var after = ServerState()
    for (identifier, desired) in desiredDeclarations {
        after.declarations[identifier] = .init(sha256: desired.file.sha256, type: types[identifier])
    }
    for (set, desired) in desiredSets { after.sets[set] = desired.members }
    for (enrollment, sets) in desiredEnrollments where !sets.isEmpty { after.enrollments[enrollment] = sets }
    after.sent = state.sent.union(plan.commands.map(\.commandUUID))
    var commandBodies: [String: [UInt8]] = [:]
    for file in Set(plan.commands.map(\.file)) {
        guard let bytes = input.read(file) else { return .failure(.unreadable("cannot read the command '\(file)'")) }
        commandBodies[file] = bytes
    }
    return .success(
        SyncWork(
            plan: plan, bodies: bodies, cohortWrites: cohortWrites, unassign: unassign, assign: assign,
            droppedSets: droppedSets, deletes: deletes, commandBodies: commandBodies, after: after))
}

extension LegacyPlan {
    /// The plan of JSON bytes, or nil when they are not a plan this mosc reads.
    static func decode(_ bytes: [UInt8]) -> LegacyPlan? {
        guard let view = try? JSONDecoder().decode(LegacyPlan.self, from: Data(bytes)),
            view.formatVersion <= LegacyPlan.currentFormatVersion
        else { return nil }
        return view
    }
}
