import Foundation
import MOSBasics
import MOSDomain

/// Encodes an `Encodable` value into a `JSONValue` tree, for `CanonicalJSON`'s own writer.
///
/// Foundation's `JSONEncoder` was a quarter of `mosc compile`'s time on large repositories (Benchmarks/RESULTS.md);
/// this encoder handles what mosc emits (strings, integers, booleans, arrays, objects, nil) and throws
/// `Unsupported` for anything `JSONEncoder` formats specially (floating point, `Date`, `Data`, `URL`, `Decimal`),
/// so `CanonicalJSON` falls back to `JSONEncoder` and the bytes never differ.
package struct JSONValueEncoder {
    /// A value this encoder leaves to `JSONEncoder`.
    package struct Unsupported: Error {}

    /// The value as a tree.
    package static func encode(_ value: some Encodable) throws -> JSONValue {
        if let value = value as? any JSONValueConvertible { return value.jsonValue }
        let slot = Slot()
        try encode(value, into: slot, path: CodingPath())
        if slot.kind == .single && slot.value == nil { return .object([:]) }
        return slot.resolved()
    }

    /// The value as a tree through its `Codable` conformance only, never `JSONValueConvertible` (for tests).
    package static func encodeWithCodable(_ value: some Encodable) throws -> JSONValue {
        let slot = Slot()
        try encode(value, into: slot, path: CodingPath(ignoresConversions: true))
        if slot.kind == .single && slot.value == nil { return .object([:]) }
        return slot.resolved()
    }

    fileprivate static func encode<T: Encodable>(_ value: T, into slot: Slot, path: CodingPath) throws {
        if let leaf = try leaf(value, path: path) {
            slot.value = leaf
        } else {
            try value.encode(to: Storage(slot: slot, path: path))
        }
    }

    /// The tree of a value that needs no containers (a string, number, boolean, `JSONValue` or convertible
    /// value), nil for one that must encode itself; throws for what `JSONEncoder` formats specially.
    ///
    /// Metatype comparisons come first: a failing dynamic cast costs far more, and most values are not these.
    fileprivate static func leaf<T: Encodable>(_ value: T, path: CodingPath) throws -> JSONValue? {
        if T.self == String.self, let value = value as? String { return .string(value) }
        if T.self == Int.self, let value = value as? Int { return .integer(value) }
        if T.self == Bool.self, let value = value as? Bool { return .bool(value) }
        if T.self == JSONValue.self, let value = value as? JSONValue { return value }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
            || T.self == Double.self || T.self == Float.self
        {
            throw Unsupported()
        }
        if !path.ignoresConversions, let value = value as? any JSONValueConvertible { return value.jsonValue }
        return nil
    }
}

/// The coding path, built only when an `Encoder` asks for it: encoding never reads it, so appending a key per
/// nested value (an array copy each) was pure cost. A linked list of keys shares every parent.
private struct CodingPath {
    package final class Node {
        package let parent: Node?
        package let key: any CodingKey

        package init(parent: Node?, key: any CodingKey) {
            self.parent = parent
            self.key = key
        }
    }

    package var last: Node?
    /// Set by `encodeWithCodable`: every value encodes through `Codable`.
    var ignoresConversions = false

    func appending(_ key: any CodingKey) -> CodingPath {
        CodingPath(last: Node(parent: last, key: key), ignoresConversions: ignoresConversions)
    }

    package var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = last
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// Where one value goes. A class because `Encoder` hands out containers by value that must write to shared storage.
/// Finished values are stored as `JSONValue`s at once; only containers handed out for later filling (nested and
/// super encoders) stay slots until the whole value resolves, so the transient tree stays small.
private final class Slot {
    enum Member {
        case value(JSONValue)
        case slot(Slot)

        package var resolved: JSONValue {
            switch self {
            case .value(let value): value
            case .slot(let slot): slot.resolved()
            }
        }
    }

    package enum Kind { case single, object, array }

    package var kind = Kind.single
    package var value: JSONValue?
    package var object: [String: Member] = [:]
    package var array: [Member] = []

