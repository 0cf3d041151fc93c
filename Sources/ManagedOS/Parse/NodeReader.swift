/// The only code that reads `YAMLNode`s into typed values, reporting shape problems as `MOS1xx` diagnostics.
///
/// Every read returns nil after reporting when the node does not fit, so a caller keeps going and one run
/// reports every problem.
public struct NodeReader {
    /// Where problems go.
    public var diagnostics = DiagnosticBag()

    /// A reader with an empty bag.
    public init() {}

    /// A mapping's pairs by key, after checking its keys against the allowed ones.
    public struct Mapping {
        /// The mapping node itself.
        public let node: YAMLNode
        /// The allowed pairs in source order with their key text. A list, not a table: documents hold a dozen
        /// short keys, and a table per mapping was a measurable share of reading large repositories.
        let entries: [(key: String, pair: YAMLNode.Pair)]

        /// Pairs by key text; for duplicate keys the first one (the composer reported the rest).
        public var pairs: [String: YAMLNode.Pair] {
            Dictionary(entries.map { ($0.key, $0.pair) }, uniquingKeysWith: { first, _ in first })
        }

        /// The first pair whose key is `key`.
        func pair(_ key: String) -> YAMLNode.Pair? { entries.first { $0.key == key }?.pair }

        /// The value for `key`, if present.
        public subscript(key: String) -> YAMLNode? { pair(key)?.value }

        /// Where `key` is written, else where the mapping starts.
        public func keyLocation(_ key: String) -> SourceLocation { pair(key)?.key.location ?? node.location }
    }

