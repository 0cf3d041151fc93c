public import MOSBasics
import MOSCompiler
import MOSDomain
public import MOSOutput
import MOSYAML

/// What a diff judges its risk flags against.
public struct DiffOptions: Sendable {
    /// The instant "already passed" and "within 2 hours" are judged at (the same `--now` the sides compile at).
    public var now: Instant
    /// `minimumNotice` in seconds when given on the command line; else the head's Settings, else 72 hours.
    public var minimumNoticeSeconds: Int64?
    /// How close to its deadline a cohort counts as possibly enforcing already: 2 hours.
    public var imminentSeconds: Int64 = 2 * 3600

    /// Options at `now`.
    public init(now: Instant, minimumNoticeSeconds: Int64? = nil) {
        self.now = now
        self.minimumNoticeSeconds = minimumNoticeSeconds
    }

    /// The default `minimumNotice`, as validation uses it.
    static let defaultMinimumNoticeSeconds: Int64 = 72 * 3600
}
