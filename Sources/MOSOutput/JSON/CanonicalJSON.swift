public import Foundation
import MOSBasics
import MOSDomain

/// The one JSON writer: sorted keys, no escaped slashes, pretty, trailing newline.
///
/// mosc's own writer produces exactly `JSONEncoder`'s bytes for `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`, empty containers as `[\n\n]`, lowercase
/// `\u00XX` escapes) in a fraction of the time. Emitted files (manifest, declarations, plans, the marker) are
/// written from their `jsonValue` tree through the `JSONValue` overloads; reports that are only `Encodable`
/// (status, diff, sync, diagnostics) go through `JSONValueEncoder`, and anything that encoder leaves out
/// (floating point, dates, data, URLs) through `JSONEncoder` itself.
public enum CanonicalJSON {
    /// `value` written pretty, with a trailing newline.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(value, pretty: true, indent: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// `value` written compact (sorted keys, no whitespace), for hashing.
    public static func compactBytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, pretty: false, indent: 0, into: &out)
        return out
    }

    /// Encodes `value`; encoding our own value types cannot fail, but if it did the output says so.
    public static func string(_ value: some Encodable) -> String {
        String(decoding: data(value), as: UTF8.self)
    }

    /// Encodes `value` to bytes with a trailing newline.
    public static func data(_ value: some Encodable) -> Data {
        Data(bytes(value))
    }

    /// Encodes `value` to bytes with a trailing newline, as `data(_:)` does.
    public static func bytes(_ value: some Encodable) -> [UInt8] {
        if let tree = try? JSONValueEncoder.encode(value) { return bytes(tree) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(UInt8(ascii: "\n"))
            return Array(data)
        } catch {
            return Array("{\"error\":\"mosc could not encode this document\"}\n".utf8)
        }
    }

    /// Compact canonical bytes (sorted keys, no whitespace) for hashing.
    public static func compactData(_ value: some Encodable) -> Data {
        Data(compactBytes(value))
    }

    /// Compact canonical bytes, as `compactData(_:)`.
    public static func compactBytes(_ value: some Encodable) -> [UInt8] {
        if let tree = try? JSONValueEncoder.encode(value) { return compactBytes(tree) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map(Array.init) ?? []
    }

    /// Writes `value` as `JSONEncoder` does with sorted keys and unescaped slashes, pretty or compact.
    package static func write(_ value: JSONValue, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let text): writeString(text, into: &out)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            if pretty {
                out.append(UInt8(ascii: "\n"))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(contentsOf: ",\n".utf8) }
                    pad(indent + 1, into: &out)
                    write(item, pretty: true, indent: indent + 1, into: &out)
                }
                out.append(UInt8(ascii: "\n"))
                pad(indent, into: &out)
            } else {
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    write(item, pretty: false, indent: 0, into: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let entries = members.sorted { $0.key < $1.key }
            if pretty {
                out.append(UInt8(ascii: "\n"))
                for (index, entry) in entries.enumerated() {
                    if index > 0 { out.append(contentsOf: ",\n".utf8) }
                    pad(indent + 1, into: &out)
                    writeString(entry.key, into: &out)
                    out.append(contentsOf: " : ".utf8)
                    write(entry.value, pretty: true, indent: indent + 1, into: &out)
                }
                out.append(UInt8(ascii: "\n"))
                pad(indent, into: &out)
            } else {
                for (index, entry) in entries.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    writeString(entry.key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(entry.value, pretty: false, indent: 0, into: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ level: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A quoted string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00xx`, the rest raw.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        // Runs of bytes that need no escape (almost every string is one run) are copied whole.
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                writeEscape(byte, into: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeEscape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out.append(contentsOf: "u00".utf8)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
