import MOSBasics
import MOSDomain

/// A value that builds its own JSON tree, exactly the one its `Encodable` conformance encodes.
///
/// `JSONValueEncoder` takes `jsonValue` whenever a value conforms, skipping `Codable`'s containers, boxes and
/// dynamic casts: on a large compile they were most of the time spent encoding. A conformance must give what
/// synthesized `Codable` gives: the same keys (`CodingKeys` renames included), nil optionals left out
/// (`encodeIfPresent`), enums as their raw values, empty arrays kept. `JSONValueConvertibleTests` checks each
/// conforming emitted type against `JSONEncoder`.
package protocol JSONValueConvertible {
    /// The value as `JSONValueEncoder` would encode it through `Codable`.
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
    /// The raw value, as synthesized `Codable` encodes a `String` enum.
    package var rawJSONValue: JSONValue { .string(rawValue) }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Sets `key` only when `value` is present, as synthesized `Codable` encodes an optional member.
    package mutating func setIfPresent(_ key: String, _ value: (some JSONValueConvertible)?) {
        if let value { self[key] = value.jsonValue }
    }
}