    /// Reads a mapping, reporting a non-mapping, non-scalar or unknown keys (with a hint) and missing required keys.
    public mutating func mapping(
        _ node: YAMLNode, context: String, allowed: [String], required: [String] = []
    ) -> Mapping? {
        guard case .mapping(let list) = node.content else {
            wrongType(node, expected: "a mapping", context: context)
            return nil
        }
        rejectTag(node)
        var entries: [(key: String, pair: YAMLNode.Pair)] = []
        entries.reserveCapacity(list.count)
        for pair in list {
            guard let key = pair.key.scalarText else {
                diagnostics.emit(
                    .wrongType, "\(context) key must be a plain string, found \(pair.key.kindDescription)",
                    at: pair.key.location)
                continue
            }
            if key == "<<" && pair.key.scalarStyle == .plain {
                diagnostics.emit(
                    .aliasNotAllowed, "YAML merge keys are not allowed", at: pair.key.location,
                    hint: "write the keys out in full")
                continue
            }
            if !allowed.contains(key) {
                diagnostics.emit(
                    .unknownKey, "unknown key '\(key)' in \(context)", at: pair.key.location,
                    hint: Self.suggestion(for: key, among: allowed).map { "did you mean '\($0)'?" }
                        ?? "expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
                continue
            }
            entries.append((key, pair))
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            diagnostics.emit(.missingKey, "\(context) is missing required key '\(key)'", at: node.location)
        }
        return Mapping(node: node, entries: entries)
    }

    /// Reads a sequence's items; a single scalar or mapping is reported.
    public mutating func sequence(_ node: YAMLNode, context: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.content else {
            wrongType(node, expected: "a sequence", context: context)
            return nil
        }
        rejectTag(node)
        return items
    }

    /// Reads a string; plain `yes/no/on/off` is warned about, since YAML 1.1 reads them as booleans.
    public mutating func string(_ node: YAMLNode, context: String) -> Located<String>? {
        guard case .scalar(let text, let style) = node.content, !node.isNull else {
            wrongType(node, expected: "a string", context: context)
            return nil
        }
        rejectTag(node)
        if style == .plain && text.utf8.count <= 3 && Self.ambiguousBooleans.contains(text.lowercased()) {
            diagnostics.emit(
                .ambiguousBoolean,
                "plain '\(text)' in \(context) is read as a boolean by YAML 1.1 tools", at: node.location,
                hint: "quote it: \"\(text)\"")
        }
        return Located(text, at: node.location)
    }

    /// Reads a boolean: only plain `true` or `false`.
    public mutating func bool(_ node: YAMLNode, context: String) -> Located<Bool>? {
        guard case .scalar(let text, let style) = node.content, style == .plain, !node.isNull else {
            wrongType(node, expected: "true or false", context: context)
            return nil
        }
        rejectTag(node)
        switch text {
        case "true": return Located(true, at: node.location)
        case "false": return Located(false, at: node.location)
        default:
            if Self.ambiguousBooleans.contains(text.lowercased()) || text.lowercased() == "true"
                || text.lowercased() == "false"
            {
                let fixed = ["yes", "on", "true", "y"].contains(text.lowercased()) ? "true" : "false"
                diagnostics.emit(
                    .ambiguousBoolean, "'\(text)' is not a boolean in \(context); write true or false",
                    at: node.location, severity: .error, hint: "write \(fixed)")
            } else {
                wrongType(node, expected: "true or false", context: context)
            }
            return nil
        }
    }

    /// Reads a non-negative decimal integer no larger than `maximum`.
    public mutating func integer(_ node: YAMLNode, context: String, range: ClosedRange<Int>) -> Located<Int>? {
        guard case .scalar(let text, .plain) = node.content, !node.isNull,
            !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else {
            wrongType(node, expected: "a whole number", context: context)
            return nil
        }
        rejectTag(node)
        guard text.count <= 9, let value = Int(text), range.contains(value) else {
            diagnostics.emit(
                .invalidValue,
                "\(context) is \(text); expected \(range.lowerBound) to \(range.upperBound)", at: node.location)
            return nil
        }
        return Located(value, at: node.location)
    }

    /// Reads one of a closed set of spellings; a near miss gets a "did you mean".
    public mutating func choice<T: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, context: String, as type: T.Type = T.self
    ) -> Located<T>? where T.RawValue == String {
        guard let text = string(node, context: context) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, at: node.location) }
        let names = T.allCases.map(\.rawValue)
        let exactCase = names.first { $0.lowercased() == text.value.lowercased() }
        diagnostics.emit(
            .invalidValue, "'\(text.value)' is not a valid \(context)", at: node.location,
            hint: (exactCase ?? Self.suggestion(for: text.value, among: names)).map { "did you mean '\($0)'?" }
                ?? "expected one of \(names.map { "'\($0)'" }.joined(separator: ", "))")
        return nil
    }

    /// Reads a version string from the raw text; warns when it was written as a plain number.
    public mutating func versionText(_ node: YAMLNode, context: String) -> Located<String>? {
        guard case .scalar(let text, let style) = node.content, !node.isNull else {
            wrongType(node, expected: "a version string such as \"15.2\"", context: context)
            return nil
        }
        rejectTag(node)
        if style == .plain && Self.looksLikeYAMLNumber(text) {
            let reading = Self.numberReading(text)
            let meaning = reading == text ? "" : " (\(reading))"
            diagnostics.emit(
                .unquotedVersion, "\(context) \(text) is unquoted: YAML reads it as a number\(meaning)",
                at: node.location, hint: "write it as a string: \"\(text)\"")
        }
        return Located(text, at: node.location)
    }

    /// Reports a node of the wrong kind.
    public mutating func wrongType(_ node: YAMLNode, expected: String, context: String) {
        diagnostics.emit(
            .wrongType, "\(context) must be \(expected), found \(node.kindDescription)", at: node.location)
    }

    /// Explicit tags other than `!!str` on scalars are refused: their meaning would differ between tools.
    private mutating func rejectTag(_ node: YAMLNode) {
        guard let tag = node.tag else { return }
        if tag == "tag:yaml.org,2002:str" && node.scalarText != nil { return }
        if tag == "tag:yaml.org,2002:map" || tag == "tag:yaml.org,2002:seq" { return }
        diagnostics.emit(
            .unsupportedTag, "explicit tag '\(tag)' is not supported", at: node.location,
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

    /// The closest allowed spelling within a small edit distance, for "did you mean".
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let limit = max(1, min(3, candidate.count / 3))
            let distance = EditDistance.optimalStringAlignment(
                Array(lowered.utf8), Array(candidate.lowercased().utf8), limit: limit)
            if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }
}
