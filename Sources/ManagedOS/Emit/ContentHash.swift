internal import Crypto

/// SHA-256 content hashes: ServerTokens, DeclarationsTokens, CommandUUIDs and artifact digests.
public enum ContentHash {
    /// Lowercase hex SHA-256 of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
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
        let hex = bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined().uppercased()
        let c = Array(hex)
        return
            "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }
}
