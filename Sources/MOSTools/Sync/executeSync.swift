import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// Carries out a plan in its safe order: each changed cohort's set (cohorts side by side, each cohort's writes in
/// sequence), then enrollments leaving sets, then joining them, then sets no cohort wants, then deletions, then
/// legacy commands and their push, then one notify. The first failure stops everything not yet started; the
/// notify still goes out for what was completed.
func executeSync(_ work: SyncWork, ddm: DDMServerAPI, commands: CommandQueueAPI?) -> SyncOutcome {
    var outcome = SyncOutcome(plan: work.plan, requests: 0)
    let width = ddm.client.policy.concurrency
    let stop = StopFlag()

    @Sendable func perform(_ write: SyncWrite) -> SyncRequestError? {
        let result: Result<Bool, SyncRequestError>
        switch write {
        case .put(let id): result = ddm.putDeclaration(work.bodies[id] ?? [])
        case .addToSet(let set, let id): result = ddm.setMember("PUT", set: set, declaration: id)
        case .removeFromSet(let set, let id): result = ddm.setMember("DELETE", set: set, declaration: id)
        case .delete(let id): result = ddm.deleteDeclaration(id)
        case .assign(let enrollment, let set): result = ddm.enrollmentSet("PUT", enrollment: enrollment, set: set)
        case .unassign(let enrollment, let set): result = ddm.enrollmentSet("DELETE", enrollment: enrollment, set: set)
        }
        if case .failure(let error) = result { return error }
        return nil
    }
    enum GroupResult: Sendable {
        case completed, notStarted
        case failed(SyncRequestError)
    }
    /// Runs groups side by side, each group's writes in order; after a failure no further group starts.
    func run(_ groups: [[SyncWrite]]) -> (completed: [Bool], error: SyncRequestError?) {
        let results = inFlight(groups.count, width: width) { index -> GroupResult in
            guard !stop.isSet else { return .notStarted }
            for write in groups[index] {
                if let error = perform(write) {
                    stop.set()
                    return .failed(error)
                }
            }
            return .completed
        }
        let completed = results.map { if case .completed = $0 { true } else { false } }
        let error = results.lazy.compactMap { if case .failed(let error) = $0 { error } else { nil } }.first
        return (completed, error)
    }

    let cohorts = run(work.cohortWrites.map(\.writes))
    outcome.completedCohorts = zip(work.cohortWrites, cohorts.completed).filter(\.1).map(\.0.cohort)
    var failure = cohorts.error
    if failure == nil {
        for stage in [
            work.unassign.map { [$0] }, work.assign.map { [$0] }, work.droppedSets.map(\.writes),
            work.deletes.map { [$0] },
        ] {
            if let error = run(stage).error {
                failure = error
                break
            }
        }
    }
    if failure == nil, let commands, !work.plan.commands.isEmpty {
        let sendings = work.plan.commands
        let results = inFlight(sendings.count, width: width) {
            index -> Result<CommandQueueAPI.Outcome, SyncRequestError> in
            guard !stop.isSet else { return .failure(.init(request: "enqueue", reason: "not started", status: nil)) }
            let sending = sendings[index]
            guard let compiled = work.commandBodies[sending.file] else {
                return .failure(.init(request: "enqueue", reason: "cannot read '\(sending.file)'", status: nil))
            }
            let result = commands.enqueue(sending.plist(compiled), enrollment: sending.enrollment)
            if case .failure = result { stop.set() }
            return result
        }
        var pushed: Set<String> = []
        for (sending, result) in zip(sendings, results) {
            switch result {
            case .success(.enqueued):
                outcome.enqueued += 1
                pushed.insert(sending.enrollment)
            case .success(.alreadySent): outcome.alreadySent += 1
            case .failure(let error): failure = failure ?? error
            }
        }
        let ids = pushed.sorted()
        for start in stride(from: 0, to: ids.count, by: 100) where failure == nil {
            let chunk = Array(ids[start..<min(ids.count, start + 100)])
            if case .failure = commands.push(chunk) { outcome.unpushed += chunk }
        }
    }
    // One notify for everything completed (in chunks only when the query would grow too long).
    if let notify = work.plan.notify {
        let completedSets = Set(zip(work.cohortWrites, cohorts.completed).filter(\.1).map(\.0.set))
        let sets = failure == nil ? notify.sets : notify.sets.filter(completedSets.contains)
        let enrollments = failure == nil ? notify.enrollments : []
        let targets = sets.map { (true, $0) } + enrollments.map { (false, $0) }
        for start in stride(from: 0, to: targets.count, by: 500) {
            let chunk = targets[start..<min(targets.count, start + 500)]
            let result = ddm.notify(sets: chunk.filter(\.0).map(\.1), enrollments: chunk.filter { !$0.0 }.map(\.1))
            if case .failure(let error) = result { failure = failure ?? error }
        }
    }
    if let failure { outcome.failure = .request(failure) }
    return outcome
}

/// A flag threads set once to stop work not yet started.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
