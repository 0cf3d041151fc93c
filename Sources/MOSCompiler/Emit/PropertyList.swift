import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// A property-list value, written by mosc's own deterministic XML writer (sorted keys, fixed indentation).
public indirect enum PropertyList: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case data([UInt8])
    case array([PropertyList])
    case dictionary([String: PropertyList])

    /// The XML plist document, as Apple's tools and Python's plistlib read it.
    public var xmlDocument: String { String(decoding: xmlBytes, as: UTF8.self) }

    /// The XML plist document's UTF-8 bytes.
    ///
    /// Written as bytes: a compile writes tens of thousands of these, and building them line by line as
    /// interpolated Strings was most of the plist writer's cost.
    public var xmlBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out.append(contentsOf: Self.header)
        write(into: &out, indent: 0)
        out.append(contentsOf: "</plist>\n".utf8)
        return out
    }

    private static let header = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">

        """.utf8)

    private func write(into out: inout [UInt8], indent: Int) {
        func line(_ parts: String...) {
            out.append(contentsOf: repeatElement(UInt8(ascii: "\t"), count: indent))
            for part in parts { out.append(contentsOf: part.utf8) }
            out.append(UInt8(ascii: "\n"))
        }
        switch self {
        case .string(let value):
            out.append(contentsOf: repeatElement(UInt8(ascii: "\t"), count: indent))
            out.append(contentsOf: "<string>".utf8)
            Self.escape(value, into: &out)
            out.append(contentsOf: "</string>\n".utf8)
        case .integer(let value): line("<integer>", String(value), "</integer>")
        case .bool(let value): line(value ? "<true/>" : "<false/>")
        case .data(let bytes): line("<data>", Base64.encode(bytes), "</data>")
        case .array(let items):
            if items.isEmpty { return line("<array/>") }
            line("<array>")
            for item in items { item.write(into: &out, indent: indent + 1) }
            line("</array>")
        case .dictionary(let entries):
            if entries.isEmpty { return line("<dict/>") }
            line("<dict>")
            for key in entries.keys.sorted() {
                out.append(contentsOf: repeatElement(UInt8(ascii: "\t"), count: indent + 1))
                out.append(contentsOf: "<key>".utf8)
                Self.escape(key, into: &out)
                out.append(contentsOf: "</key>\n".utf8)
                entries[key]?.write(into: &out, indent: indent + 1)
            }
            line("</dict>")
        }
    }

    /// `text` with `&`, `<` and `>` as entities. Byte by byte is exact: in UTF-8 those bytes never occur inside
    /// another character's encoding.
    package static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            default: out.append(byte)
            }
        }
    }
}

/// Standard base64 with padding (no line breaks), as plist `<data>` takes it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let n = UInt32(bytes[index]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [
                alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "="),
            ]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
