import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// One sending of a legacy plan command to one enrollment: the compiled command, the repetition (verify steps
/// repeat), and the CommandUUID this sending carries.
public struct LegacySending: Sendable, Hashable, Codable {
    /// The enrollment (UDID).
    public var enrollment: String
    /// The device as listed.
    public var device: String
    /// The cohort.
    public var cohort: String
    /// The plan step (`publish`, `download`, `enforce`, `verify`).
    public var step: String
    /// 0 for a step that is sent once; the check number (from 0) for `verify`.
    public var repetition: Int
    /// The command's RequestType.
    public var requestType: String
    /// The command file, relative to the output folder.
    public var file: String
    /// The CommandUUID as compiled.
    public var compiledUUID: String
    /// This sending's CommandUUID: derived from the compiled one, the enrollment and the repetition.
    public var commandUUID: String
    /// When the sending became due (absent for `publish`, due when the plan is loaded).
    public var due: String?

    /// The CommandUUID of sending `compiled` to `enrollment` for the `repetition`-th time: deterministic, so a rerun
    /// sends the same UUID and NanoMDM's refusal of a known UUID makes the rerun harmless.
    public static func uuid(compiled: String, enrollment: String, repetition: Int) -> String {
        ContentHash.uuid("mosc sync\n\(compiled)\n\(enrollment)\n\(repetition)")
    }

    /// The command's bytes with this sending's CommandUUID in place of the compiled one.
    func plist(_ compiled: [UInt8]) -> [UInt8] {
        Array(String(decoding: compiled, as: UTF8.self).replacingOccurrences(of: compiledUUID, with: commandUUID).utf8)
    }
}

/// What sync sends of a `legacy/plan.json`: the plan as MOSOutput reads it (`LegacyPlan`, the one description of
/// the format), its due steps per device.
extension LegacyPlan {
    /// A command sync does not send, and why.
    struct Held: Sendable, Hashable, Codable {
        var cohort: String
        var file: String
        var reason: String
    }

    /// The sendings due at `now` for `device`, and the commands held back (a ProductKey placeholder the server
    /// must fill from the device's AvailableOSUpdates answer).
    func due(for device: SyncDevice, folder: String, now: Instant) -> (sendings: [LegacySending], held: [Held]) {
        var sendings: [LegacySending] = []
        var held: [Held] = []
        for step in steps {
            var instants: [Instant?] = []
            if step.when == "load" {
                instants = [nil]
            } else if let start = step.utc.flatMap(Instant.parseISO8601) {
                let every =
                    step.repeatEvery.flatMap { text -> Int64? in
                        guard case .success(let notice) = MinimumNotice.parse(text) else { return nil }
                        return notice.seconds
                    } ?? 0
                let count = every > 0 ? max(1, step.maxChecks ?? 1) : 1
                instants = (0..<count).map { Instant(unixSeconds: start.unixSeconds + Int64($0) * every) }
            }
            // Of a repeating step only the latest due check is sent: a check missed while sync did not run is
            // superseded by the next one, not sent late in a burst.
            let latest = instants.lastIndex { $0.map { $0 <= now } ?? true }
            for (repetition, instant) in instants.enumerated() {
                if let instant, instant > now { break }
                if instants.count > 1, repetition != latest { continue }
                for command in step.commands {
                    let file = folder + command.file
                    if command.productKey != nil {
                        if repetition == latest {
                            held.append(
                                Held(
                                    cohort: device.cohort, file: file,
                                    reason: "its ProductKey is a placeholder the server fills from AvailableOSUpdates"))
                        }
                        continue
                    }
                    sendings.append(
                        LegacySending(
                            enrollment: device.enrollment, device: device.displayID, cohort: device.cohort,
                            step: step.name.rawValue, repetition: repetition, requestType: command.requestType,
                            file: file,
                            compiledUUID: command.commandUUID,
                            commandUUID: LegacySending.uuid(
                                compiled: command.commandUUID, enrollment: device.enrollment, repetition: repetition),
                            due: instant?.iso8601))
                }
            }
        }
        return (sendings, held)
    }
}
