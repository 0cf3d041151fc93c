public import MOSBasics
import MOSDomain
import MOSOutput
public import MOSYAML

/// The only code that reads a `YAMLTree`'s nodes into typed values, reporting shape problems as `MOS1xx`
/// diagnostics.
///
/// Every read returns nil after reporting when the node does not fit, so a caller keeps going and one run
/// reports every problem.
public struct NodeReader {
    /// The nodes being read.
    public let tree: YAMLTree
    /// Where problems go.
    public var diagnostics: DiagnosticBag

    /// A reader of `tree`, whose marks refer to `sources`, with an empty bag.
    public init(_ tree: YAMLTree, sources: SourceTable) {
        self.tree = tree
        self.diagnostics = DiagnosticBag(sources: sources)
    }

    /// A node of `tree`.
    public typealias Node = YAMLTree.NodeID

    /// A mapping whose keys were checked: its values by key.
    ///
    /// It keeps the key and value nodes of the keys it allows, not the tree: a copy of the tree counted a reference
    /// to each of its arrays, for each of the many mappings of a large repository. `keyLocation(_:in:)` asks the
    /// reader where a key is written.
    public struct Mapping {
        /// The mapping node itself.
        public let node: Node
        package let keys: KeySet
        /// By position in `keys`: the key node and the value node of the first pair with that key, or -1 and -1.
        private var nodes: [Int32]

        init(node: Node, keys: KeySet) {
            self.node = node
            self.keys = keys
            nodes = [Int32](repeating: -1, count: 2 * keys.names.count)
        }

        /// Records the pair `key: value` at `position` of `keys`, unless an earlier pair has that key.
        mutating func record(_ position: Int, key: Node, value: Node) {
            guard nodes[2 * position] < 0 else { return }
            nodes[2 * position] = key.index
            nodes[2 * position + 1] = value.index
        }

        /// Where the first pair whose key is `key` sits in `nodes`, if `key` is allowed and present.
        private func slot(_ key: String) -> Int? {
            guard let position = keys.index(of: key), nodes[2 * position] >= 0 else { return nil }
            return 2 * position
        }

        /// The key node of the first pair whose key is `key`, if `key` is allowed and present.
        package func keyNode(_ key: String) -> Node? { slot(key).map { Node(index: nodes[$0]) } }

        /// Whether a pair has the key `key`.
        package func contains(_ key: String) -> Bool { slot(key) != nil }

        /// The value for `key`, if present.
        public subscript(key: String) -> Node? { slot(key).map { Node(index: nodes[$0 + 1]) } }
    }

    /// Where `key` is written in `map`, else where the mapping starts.
    public func keyLocation(_ key: String, in map: Mapping) -> SourceMark {
        tree.location(map.keyNode(key) ?? map.node)
    }

    /// Where `node` starts.
    public func location(_ node: Node) -> SourceMark { tree.location(node) }

