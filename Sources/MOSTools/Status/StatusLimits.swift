import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// The bounds on what `mosc status` reads, so a hostile or runaway report cannot exhaust memory or the stack.
public struct StatusLimits: Sendable, Hashable, Codable {
    /// The largest report file read, in bytes (4 MiB).
    public var maxReportBytes: Int = 4 << 20
    /// The largest devices list read, in bytes (16 MiB).
    public var maxDeviceListBytes: Int = 16 << 20
    /// The deepest nesting of arrays and dictionaries in a report.
    public var maxDepth: Int = 32
    /// The most report files read in one run.
    public var maxReports: Int = 200_000

    /// The defaults documented in `specs/status.md`.
    public init() {}

    /// The defaults.
    public static let defaults = StatusLimits()
}
