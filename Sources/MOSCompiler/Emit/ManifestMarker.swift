import Foundation
import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Finds the top-level `"generator"` member of a `manifest.json` by scanning its bytes in chunks.
///
/// The marker tells `OutputWriter` a folder is mosc's to replace. Decoding the whole manifest to read one key
/// cost 200 MB and seconds at 10,000 policies (a 54 MB manifest, whose `generator` sorts after `cohorts`);
/// this scanner keeps only the current top-level key and value, at most `limit` bytes each.
package struct ManifestMarker {
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var expectKey = false
    private var started = false
    private var current: [UInt8] = []
    private var lastKey: [UInt8]?
    /// The answer, once known: the generator's value, or "" when the bytes are not a JSON object.
    package private(set) var value: String?

    private static let limit = 64
    private static let key = Array(OutputWriter.markerKey.utf8)

    /// The top-level generator of the manifest at `path`; nil when unreadable, not an object, or absent.
    package static func generator(atPath path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var scanner = ManifestMarker()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while scanner.value == nil {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            scanner.feed(chunk[..<count])
        }
        guard let value = scanner.value, !value.isEmpty else { return nil }
        return value
    }

    /// Reads more bytes; stops early once `value` is set.
    package mutating func feed(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            guard value == nil else { return }
            if inString {
                step(inString: byte)
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if !started && byte != UInt8(ascii: "{") { value = "" }
                started = true
                depth += 1
                if depth == 1 { expectKey = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { value = "" }  // the object closed without the marker
            case UInt8(ascii: ","):
                if depth == 1 { expectKey = true }
            case UInt8(ascii: ":"):
                if depth == 1 { expectKey = false }
            case UInt8(ascii: "\""):
                if !started { value = "" }
                inString = true
                current.removeAll(keepingCapacity: true)
            default:
                if !started { value = "" }
            }
        }
    }

    private mutating func step(inString byte: UInt8) {
        if escaped {
            escaped = false
        } else if byte == UInt8(ascii: "\\") {
            escaped = true
        } else if byte == UInt8(ascii: "\"") {
            inString = false
            guard depth == 1 else { return }
            if expectKey {
                lastKey = current
            } else if lastKey == Self.key {
                value = current.count > Self.limit ? "" : String(decoding: current, as: UTF8.self)
            }
            return
        }
        if depth == 1 && current.count <= Self.limit { current.append(byte) }
    }
}
