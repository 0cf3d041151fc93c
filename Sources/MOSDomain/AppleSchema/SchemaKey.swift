public import MOSBasics
import MOSYAML

/// One key of a schema item (`payloadkeys` or `responsekeys`), with its OS support already inherited.
public struct SchemaKey: Sendable, Hashable {
    /// The key's name, e.g. `MajorPeriodInDays`.
    public var name: String
    /// The dotted path from the payload root, e.g. `Deferrals.MajorPeriodInDays`. Array items add `[]`
    /// instead of the item's placeholder name: `Updates[].InstallAction`, `Beta.OfferPrograms[].Token`.
    public var path: String
    /// `title`.
    public var title: String?
    /// `type`.
    public var type: SchemaValueType
    /// `valuetype` (or the deprecated `subtype`): `localtime`, `url`, ...
    public var valueType: String?
    /// `presence`; `optional` when the schema leaves it out.
    public var presence: SchemaPresence
    /// `rangelist`: the allowed values as written.
    public var rangeList: [String]?
    /// `range`: numeric bounds.
    public var range: SchemaRange?
    /// `default`, as written.
    public var defaultValue: String?
    /// `format`: a regular expression for the value.
    public var format: String?
    /// `combinetype`: how `apply: combined` merges this key.
    public var combineType: String?
    /// `content`: Apple's description.
    public var content: String?
    /// The resolved support per OS: the parent's rows overlaid with this key's own `supportedOS`.
    public var support: [SchemaOS: OSSupport]
    /// The OS rows this key states itself (before inheritance); empty when it inherits everything.
    public var ownSupport: [SchemaOS: OSSupport]
    /// `subkeys`: a dictionary's keys, or an array's single item.
    public var subkeys: [SchemaKey]
    /// Where the key is defined in the bundled file.
    public var location: SourceLocation

    /// Whether `presence` is `required`.
    public var isRequired: Bool { presence == .required }

    /// The resolved row for `os`, or an empty row if the schema has none.
    public func support(on os: SchemaOS) -> OSSupport { support[os] ?? OSSupport() }

    /// This key and all keys below it, depth first.
    public var flattened: [SchemaKey] { [self] + subkeys.flatMap(\.flattened) }
}

/// A schema `type`.
public enum SchemaValueType: String, Sendable, Hashable, Codable, CaseIterable {
    case string = "<string>"
    case integer = "<integer>"
    case real = "<real>"
    case boolean = "<boolean>"
    /// Deprecated by Apple in favour of `<string>` with a `valuetype`.
    case date = "<date>"
    case data = "<data>"
    case array = "<array>"
    case dictionary = "<dictionary>"
    case any = "<any>"
}

/// A schema `presence`.
public enum SchemaPresence: String, Sendable, Hashable, Codable, CaseIterable {
    case required
    case optional
}

/// A schema `range`: inclusive numeric bounds, either of which may be absent.
public struct SchemaRange: Sendable, Hashable {
    /// `min`.
    public var min: Double?
    /// `max`.
    public var max: Double?

    /// Creates a range.
    public init(min: Double?, max: Double?) {
        self.min = min
        self.max = max
    }

    /// Whether `value` lies within the bounds.
    public func contains(_ value: Double) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    /// The bounds as integers when both are whole numbers, e.g. `1...90`.
    public var integerBounds: ClosedRange<Int>? {
        guard let min, let max, min <= max, let low = Int(exactly: min), let high = Int(exactly: max) else {
            return nil
        }
        return low...high
    }
}
