/// A property-list value, written by mosc's own deterministic XML writer (sorted keys, fixed indentation).
public indirect enum PropertyList: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case data([UInt8])
    case array([PropertyList])
    case dictionary([String: PropertyList])

    /// The XML plist document, as Apple's tools and Python's plistlib read it.
    public var xmlDocument: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">

            """
        write(into: &out, indent: 0)
        out += "</plist>\n"
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "\t", count: indent)
        switch self {
        case .string(let value): out += "\(pad)<string>\(Self.escape(value))</string>\n"
        case .integer(let value): out += "\(pad)<integer>\(value)</integer>\n"
        case .bool(let value): out += "\(pad)<\(value ? "true" : "false")/>\n"
        case .data(let bytes): out += "\(pad)<data>\(Base64.encode(bytes))</data>\n"
        case .array(let items):
            if items.isEmpty {
                out += "\(pad)<array/>\n"
                return
            }
            out += "\(pad)<array>\n"
            for item in items { item.write(into: &out, indent: indent + 1) }
            out += "\(pad)</array>\n"
        case .dictionary(let entries):
            if entries.isEmpty {
                out += "\(pad)<dict/>\n"
                return
            }
            out += "\(pad)<dict>\n"
            for key in entries.keys.sorted() {
                out += "\(pad)\t<key>\(Self.escape(key))</key>\n"
                entries[key]?.write(into: &out, indent: indent + 1)
            }
            out += "\(pad)</dict>\n"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Standard base64 with padding (no line breaks), as plist `<data>` takes it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out += [
                alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)],
                alphabet[Int(n & 63)],
            ]
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
