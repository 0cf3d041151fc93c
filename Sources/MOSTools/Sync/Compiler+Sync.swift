import MOSBasics
public import MOSCompiler
import MOSDomain
import MOSOutput

extension Compiler {
    /// Makes the server hold exactly what `input` says for the listed devices: reads what mosc owns there (through
    /// the state record when it still matches), plans every change, refuses unsafe plans, and unless
    /// `options.dryRun` carries the plan out and records the new state.
    /// - Returns: The outcome (its `failure` set when the sync stopped part way), or the failure that stopped the
    ///   sync before any write.
    public static func sync(input: SyncInput, devices: [SyncDevice], options: SyncOptions) -> Result<
        SyncOutcome, SyncFailure
    > {
        if options.setPrefix.contains(".") {
            return .failure(.usage("--set-prefix '\(options.setPrefix)' must not contain a dot"))
        }
        if let dotted = input.cohorts.keys.sorted().first(where: { $0.contains(".") }) {
            return .failure(
                .usage("cohort '\(dotted)' has a dot in its name; KMFDDM's stores cannot hold such a set name"))
        }
        let ddmClient = HTTPClient(
            base: options.url.text, user: options.server.ddmUser, key: options.apiKey, policy: options.http)
        let ddm = DDMServerAPI(client: ddmClient, prefix: options.server.ddmPrefix)
        var commandClient: HTTPClient?
        if options.server == .nanohub {
            commandClient = ddmClient
        } else if let url = options.commandURL {
            commandClient = HTTPClient(
                base: url.text, user: options.server.commandUser, key: options.commandKey ?? options.apiKey,
                policy: options.http)
        }
        let commands = commandClient.map { CommandQueueAPI(client: $0, prefix: options.server.commandPrefix) }
        func requests() -> Int {
            ddmClient.requestCount + (commandClient.map { $0 === ddmClient ? 0 : $0.requestCount } ?? 0)
        }
        // With --full the record is not trusted for the DDM state, but what NanoMDM took stays known (it never
        // forgets a CommandUUID) and the enrollments it names are read again.
        let record = options.store.load(server: options.server, url: options.url.text).flatMap {
            $0.identifierPrefix == input.identifierPrefix && $0.setPrefix == options.setPrefix ? $0 : nil
        }
        var desired: [String: SyncCohort.DeclarationFile] = [:]
        for cohort in input.cohorts.values {
            desired.merge(cohort.declarations) { first, _ in first }
        }
        let enrollments = Set(devices.map(\.enrollment)).union(record?.state.enrollments.keys ?? [:].keys).sorted()
        let observed = observeServer(
            api: ddm, record: record, trustRecord: !options.full, identifierPrefix: input.identifierPrefix,
            setPrefix: options.setPrefix,
            desired: desired, enrollments: enrollments, read: input.read)
        let state: ServerState
        let observation: Observation
        switch observed {
        case .success(let value): (state, observation) = value
        case .failure(let error): return .failure(.request(error))
        }
        let work: SyncWork
        switch planSync(input: input, devices: devices, state: state, observation: observation, options: options) {
        case .success(let value): work = value
        case .failure(let failure): return .failure(failure)
        }
        if !work.plan.commands.isEmpty, commands == nil {
            return .failure(
                .usage(
                    "\(work.plan.commands.count) legacy commands are due, but a standalone KMFDDM takes no "
                        + "commands: give --nanomdm-url"))
        }
        if options.dryRun { return .success(SyncOutcome(plan: work.plan, requests: requests())) }
        let store = options.store
        let newRecord = SyncRecord(
            formatVersion: SyncRecord.currentFormatVersion, server: options.server, url: options.url.text,
            identifierPrefix: input.identifierPrefix, setPrefix: options.setPrefix, state: work.after)
        guard work.plan.hasChanges else {
            // Nothing to write; a full observation still leaves a record for the next run.
            if observation == .full || record?.state != work.after {
                do { try store.save(newRecord) } catch { return .failure(error) }
            }
            return .success(SyncOutcome(plan: work.plan, requests: requests()))
        }
        do { try store.invalidate(server: options.server, url: options.url.text) } catch { return .failure(error) }
        var outcome = executeSync(work, ddm: ddm, commands: commands)
        outcome.requests = requests()
        if outcome.failure == nil {
            do { try store.save(newRecord) } catch { outcome.failure = error }
        }
        return .success(outcome)
    }
}
