import Foundation
public import MOSBasics

/// `mosc-output.json`: the small file that marks a folder as a compile's output, read before anything else.
///
/// It says who wrote the folder (so a later compile may replace it) and in which format (so a reader refuses a
/// newer one) without opening `manifest.json`, which lists every file and reaches tens of megabytes.
public struct OutputMarker: Sendable, Hashable, Decodable {
    /// The marker's file name in an output folder.
    public static let fileName = "mosc-output.json"
    /// The `generator` every mosc output carries.
    public static let generatorName = "mosc"
    /// The largest marker read; a real one is under 100 bytes.
    static let maxBytes = 4096

    /// The output format version (the manifest's `formatVersion`).
    public var formatVersion: Int
    /// Who wrote the folder: `mosc`.
    public var generator: String

    /// The marker this mosc writes.
    public static let current = OutputMarker(
        formatVersion: OutputManifest.currentFormatVersion, generator: generatorName)

    /// A marker.
    public init(formatVersion: Int, generator: String) {
        self.formatVersion = formatVersion
        self.generator = generator
    }

    /// The file's bytes: canonical JSON, like every other file of the output.
    public var bytes: [UInt8] { CanonicalJSON.bytes(jsonValue) }

    /// The marker of `folder`: from `mosc-output.json`, else from the `manifest.json` of an output written
    /// before the marker file existed (read whole, once: such a folder gains the marker when next written).
    /// - Returns: nil when the folder holds neither, or they are not a mosc output's.
    public static func read(folder: String) -> OutputMarker? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        if let bytes = readRegularFile(path, limit: maxBytes) {
            return decode(bytes)
        }
        let manifest = (folder as NSString).appendingPathComponent("manifest.json")
        guard let bytes = readRegularFile(manifest, limit: OutputReader.maxManifestBytes) else { return nil }
        return decode(bytes)
    }

    /// Whether `folder` is an output mosc may replace: its marker names mosc as the generator.
    public static func isMoscOutput(_ folder: String) -> Bool {
        read(folder: folder)?.generator == generatorName
    }

    private static func decode(_ bytes: [UInt8]) -> OutputMarker? {
        try? JSONDecoder().decode(OutputMarker.self, from: Data(bytes))
    }
}

extension OutputMarker: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object(["formatVersion": .integer(formatVersion), "generator": .string(generator)])
    }
}

/// The bytes of a regular file, at most `limit` (nil for anything else: missing, a folder, a FIFO, too large).
///
/// `RegularFile` opens only regular files, with `O_NONBLOCK`, so a FIFO or device named like an output file can
/// never make a reader wait; one byte past `limit` tells a file that is too large.
func readRegularFile(_ path: String, limit: Int) -> [UInt8]? {
    guard case .success(let bytes) = RegularFile.read(path, limit: limit + 1), bytes.count <= limit else { return nil }
    return bytes
}
