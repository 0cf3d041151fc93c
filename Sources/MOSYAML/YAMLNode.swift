public import MOSBasics

/// How a scalar was written; quoted scalars are always strings.
public enum ScalarStyle: String, Sendable, Hashable, Codable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    /// Whether the scalar was written in quotes or as a block: such a scalar is always a string.
    public var isQuotedOrBlock: Bool { self != .plain }
}

/// A YAML node with its mark: the raw text of scalars, sequences and mappings in source order.
public struct YAMLNode: Sendable, Hashable {
    /// One key/value pair of a mapping, in source order.
    public struct Pair: Sendable, Hashable {
        /// The key node.
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode
    }

    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar's raw text (no type resolution happens here) and how it was written.
        case scalar(String, ScalarStyle)
        /// A sequence's items.
        case sequence([YAMLNode])
        /// A mapping's pairs in source order (duplicates are reported by the composer and kept).
        case mapping([Pair])
    }

    /// The content.
    public var content: Content
    /// Where the node starts.
    public var location: SourceMark
    /// The explicit tag (`!!str`), if the node had one.
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, at location: SourceMark, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
    }

    /// The scalar text, if this is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The scalar style, if this is a scalar.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// Whether this is the plain scalar `null`, `~` or empty, which YAML reads as null.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content, tag == nil else { return false }
        return Self.nullSpellings.contains(text)
    }

    /// A word for the node's kind in messages: "a mapping", "a sequence", "a string", "null".
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let text, let style): return Self.scalarDescription(text, style: style, isNull: isNull)
        }
    }

    /// The plain scalars YAML reads as null.
    static let nullSpellings = ["", "~", "null", "Null", "NULL"]

    /// A scalar's kind in messages ("null", "a number", "a boolean", "a string"), for `YAMLNode` and `YAMLTree`.
    static func scalarDescription(_ text: String, style: ScalarStyle, isNull: Bool) -> String {
        if isNull { return "null" }
        if style.isQuotedOrBlock { return "a string" }
        if Int(text) != nil { return "a number" }
        if text == "true" || text == "false" { return "a boolean" }
        return "a string"
    }
}

/// One YAML document of a file.
public struct YAMLDocument: Sendable, Hashable {
    /// The root node; nil for an empty document.
    public var root: YAMLNode?
    /// Where the document starts.
    public var location: SourceMark
}
