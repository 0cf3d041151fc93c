public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// Everything besides the compiled output and the devices that decides what `mosc sync` does.
public struct SyncOptions: Sendable {
    /// The server kind.
    public var server: MDMServerKind
    /// The DDM server (KMFDDM, or NanoHUB which also takes the commands).
    public var url: ServerURL
    /// The API key (Basic auth password); never printed.
    public var apiKey: String
    /// NanoMDM for legacy commands next to a standalone KMFDDM (NanoHUB serves both at `url`).
    public var commandURL: ServerURL?
    /// NanoMDM's API key, when it differs from `apiKey`.
    public var commandKey: String?
    /// The prefix of the set names mosc owns (`mosc-`); no dots.
    public var setPrefix = "mosc-"
    /// The instant legacy steps are due against.
    public var now: Instant
    /// Plan only: read the server, write nothing.
    public var dryRun = false
    /// Ignore the state record: read every owned declaration, set and enrollment from the server.
    public var full = false
    /// How many removals may happen without refusal; nil for the default share.
    public var allowRemovals: Int?
    /// Time-outs, retries and requests in flight.
    public var http = HTTPPolicy()
    /// Where the state records live.
    public var store: SyncRecordStore

    /// Options with the defaults.
    public init(server: MDMServerKind, url: ServerURL, apiKey: String, now: Instant, store: SyncRecordStore) {
        self.server = server
        self.url = url
        self.apiKey = apiKey
        self.now = now
        self.store = store
    }
}

/// What a sync did: the plan, and how carrying it out went.
public struct SyncOutcome: Sendable {
    /// The plan (for a dry run, all there is).
    public var plan: SyncPlan
    /// HTTP requests sent, every attempt counted.
    public var requests: Int
    /// Commands NanoMDM took in this run.
    public var enqueued = 0
    /// Commands NanoMDM refused as already stored: sent by an earlier run.
    public var alreadySent = 0
    /// Enrollments whose commands were queued but whose push failed: NanoMDM answers 500 with `push data missing`
    /// for an enrollment it holds no APNs token for. The commands stay queued for the next check-in, so this is a
    /// warning, not a failure (seen against a real NanoMDM).
    public var unpushed: [String] = []
    /// Cohorts whose set is complete when the sync stopped early.
    public var completedCohorts: [String] = []
    /// The failure that stopped the sync, if one did.
    public var failure: SyncFailure?
}
