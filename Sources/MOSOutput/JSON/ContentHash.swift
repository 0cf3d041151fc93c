internal import Crypto
import MOSBasics
import MOSDomain

/// SHA-256 content hashes: ServerTokens, DeclarationsTokens, CommandUUIDs and artifact digests.
public enum ContentHash {
    /// Lowercase hex SHA-256 of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        // Hashed in place when the bytes are contiguous (every caller's are): no copy per artifact.
        let hashed: Void? = bytes.withContiguousStorageIfAvailable {
            hasher.update(bufferPointer: UnsafeRawBufferPointer($0))
        }
        if hashed == nil { hasher.update(data: Array(bytes)) }
        return hexString(hasher.finalize(), count: SHA256.byteCount, uppercase: false)
    }

    /// Lowercase hex SHA-256 of a string's UTF-8.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex($0) }
    }

    private static let lowerDigits: StaticString = "0123456789abcdef"
    private static let upperDigits: StaticString = "0123456789ABCDEF"

    /// Two hex digits for each of the digest's first `count` bytes, with a UUID's dashes when `dashed` (before bytes
    /// 4, 6, 8 and 10); written straight into the string's storage (hashes are written for every artifact, token
    /// and command).
    private static func hexString(
        _ digest: SHA256.Digest, count: Int, uppercase: Bool, dashed: Bool = false,
        adjust: (Int, UInt8) -> UInt8 = { $1 }
    ) -> String {
        let digits = uppercase ? upperDigits : lowerDigits
        return digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: count * 2 + (dashed ? 4 : 0)) { out in
                digits.withUTF8Buffer { digits in
                    var written = 0
                    for index in 0..<min(count, bytes.count) {
                        if dashed, index == 4 || index == 6 || index == 8 || index == 10 {
                            out[written] = UInt8(ascii: "-")
                            written += 1
                        }
                        let byte = adjust(index, bytes[index])
                        out[written] = digits[Int(byte >> 4)]
                        out[written + 1] = digits[Int(byte & 0x0F)]
                        written += 2
                    }
                    return written
                }
            }
        }
    }

    /// A UUID-shaped string (version 8, RFC 9562: vendor-specific) derived from `text`, so equal content
    /// gives an equal CommandUUID and nothing random reaches the output.
    public static func uuid(_ text: String) -> String {
        var hasher = SHA256()
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hexString(hasher.finalize(), count: 16, uppercase: true, dashed: true) { index, byte in
            switch index {
            case 6: (byte & 0x0F) | 0x80  // version 8
            case 8: (byte & 0x3F) | 0x80  // the RFC 9562 variant
            default: byte
            }
        }
    }
}
