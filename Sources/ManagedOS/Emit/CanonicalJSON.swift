public import Foundation

/// The one JSON writer every emitter uses: sorted keys, no escaped slashes, pretty, trailing newline.
public enum CanonicalJSON {
    /// Encodes `value`; encoding our own value types cannot fail, but if it did the output says so.
    public static func string(_ value: some Encodable) -> String {
        String(decoding: data(value), as: UTF8.self)
    }

    /// Encodes `value` to bytes with a trailing newline.
    public static func data(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            return Data("{\"error\":\"mosc could not encode this document\"}\n".utf8)
        }
    }

    /// Compact canonical bytes (sorted keys, no whitespace) for hashing.
    public static func compactData(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data()
    }
}
