public import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The `settings:` block of a policy: Apple's software update settings in the language's camelCase.
public struct UpdateSettingsSyntax: Sendable, Hashable {
    /// One setting as written, with its Apple key path.
    public struct Entry: Sendable, Hashable {
        /// The key as written, e.g. `deferrals.majorPeriodInDays`.
        public var path: String
        /// Apple's key path, e.g. `Deferrals.MajorPeriodInDays`.
        public var applePath: String
        /// The value, already converted to Apple's JSON shape.
        public var value: SettingValue
        /// Where the value is written.
        public var location: SourceMark
    }

    /// Where the `settings` key is written.
    public var location: SourceMark
    /// The settings in source order.
    public var entries: [Entry] = []
}

/// A settings value in the JSON shape Apple's declaration takes.
public indirect enum SettingValue: Sendable, Hashable {
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([SettingValue])
    case object([String: SettingValue])
}
