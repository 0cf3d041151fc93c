import Foundation

/// Encodes an `Encodable` value into a `JSONValue` tree, for `CanonicalJSON`'s own writer.
///
/// Foundation's `JSONEncoder` was a quarter of `mosc compile`'s time on large repositories (Benchmarks/RESULTS.md);
/// this encoder handles what mosc emits (strings, integers, booleans, arrays, objects, nil) and throws
/// `Unsupported` for anything `JSONEncoder` formats specially (floating point, `Date`, `Data`, `URL`, `Decimal`),
/// so `CanonicalJSON` falls back to `JSONEncoder` and the bytes never differ.
struct JSONValueEncoder {
    /// A value this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error {}

    /// The value as a tree.
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let slot = Slot()
        try encode(value, into: slot, path: [])
        if slot.kind == .single && slot.value == nil { return .object([:]) }
        return slot.resolved()
    }

    fileprivate static func encode<T: Encodable>(_ value: T, into slot: Slot, path: [any CodingKey]) throws {
        switch value {
        case let value as String: slot.value = .string(value)
        case let value as Int: slot.value = .integer(value)
        case let value as Bool: slot.value = .bool(value)
        case let value as JSONValue: slot.value = value
        case is Date, is Data, is URL, is Decimal, is Double, is Float: throw Unsupported()
        default: try value.encode(to: Storage(slot: slot, codingPath: path))
        }
    }
}

/// Where one value goes. A class because `Encoder` hands out containers by value that must write to shared storage.
private final class Slot {
    var value: JSONValue?
    var object: [String: Slot] = [:]
    var array: [Slot] = []
    var kind = Kind.single

    enum Kind { case single, object, array }

    /// The finished value of this slot, children included.
    func resolved() -> JSONValue {
        switch kind {
        case .single: return value ?? .null
        case .object: return .object(object.mapValues { $0.resolved() })
        case .array: return .array(array.map { $0.resolved() })
        }
    }
}

private struct Storage: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.kind != .object {
            slot.kind = .object
            slot.object = [:]
        }
        return KeyedEncodingContainer(KeyedSlot<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.kind != .array {
            slot.kind = .array
            slot.array = []
        }
        return UnkeyedSlot(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlot(slot: slot, codingPath: codingPath) }
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> Slot {
        let child = Slot()
        slot.object[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).value = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).value = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).value = .integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).value = try integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).value = .integer(Int(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).value = try integer(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = child(key)
        try JSONValueEncoder.encode(value, into: child, path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        Storage(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        Storage(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Slot()
        slot.object["super"] = child
        return Storage(slot: child, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        Storage(slot: child(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedSlot: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.array.count }

    private func next() -> Slot {
        let child = Slot()
        slot.array.append(child)
        return child
    }

    mutating func encodeNil() throws { next().value = .null }
    mutating func encode(_ value: Bool) throws { next().value = .bool(value) }
    mutating func encode(_ value: String) throws { next().value = .string(value) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { next().value = .integer(value) }
    mutating func encode(_ value: Int8) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: Int16) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: Int32) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: Int64) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: UInt) throws { next().value = try integer(value) }
    mutating func encode(_ value: UInt8) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: UInt16) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: UInt32) throws { next().value = .integer(Int(value)) }
    mutating func encode(_ value: UInt64) throws { next().value = try integer(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONValueEncoder.encode(value, into: next(), path: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        Storage(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        Storage(slot: next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { Storage(slot: next(), codingPath: codingPath) }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    mutating func encode(_ value: String) throws { slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { slot.value = .integer(value) }
    mutating func encode(_ value: Int8) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: Int16) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: Int32) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: Int64) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt) throws { slot.value = try integer(value) }
    mutating func encode(_ value: UInt8) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt16) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt32) throws { slot.value = .integer(Int(value)) }
    mutating func encode(_ value: UInt64) throws { slot.value = try integer(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // A single value replaces whatever the slot held; nested containers resolve into it.
        let inner = Slot()
        try JSONValueEncoder.encode(value, into: inner, path: codingPath)
        slot.kind = .single
        slot.value = inner.resolved()
    }
}

private func integer(_ value: some BinaryInteger) throws -> JSONValue {
    guard let int = Int(exactly: value) else { throw JSONValueEncoder.Unsupported() }
    return .integer(int)
}
