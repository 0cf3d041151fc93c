import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Small formatting helpers the diff renderers share.
enum DiffText {
    /// A length of time as days, hours and minutes, largest first: `3d`, `1d12h`, `45m`; `0m` for none.
    package static func duration(_ seconds: Int64) -> String {
        let magnitude = seconds.magnitude
        let parts = [(magnitude / 86_400, "d"), (magnitude % 86_400 / 3600, "h"), (magnitude % 3600 / 60, "m")]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
        return text.isEmpty ? "\(magnitude)s" : text
    }

    /// A JSON value as one line: strings as they are, anything else as compact canonical JSON.
    package static func leaf(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return String(decoding: CanonicalJSON.compactData(value), as: UTF8.self)
    }

    /// The leaves of a JSON object by dotted key path (`Notifications`, `Beta.OfferPrograms`); arrays are leaves.
    static func flatten(_ object: [String: JSONValue], prefix: String = "", into leaves: inout [String: String]) {
        for (key, value) in object {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .object(let nested) = value, !nested.isEmpty {
                flatten(nested, prefix: path, into: &leaves)
            } else {
                leaves[path] = leaf(value)
            }
        }
    }
}
