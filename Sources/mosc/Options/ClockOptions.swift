import ArgumentParser
import Foundation
import ManagedOS

/// `--now`: the one place mosc reads the clock or the environment, and only when not told the time.
struct ClockOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The instant to judge deadlines against (ISO 8601 with Z or an offset).",
            discussion: "Default: SOURCE_DATE_EPOCH when set, else the system clock.",
            valueName: "instant"))
    var now: String?

    func validate() throws {
        if let now, Instant.parseISO8601(now) == nil {
            throw ValidationError(
                "--now '\(now)' is not an ISO 8601 instant with Z or an offset, e.g. 2026-11-25T09:00:00Z")
        }
    }

    /// The instant to use.
    func resolve() throws -> Instant {
        if let now, let instant = Instant.parseISO8601(now) { return instant }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let instant = Instant.fromEnvironmentEpoch(epoch) else {
                throw ValidationError("SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds")
            }
            return instant
        }
        return Instant(unixSeconds: Int64(Date().timeIntervalSince1970))
    }
}