    /// The finished value of this slot, children included.
    package func resolved() -> JSONValue {
        switch kind {
        case .single: return value ?? .null
        case .object: return .object(object.mapValues(\.resolved))
        case .array: return .array(array.map(\.resolved))
        }
    }

    /// Encodes `value` on its own and returns the finished result; `key`, if any, extends `path` only when the
    /// value encodes itself.
    package static func finished<T: Encodable>(_ value: T, path: CodingPath, key: (any CodingKey)? = nil) throws
        -> JSONValue
    {
        if let leaf = try JSONValueEncoder.leaf(value, path: path) { return leaf }
        let slot = Slot()
        try value.encode(to: Storage(slot: slot, path: key.map(path.appending) ?? path))
        return slot.resolved()
    }
}

private struct Storage: Encoder {
    let slot: Slot
    package let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.kind != .object {
            slot.kind = .object
            slot.object = [:]
        }
        return KeyedEncodingContainer(KeyedSlot<Key>(slot: slot, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.kind != .array {
            slot.kind = .array
            slot.array = []
        }
        return UnkeyedSlot(slot: slot, path: path)
    }

    package func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlot(slot: slot, path: path) }
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    package let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    private func child(_ key: Key) -> Slot {
        let child = Slot()
        slot.object[key.stringValue] = .slot(child)
        return child
    }

    private func set(_ value: JSONValue, _ key: Key) { slot.object[key.stringValue] = .value(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    package mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    package mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    package mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    package mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    package mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(value), key) }
    package mutating func encode(_ value: Int8, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: Int16, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: Int32, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: UInt, forKey key: Key) throws { set(try integer(value), key) }
    package mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.integer(Int(value)), key) }
    package mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try integer(value), key) }

    package mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try Slot.finished(value, path: path, key: key), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        Storage(slot: child(key), path: path.appending(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        Storage(slot: child(key), path: path.appending(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Slot()
        slot.object["super"] = .slot(child)
        return Storage(slot: child, path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        Storage(slot: child(key), path: path.appending(key))
    }
}

private struct UnkeyedSlot: UnkeyedEncodingContainer {
    let slot: Slot
    package let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    package var count: Int { slot.array.count }

    private func next() -> Slot {
        let child = Slot()
        slot.array.append(.slot(child))
        return child
    }

    private func add(_ value: JSONValue) { slot.array.append(.value(value)) }

    mutating func encodeNil() throws { add(.null) }
    package mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    package mutating func encode(_ value: String) throws { add(.string(value)) }
    package mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    package mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    package mutating func encode(_ value: Int) throws { add(.integer(value)) }
    package mutating func encode(_ value: Int8) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: Int16) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: Int32) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: Int64) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: UInt) throws { add(try integer(value)) }
    package mutating func encode(_ value: UInt8) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: UInt16) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: UInt32) throws { add(.integer(Int(value))) }
    package mutating func encode(_ value: UInt64) throws { add(try integer(value)) }

    package mutating func encode<T: Encodable>(_ value: T) throws {
        add(try Slot.finished(value, path: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        Storage(slot: next(), path: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        Storage(slot: next(), path: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { Storage(slot: next(), path: path) }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: Slot
    package let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil() throws { slot.value = .null }
    package mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    package mutating func encode(_ value: String) throws { slot.value = .string(value) }
    package mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    package mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    package mutating func encode(_ value: Int) throws { slot.value = .integer(value) }
    package mutating func encode(_ value: Int8) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: Int16) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: Int32) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: Int64) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: UInt) throws { slot.value = try integer(value) }
    package mutating func encode(_ value: UInt8) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: UInt16) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: UInt32) throws { slot.value = .integer(Int(value)) }
    package mutating func encode(_ value: UInt64) throws { slot.value = try integer(value) }

    package mutating func encode<T: Encodable>(_ value: T) throws {
        // A single value replaces whatever the slot held; nested containers resolve into it.
        let finished = try Slot.finished(value, path: path)
        slot.kind = .single
        slot.value = finished
    }
}

private func integer(_ value: some BinaryInteger) throws -> JSONValue {
    guard let int = Int(exactly: value) else { throw JSONValueEncoder.Unsupported() }
    return .integer(int)
}