    /// Reads a mapping, reporting a non-mapping, non-scalar or unknown keys (with a hint) and missing required keys.
    public mutating func mapping(
        _ node: Node, context: String, allowed: KeySet, required: [String] = []
    ) -> Mapping? {
        guard tree.kind(node) == .mapping else {
            wrongType(node, expected: "a mapping", context: context)
            return nil
        }
        rejectTag(node)
        var map = Mapping(node: node, keys: allowed)
        // Unknown keys are reported after the required ones are known: a misspelt required key is one mistake,
        // reported once as the unknown key, not again as the missing one.
        var unknown: [(text: String, location: SourceMark, suggestion: String?)] = []
        for index in 0..<tree.pairCount(node) {
            let key = tree.key(node, index)
            guard tree.kind(key) == .scalar else {
                diagnostics.emit(
                    .wrongType, "\(context) key must be a plain string, found \(tree.kindDescription(key))",
                    at: tree.location(key))
                continue
            }
            rejectTag(key)
            if tree.style(key) == .plain && tree.isScalar(key, equalTo: "<<") {
                diagnostics.emit(
                    .aliasNotAllowed, "YAML merge keys are not allowed", at: tree.location(key),
                    hint: "write the keys out in full")
                continue
            }
            // Bytes compare as `String`s do only when the text is ASCII.
            let position =
                tree.isASCII
                ? tree.withScalarBytes(key) { allowed.index(of: $0) } : allowed.names.firstIndex(of: tree.text(key))
            guard let position else {
                let text = tree.text(key)
                unknown.append((text, tree.location(key), Self.suggestion(for: text, among: allowed.names)))
                continue
            }
            map.record(position, key: key, value: tree.value(node, index))
        }
        var explained: Set<String> = []
        for key in unknown {
            var notes: [Diagnostic.Note] = []
            if let meant = key.suggestion, required.contains(meant), !map.contains(meant),
                explained.insert(meant).inserted
            {
                notes.append(
                    diagnostics.note(
                        "'\(meant)' is required, so \(context) lacks it until the key is corrected",
                        at: tree.location(node)))
            }
            diagnostics.emit(
                .unknownKey, "unknown key '\(key.text)' in \(context)", at: key.location,
                hint: key.suggestion.map { "did you mean '\($0)'?" }
                    ?? "expected one of \(allowed.names.map { "'\($0)'" }.joined(separator: ", "))", notes: notes)
        }
        for key in required where !map.contains(key) && !explained.contains(key) {
            diagnostics.emit(.missingKey, "\(context) is missing required key '\(key)'", at: tree.location(node))
        }
        return map
    }

    /// Reads a sequence's items; a single scalar or mapping is reported.
    public mutating func sequence(_ node: Node, context: String) -> YAMLTree.Children? {
        guard tree.kind(node) == .sequence else {
            wrongType(node, expected: "a sequence", context: context)
            return nil
        }
        rejectTag(node)
        return tree.items(node)
    }

    /// Reads a string; plain `yes/no/on/off` is warned about, since YAML 1.1 reads them as booleans.
    public mutating func string(_ node: Node, context: String) -> Located<String>? {
        guard tree.kind(node) == .scalar, !tree.isNull(node) else {
            wrongType(node, expected: "a string", context: context)
            return nil
        }
        rejectTag(node)
        let text = tree.text(node)
        if tree.style(node) == .plain && tree.byteCount(node) <= 3 && Self.ambiguousBooleans.contains(text.lowercased())
        {
            diagnostics.emit(
                .ambiguousBoolean,
                "plain '\(text)' in \(context) is read as a boolean by YAML 1.1 tools", at: tree.location(node),
                hint: "quote it: \"\(text)\"")
        }
        return Located(text, at: tree.location(node))
    }

    /// Reads a boolean: only plain `true` or `false`.
    public mutating func bool(_ node: Node, context: String) -> Located<Bool>? {
        guard tree.kind(node) == .scalar, tree.style(node) == .plain, !tree.isNull(node) else {
            wrongType(node, expected: "true or false", context: context)
            return nil
        }
        rejectTag(node)
        let text = tree.text(node)
        switch text {
        case "true": return Located(true, at: tree.location(node))
        case "false": return Located(false, at: tree.location(node))
        default:
            if Self.ambiguousBooleans.contains(text.lowercased()) || text.lowercased() == "true"
                || text.lowercased() == "false"
            {
                let fixed = ["yes", "on", "true", "y"].contains(text.lowercased()) ? "true" : "false"
                diagnostics.emit(
                    .ambiguousBoolean, "'\(text)' is not a boolean in \(context); write true or false",
                    at: tree.location(node), severity: .error, hint: "write \(fixed)")
            } else {
                wrongType(node, expected: "true or false", context: context)
            }
            return nil
        }
    }

    /// Reads a non-negative decimal integer no larger than `maximum`.
    public mutating func integer(_ node: Node, context: String, range: ClosedRange<Int>) -> Located<Int>? {
        let text = tree.text(node)
        guard tree.kind(node) == .scalar, tree.style(node) == .plain, !tree.isNull(node),
            !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else {
            wrongType(node, expected: "a whole number", context: context)
            return nil
        }
        rejectTag(node)
        guard text.count <= 9, let value = Int(text), range.contains(value) else {
            diagnostics.emit(
                .invalidValue,
                "\(context) is \(text); expected \(range.lowerBound) to \(range.upperBound)", at: tree.location(node))
            return nil
        }
        return Located(value, at: tree.location(node))
    }

