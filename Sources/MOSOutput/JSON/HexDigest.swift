import MOSBasics
import MOSDomain

/// A lowercase hex SHA-256 held as its 32 bytes; any other text is kept as written.
///
/// A manifest lists every output file with its hash, and `diff` holds two manifests: as 64-character strings
/// the hashes were the largest single part of its memory. Equal texts give equal values, so comparing values
/// compares the texts.
package struct HexDigest: Hashable, Sendable {
    private enum Storage: Hashable, Sendable {
        case bytes(UInt64, UInt64, UInt64, UInt64)
        case text(String)
    }

    private let storage: Storage

    /// Reads `text`: 64 lowercase hex digits are stored as bytes, anything else as it is.
    package init(_ text: String) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default:
                storage = .text(text)
                return
            }
            guard count < 64 else {
                storage = .text(text)
                return
            }
            let shifted = UInt64(value) << UInt64(60 - 4 * (count % 16))
            switch count / 16 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            case 2: words.2 |= shifted
            default: words.3 |= shifted
            }
            count += 1
        }
        storage = count == 64 ? .bytes(words.0, words.1, words.2, words.3) : .text(text)
    }

    /// The text it was read from.
    package var text: String {
        switch storage {
        case .text(let text):
            return text
        case .bytes(let a, let b, let c, let d):
            let digits: StaticString = "0123456789abcdef"
            return String(unsafeUninitializedCapacity: 64) { out in
                digits.withUTF8Buffer { digits in
                    // Each word's 16 nibbles, high first, at its quarter of the text.
                    func write(_ word: UInt64, at start: Int) {
                        for nibble in 0..<16 {
                            out[start + nibble] = digits[Int((word >> UInt64(60 - 4 * nibble)) & 0xF)]
                        }
                    }
                    write(a, at: 0)
                    write(b, at: 16)
                    write(c, at: 32)
                    write(d, at: 48)
                }
                return 64
            }
        }
    }
}

extension HexDigest: Codable {
    /// Reads the text.
    package init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Writes the text.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
