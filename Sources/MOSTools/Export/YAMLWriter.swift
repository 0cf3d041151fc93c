/// Writes block-style YAML line by line, quoting every scalar that a YAML 1.1 or 1.2 reader could take for
/// anything but the same string (Fleet reads its files with a YAML 1.2 reader; people's tools often use 1.1).
struct YAMLWriter {
    /// The text so far.
    private(set) var text = ""

    /// `# line` at `indent` levels of two spaces (a comment line per element of `lines`); control characters
    /// and line breaks become spaces, so no text can end the comment and start a key.
    mutating func comment(_ lines: [String], indent: Int = 0) {
        for line in lines {
            let flat = String(
                String.UnicodeScalarView(
                    line.unicodeScalars.map { Self.breaksLine($0) ? " " : $0 }))
            append(indent, flat.isEmpty ? "#" : "# \(flat)")
        }
    }

    /// Whether `scalar` is a control character or one of the line breaks YAML knows.
    private static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `key:` opening a nested block.
    mutating func open(_ key: String, indent: Int = 0) {
        append(indent, "\(Self.scalar(key)):")
    }

    /// `key: value`.
    mutating func pair(_ key: String, _ value: String, indent: Int = 0) {
        append(indent, "\(Self.scalar(key)): \(Self.scalar(value))")
    }

    /// `- key: value`, the first pair of a mapping in a sequence; the mapping's other pairs go at `indent + 1`.
    mutating func itemPair(_ key: String, _ value: String, indent: Int = 0) {
        append(indent, "- \(Self.scalar(key)): \(Self.scalar(value))")
    }

    /// `- value`.
    mutating func item(_ value: String, indent: Int = 0) {
        append(indent, "- \(Self.scalar(value))")
    }

    private mutating func append(_ indent: Int, _ line: String) {
        text += String(repeating: "  ", count: indent) + line + "\n"
    }

    /// `text` as a plain scalar when every reader reads it back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// Whether `text` may be written unquoted: letters, digits and ` ._/()+-` only, starting with a letter,
    /// `_`, `./` or `../` (so never a number, date, `.inf` or indicator), ending without a space, and not one
    /// of the words YAML 1.1 reads as a boolean or null.
    static func isPlainSafe(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, last != UInt8(ascii: " ") else { return false }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let startsWell = isLetter(first) || first == UInt8(ascii: "_") || text.hasPrefix("./") || text.hasPrefix("../")
        guard startsWell else { return false }
        let allowed = bytes.allSatisfy { byte in
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || " ._/()+-".utf8.contains(byte)
        }
        return allowed && !reservedWords.contains(text.lowercased())
    }

    /// Plain words YAML 1.1 or 1.2 reads as booleans or null.
    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]

    /// `"text"` with YAML's double-quoted escapes for `"`, `\`, control characters and the Unicode line breaks
    /// (which a reader would otherwise fold); every other character is written as itself, in UTF-8.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if Self.breaksLine(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
