import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The one-to-one mapping from the language's camelCase `settings:` keys to Apple's
/// `com.apple.configuration.softwareupdate.settings` keys. Value ranges and platform gates are not here:
/// they come from Apple's schema at validation time.
enum UpdateSettingsKeys {
    enum Shape: Sendable {
        case bool
        case integer
        case string
        /// `{description, token}` → `{Description, Token}`.
        case program
        /// A list of programs.
        case programList
        case group([(name: String, key: Key)])
    }

    package struct Key: Sendable {
        let apple: String
        package let shape: Shape
    }

    static let program: [(name: String, apple: String)] = [("description", "Description"), ("token", "Token")]

    /// The keys of a program, as the reader matches them.
    static let programKeys = KeySet(program.map(\.name))

    /// Each group's keys as the reader matches them, by the group's path ("" for `root`, `beta`, …), built once.
    static let keySets: [String: KeySet] = {
        var sets: [String: KeySet] = [:]
        var pending: [(path: String, keys: [(name: String, key: Key)])] = [("", root)]
        while let (path, keys) = pending.popLast() {
            sets[path] = KeySet(keys.map(\.name))
            for (name, key) in keys {
                guard case .group(let children) = key.shape else { continue }
                pending.append((path.isEmpty ? name : "\(path).\(name)", children))
            }
        }
        return sets
    }()

    package static let root: [(name: String, key: Key)] = [
        ("notifications", Key(apple: "Notifications", shape: .bool)),
        (
            "deferrals",
            Key(
                apple: "Deferrals",
                shape: .group([
                    ("combinedPeriodInDays", Key(apple: "CombinedPeriodInDays", shape: .integer)),
                    ("majorPeriodInDays", Key(apple: "MajorPeriodInDays", shape: .integer)),
                    ("minorPeriodInDays", Key(apple: "MinorPeriodInDays", shape: .integer)),
                    ("systemPeriodInDays", Key(apple: "SystemPeriodInDays", shape: .integer)),
                ]))
        ),
        ("recommendedCadence", Key(apple: "RecommendedCadence", shape: .string)),
        (
            "automaticActions",
            Key(
                apple: "AutomaticActions",
                shape: .group([
                    ("download", Key(apple: "Download", shape: .string)),
                    ("installOSUpdates", Key(apple: "InstallOSUpdates", shape: .string)),
                    ("installSecurityUpdate", Key(apple: "InstallSecurityUpdate", shape: .string)),
                ]))
        ),
        (
            "rapidSecurityResponse",
            Key(
                apple: "RapidSecurityResponse",
                shape: .group([
                    ("enable", Key(apple: "Enable", shape: .bool)),
                    ("enableRollback", Key(apple: "EnableRollback", shape: .bool)),
                ]))
        ),
        ("allowStandardUserOSUpdates", Key(apple: "AllowStandardUserOSUpdates", shape: .bool)),
        (
            "beta",
            Key(
                apple: "Beta",
                shape: .group([
                    ("programEnrollment", Key(apple: "ProgramEnrollment", shape: .string)),
                    ("offerPrograms", Key(apple: "OfferPrograms", shape: .programList)),
                    ("requireProgram", Key(apple: "RequireProgram", shape: .program)),
                ]))
        ),
    ]
}
