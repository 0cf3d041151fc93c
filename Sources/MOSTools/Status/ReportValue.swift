import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// A value read from a report (JSON or XML property list), before mosc knows what it means.
///
/// Booleans, integers and reals stay apart (JSON's `true` is never the number 1), and property-list dates and
/// data keep their own cases, so typed reads can say exactly what they found.
enum ReportValue: Sendable, Hashable, Decodable {
    case bool(Bool)
    case integer(Int64)
    case real(Double)
    case string(String)
    case date(Date)
    case data(Data)
    case array([ReportValue])
    case dictionary([String: ReportValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .real(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: ReportValue].self) {
            self = .dictionary(value)
        } else if let value = try? container.decode([ReportValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Date.self) {
            self = .date(value)
        } else {
            self = .data(try container.decode(Data.self))
        }
    }

    /// The value at `key` of a dictionary.
    subscript(key: String) -> ReportValue? {
        if case .dictionary(let dictionary) = self { return dictionary[key] }
        return nil
    }

    /// The dictionary, if this is one.
    package var dictionary: [String: ReportValue]? {
        if case .dictionary(let value) = self { return value }
        return nil
    }

    /// The array, if this is one.
    package var array: [ReportValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The string, if this is one.
    package var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one.
    package var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer, if this is one.
    package var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// A number as a real: reals, and integers (a plist may write `1` for `1.0`).
    package var number: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The kind of value, for "expected X, found Y" messages.
    var kindName: String {
        switch self {
        case .bool: "a boolean"
        case .integer: "an integer"
        case .real: "a real"
        case .string: "a string"
        case .date: "a date"
        case .data: "data"
        case .array: "an array"
        case .dictionary: "a dictionary"
        case .null: "null"
        }
    }
}
