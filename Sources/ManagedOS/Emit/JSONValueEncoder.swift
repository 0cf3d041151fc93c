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
/// Finished values are stored as `JSONValue`s at once; only containers handed out for later filling (nested and
/// super encoders) stay slots until the whole value resolves, so the transient tree stays small.
private final class Slot {
    enum Member {
        case value(JSONValue)
        case slot(Slot)

        var resolved: JSONValue {
            switch self {
            case .value(let value): value
            case .slot(let slot): slot.resolved()
            }
        }
    }

    enum Kind { case single, object, array }

    var kind = Kind.single
    var value: JSONValue?
    var object: [String: Member] = [:]
    var array: [Member] = []

    /// The finished value of this slot, children included.
    func resolved() -> JSONValue {
        switch kind {
        case .single: return value ?? .null
        case .object: return .object(object.mapValues(\.resolved))
        case .array: return .array(array.map(\.resolved))
        }
    }

    /// Encodes `value` on its own and returns the finished result.
    static func finished<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let value as String: return .string(value)
        case let value as Int: return .integer(value)
        case let value as Bool: return .bool(value)
        case let value as JSONValue: return value
        default:
            let slot = Slot()
            try JSONValueEncoder.encode(value, into: slot, path: path)
            return slot.resolved()
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
        slot.object[key.stringValue] = .slot(child)
        return child
    }

    private func set(_ value: JSONValue, _ key: Key) { slot.object[key.stringValue] = .value(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(try integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try Slot.finished(value, path: codingPath + [key]), key)
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
        slot.object["super"] = .slot(child)
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
        slot.array.append(.slot(child))
        return child
    }

    private func add(_ value: JSONValue) { slot.array.append(.value(value)) }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { add(.integer(value)) }
    mutating func encode(_ value: Int8) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws { add(try integer(value)) }
    mutating func encode(_ value: UInt8) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: UInt16) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: UInt32) throws { add(.integer(Int(value))) }
    mutating func encode(_ value: UInt64) throws { add(try integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try Slot.finished(value, path: codingPath))
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
        let finished = try Slot.finished(value, path: codingPath)
        slot.kind = .single
        slot.value = finished
    }
}

private func integer(_ value: some BinaryInteger) throws -> JSONValue {
    guard let int = Int(exactly: value) else { throw JSONValueEncoder.Unsupported() }
    return .integer(int)
}