    /// Reads one of a closed set of spellings; a near miss gets a "did you mean".
    public mutating func choice<T: RawRepresentable & CaseIterable>(
        _ node: Node, context: String, as type: T.Type = T.self
    ) -> Located<T>? where T.RawValue == String {
        guard let text = string(node, context: context) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let names = T.allCases.map(\.rawValue)
        let exactCase = names.first { $0.lowercased() == text.value.lowercased() }
        diagnostics.emit(
            .invalidValue, "'\(text.value)' is not a valid \(context)", at: text.location,
            hint: (exactCase ?? Self.suggestion(for: text.value, among: names)).map { "did you mean '\($0)'?" }
                ?? "expected one of \(names.map { "'\($0)'" }.joined(separator: ", "))")
        return nil
    }

    /// Reads a version string from the raw text; warns when it was written as a plain number.
    public mutating func versionText(_ node: Node, context: String) -> Located<String>? {
        guard tree.kind(node) == .scalar, !tree.isNull(node) else {
            wrongType(node, expected: "a version string such as \"15.2\"", context: context)
            return nil
        }
        rejectTag(node)
        let text = tree.text(node)
        if tree.style(node) == .plain && Self.looksLikeYAMLNumber(text) {
            let reading = Self.numberReading(text)
            let meaning = reading == text ? "" : " (\(reading))"
            // In a range a bare version names a release line (`18` is any 18.x); say so, and how to write
            // "this version and later", which is what a range usually means.
            let hint =
                context == "osVersions"
                ? "write it as a string: \"\(text)\" for any \(text).x, or \">=\(text)\" for \(text) and later"
                : "write it as a string: \"\(text)\""
            diagnostics.emit(
                .unquotedVersion, "\(context) \(text) is unquoted: YAML reads it as a number\(meaning)",
                at: tree.location(node), hint: hint)
        }
        return Located(text, at: tree.location(node))
    }

    /// Reports a node of the wrong kind.
    public mutating func wrongType(_ node: Node, expected: String, context: String) {
        diagnostics.emit(
            .wrongType, "\(context) must be \(expected), found \(tree.kindDescription(node))", at: tree.location(node))
    }

    /// Explicit tags other than `!!str` on scalars are refused, on keys, values and collections alike
    /// (`!!map {…}` too): their meaning would differ between tools, and the spec allows only `!!str`.
    private mutating func rejectTag(_ node: Node) {
        guard let tag = tree.tag(node) else { return }
        if tag == "tag:yaml.org,2002:str" && tree.kind(node) == .scalar { return }
        diagnostics.emit(
            .unsupportedTag, "explicit tag '\(tag)' is not supported", at: tree.location(node),
            hint: "remove the tag; quote the value if it must be a string")
    }

    /// Plain scalars that YAML 1.1 reads as booleans (besides true/false).
    /// (At most three letters: `string(_:context:)` skips lowercasing longer text.)
    static let ambiguousBooleans: Set<String> = ["yes", "no", "on", "off", "y", "n"]

    /// Whether YAML (1.1 or 1.2 core) would read this plain text as a number.
    static func looksLikeYAMLNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return false }
        var index = 0
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { index = 1 }
        var digits = 0
        var dots = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                dots += 1
            } else if byte == UInt8(ascii: "_") {
                // YAML 1.1 allows digit separators
            } else {
                return false
            }
            index += 1
        }
        return digits > 0 && dots <= 1
    }

    /// How YAML would print the number back: `15.10` → `15.1`, `15.0` → `15.0`, `15` → `15`.
    static func numberReading(_ text: String) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text }
        var fraction = text[text.index(after: dot)...]
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        return "\(text[..<dot]).\(fraction.isEmpty ? "0" : String(fraction))"
    }

    /// The closest allowed spelling, for "did you mean" (`Suggestions`' policy).
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: word, among: candidates)
    }
}
