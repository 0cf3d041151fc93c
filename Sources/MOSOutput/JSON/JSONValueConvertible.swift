import MOSBasics
import MOSDomain

/// A value that builds its own JSON tree: the one description of how an emitted type is written.
///
/// Emitted types (manifest, declarations, DDM documents, legacy plan, marker) are not `Encodable`: each file is
/// `CanonicalJSON.bytes(value.jsonValue)`, which skips `Codable`'s containers, boxes and dynamic casts (on a large
/// compile they were most of the time spent encoding). Types that are read back are `Decodable`, synthesized, so
/// a conformance writes what that decoder reads: property names as keys (`CodingKeys` renames included), nil
/// optionals left out, enums as their raw values, empty arrays kept. `OutputRoundTripTests` checks each one.
package protocol JSONValueConvertible {
    /// The value as a JSON tree.
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONValueConvertible {
    package var jsonValue: JSONValue { self }
}

extension String: JSONValueConvertible {
    package var jsonValue: JSONValue { .string(self) }
}

extension Int: JSONValueConvertible {
    package var jsonValue: JSONValue { .integer(self) }
}

extension Bool: JSONValueConvertible {
    package var jsonValue: JSONValue { .bool(self) }
}

extension Array: JSONValueConvertible where Element: JSONValueConvertible {
    package var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}

// `JSONEncoder` writes a dictionary with `String` keys as an object.
extension Dictionary: JSONValueConvertible where Key == String, Value: JSONValueConvertible {
    package var jsonValue: JSONValue { .object(mapValues(\.jsonValue)) }
}

// An optional on its own (not a struct member, which `encodeIfPresent` leaves out) is `null` or its value.
extension Optional: JSONValueConvertible where Wrapped: JSONValueConvertible {
    package var jsonValue: JSONValue { map(\.jsonValue) ?? .null }
}

extension RawRepresentable where RawValue == String {
    /// The raw value, as synthesized `Decodable` reads a `String` enum.
    package var rawJSONValue: JSONValue { .string(rawValue) }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Sets `key` only when `value` is present: an optional member is left out when nil.
    package mutating func setIfPresent(_ key: String, _ value: (some JSONValueConvertible)?) {
        if let value { self[key] = value.jsonValue }
    }
}
