import MOSBasics
import MOSDomain

/// Writes `manifest.json` one cohort at a time, with exactly the bytes `CanonicalJSON.bytes(manifest)` gives.
///
/// The manifest lists every file with its hash: at 10,000 policies it is 54 MB, 4.7× the YAML it comes from, so
/// a streamed compile must not hold it (or the `OutputManifest` value behind it) whole. The top-level keys
/// are sorted and `cohorts` sits among them; cohorts arrive sorted by name (`PlanIR`'s order, the same `<` the
/// writer sorts keys with), so each entry can be written as it comes.
package struct ManifestStream {
    /// The bytes written so far and not yet taken.
    private var buffer: [UInt8] = []
    /// The top-level members after `cohorts`, written by `finish()`.
    private var trailing: [(key: String, value: JSONValue)] = []
    private var cohortCount = 0

    /// Starts the document with the members that sort before `cohorts`; `header`'s own cohorts are ignored.
    package init(header: OutputManifest) {
        var members: [String: JSONValue] = [:]
        if case .object(let encoded) = header.jsonValue { members = encoded }
        members["cohorts"] = nil
        buffer.append(contentsOf: "{\n".utf8)
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            if key > "cohorts" {
                trailing.append((key, value))
                continue
            }
            Self.member(key, value, into: &buffer)
            buffer.append(contentsOf: ",\n".utf8)
        }
        buffer.append(contentsOf: "  \"cohorts\" : {\n".utf8)
    }

    /// Adds an entry made by `entry(_:_:)` (which can run on any thread, ahead of time); the caller passes
    /// names in ascending order, each once.
    package mutating func add(entry: [UInt8]) {
        if cohortCount > 0 { buffer.append(contentsOf: ",\n".utf8) }
        cohortCount += 1
        buffer.append(contentsOf: entry)
    }

    /// One cohort's member of the `cohorts` object, indented as it sits in the manifest.
    package static func entry(_ name: String, _ cohort: OutputManifest.Cohort) -> [UInt8] {
        var out: [UInt8] = Array("    ".utf8)
        let value = cohort.jsonValue
        CanonicalJSON.write(.string(name), pretty: true, indent: 2, into: &out)
        out.append(contentsOf: " : ".utf8)
        CanonicalJSON.write(value, pretty: true, indent: 2, into: &out)
        return out
    }

    /// The bytes written since the last call, to flush to the file as the manifest grows.
    package mutating func take() -> [UInt8] {
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }

    /// How many bytes wait in the buffer.
    package var pendingCount: Int { buffer.count }

    /// Closes the document and returns the last bytes.
    package mutating func finish() -> [UInt8] {
        // An empty object is written `{\n\n  }`, as `CanonicalJSON` writes one.
        buffer.append(contentsOf: "\n  }".utf8)
        for (key, value) in trailing {
            buffer.append(contentsOf: ",\n".utf8)
            Self.member(key, value, into: &buffer)
        }
        buffer.append(contentsOf: "\n}\n".utf8)
        return take()
    }

    private static func member(_ key: String, _ value: JSONValue, into out: inout [UInt8]) {
        out.append(contentsOf: "  ".utf8)
        CanonicalJSON.write(.string(key), pretty: true, indent: 1, into: &out)
        out.append(contentsOf: " : ".utf8)
        CanonicalJSON.write(value, pretty: true, indent: 1, into: &out)
    }
}
