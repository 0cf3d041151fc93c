internal import Crypto

/// SHA-256 content hashes: ServerTokens, DeclarationsTokens, CommandUUIDs and artifact digests.
public enum ContentHash {
    /// Lowercase hex SHA-256 of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hexString(hasher.finalize(), uppercase: false)
    }

    private static let lowerDigits = Array("0123456789abcdef".utf8)
    private static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// Two hex digits per byte, from a table (hashes are written for every artifact, token and command).
    private static func hexString(_ bytes: some Sequence<UInt8>, uppercase: Bool) -> String {
        let digits = uppercase ? upperDigits : lowerDigits
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase hex SHA-256 of a string's UTF-8.
    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    /// A UUID-shaped string (version 8, RFC 9562: vendor-specific) derived from `text`, so equal content
    /// gives an equal CommandUUID and nothing random reaches the output.
    public static func uuid(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(text.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array(hexString(bytes, uppercase: true).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, digit) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { out.append(UInt8(ascii: "-")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
