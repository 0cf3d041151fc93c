public import MOSBasics

/// One file's YAML documents as a flat table: every node in one array, every scalar's text in one byte buffer.
///
/// This is what the composer builds and `NodeReader` reads. A node costs no allocation of its own and a scalar
/// becomes a `String` only when a reader keeps it: a tree of `YAMLNode`s (an array per collection, a `String` per
/// scalar, a copy per read) was most of the CPU time of validating a large repository beyond libyaml's own.
/// `YAMLNode` trees are still built from it on request (`yamlDocuments`), for Apple's schema and for tests.
public struct YAMLTree: Sendable {
    /// A node's place in the table.
    public struct NodeID: Hashable, Sendable {
        @usableFromInline package let index: Int32

        @inlinable package init(index: Int32) { self.index = index }
    }

    /// What a node is.
    public enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// One document: its root (nil when empty) and where it starts.
    public struct Document: Sendable {
        /// The root node; nil for an empty document.
        public var root: NodeID?
        /// Where the document starts.
        public var location: SourceMark
    }

    @usableFromInline package struct Entry: Sendable {
        @usableFromInline package var kind: Kind
        @usableFromInline package var style: ScalarStyle
        @usableFromInline package var location: SourceMark
        /// Scalar: the text's offset in `text`; collection: the first child's offset in `children`.
        @usableFromInline package var start: Int32
        /// Scalar: the text's length in bytes; sequence: its items; mapping: its pairs (two children each).
        @usableFromInline package var count: Int32
        /// The tag's index in `tags`, or -1.
        @usableFromInline package var tag: Int32
    }

    /// The documents of the file, in order; those after a syntax error or a bound are missing.
    public internal(set) var documents: [Document] = []
    @usableFromInline package var entries: [Entry] = []
    @usableFromInline package var text: [UInt8] = []
    /// Children of collections, each collection's in one run: items, or key and value alternately.
    @usableFromInline package var children: [Int32] = []
    @usableFromInline var tags: [String] = []
    /// Whether every scalar is ASCII, so byte equality is `String` equality (canonical equivalence otherwise).
    /// The composer sets it from the file's bytes.
    @usableFromInline package var isASCII = true

    package init() {}

    // MARK: Reading nodes
    // Inlinable, with the table they read: the readers in MOSCompiler call them for every node, and a call across
    // the module boundary per question was a measurable part of parsing.

    /// What `node` is.
    @inlinable public func kind(_ node: NodeID) -> Kind { entries[Int(node.index)].kind }

    /// Where `node` starts.
    @inlinable public func location(_ node: NodeID) -> SourceMark { entries[Int(node.index)].location }

    /// How a scalar was written (`.plain` for collections).
    @inlinable public func style(_ node: NodeID) -> ScalarStyle { entries[Int(node.index)].style }

    /// The explicit tag (`tag:yaml.org,2002:str`), if the node had one.
    @inlinable public func tag(_ node: NodeID) -> String? {
        let index = entries[Int(node.index)].tag
        return index < 0 ? nil : tags[Int(index)]
    }

    /// A scalar's raw text; empty for collections.
    @inlinable public func text(_ node: NodeID) -> String {
        let entry = entries[Int(node.index)]
        guard entry.kind == .scalar, entry.count > 0 else { return "" }
        let range = Int(entry.start)..<Int(entry.start + entry.count)
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    /// A scalar's length in bytes; 0 for collections.
    @inlinable package func byteCount(_ node: NodeID) -> Int {
        let entry = entries[Int(node.index)]
        return entry.kind == .scalar ? Int(entry.count) : 0
    }

    /// Whether `node` is a scalar whose text equals `string` (as `String`s compare).
    @inlinable public func isScalar(_ node: NodeID, equalTo string: String) -> Bool {
        guard kind(node) == .scalar else { return false }
        guard isASCII else { return text(node) == string }
        var string = string
        return string.withUTF8 { key in withScalarBytes(node) { $0.hasSameBytes(as: key) } }
    }

    /// `body` applied to a scalar's bytes (empty for collections).
    @inlinable
    package func withScalarBytes<Result>(_ node: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = entries[Int(node.index)]
        let count = entry.kind == .scalar ? Int(entry.count) : 0
        return text.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(entry.start)..<Int(entry.start) + count]))
        }
    }

    /// Whether two scalars have equal text (as `String`s compare); false when either is a collection.
    func scalarsEqual(_ a: NodeID, _ b: NodeID) -> Bool {
        guard kind(a) == .scalar, kind(b) == .scalar else { return false }
        guard isASCII else { return text(a) == text(b) }
        return withScalarBytes(a) { left in withScalarBytes(b) { left.hasSameBytes(as: $0) } }
    }

    /// Whether this is a plain untagged scalar YAML reads as null (`YAMLNode.nullSpellings`).
    public func isNull(_ node: NodeID) -> Bool {
        let entry = entries[Int(node.index)]
        guard entry.kind == .scalar, entry.style == .plain, entry.tag < 0 else { return false }
        // Only null's lengths (0, 1, 4) are worth a look: most scalars are settled without a compare.
        guard entry.count <= 4 else { return false }
        return YAMLNode.nullSpellings.contains { isScalar(node, equalTo: $0) }
    }

    /// A word for the node's kind in messages: "a mapping", "a sequence", "a string", "null".
    public func kindDescription(_ node: NodeID) -> String {
        switch kind(node) {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar: return YAMLNode.scalarDescription(text(node), style: style(node), isNull: isNull(node))
        }
    }

    /// A sequence's items; empty for other nodes.
    public func items(_ node: NodeID) -> Children {
        let entry = entries[Int(node.index)]
        guard entry.kind == .sequence else { return Children(children: children, start: 0, count: 0) }
        return Children(children: children, start: Int(entry.start), count: Int(entry.count))
    }

    /// How many pairs a mapping has; 0 for other nodes.
    @inlinable public func pairCount(_ node: NodeID) -> Int {
        let entry = entries[Int(node.index)]
        return entry.kind == .mapping ? Int(entry.count) : 0
    }

    /// The key of a mapping's pair at `index` (below `pairCount`).
    @inlinable public func key(_ node: NodeID, _ index: Int) -> NodeID {
        NodeID(index: children[Int(entries[Int(node.index)].start) + 2 * index])
    }

    /// The value of a mapping's pair at `index` (below `pairCount`).
    @inlinable public func value(_ node: NodeID, _ index: Int) -> NodeID {
        NodeID(index: children[Int(entries[Int(node.index)].start) + 2 * index + 1])
    }

    /// The value of the first pair whose key is the scalar `key`.
    public func value(_ node: NodeID, forKey key: String) -> NodeID? {
        for index in 0..<pairCount(node) where isScalar(self.key(node, index), equalTo: key) {
            return value(node, index)
        }
        return nil
    }

    /// A run of child nodes: a sequence's items.
    public struct Children: RandomAccessCollection, Sendable {
        package let children: [Int32]
        package let start: Int
        /// The number of children.
        public let count: Int

        /// The first position.
        public var startIndex: Int { 0 }
        /// One past the last position.
        public var endIndex: Int { count }
        /// The child at `position`.
        public subscript(position: Int) -> NodeID { NodeID(index: children[start + position]) }
    }

    // MARK: Building nodes (the composer)

    /// Reserves room for a file of `bytes` bytes.
    mutating func reserve(bytes: Int) {
        let nodes = bytes / 10 + 8
        entries.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        text.reserveCapacity(bytes / 2)
    }

    /// Adds a scalar with its text; returns its ID.
    mutating func addScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: String?, at location: SourceMark
    ) -> NodeID {
        let start = Int32(truncatingIfNeeded: text.count)
        text.append(contentsOf: bytes)
        // An ASCII file's double-quoted scalars can still hold other characters, through escapes (`"\u00e9"`).
        if isASCII && style == .doubleQuoted && bytes.contains(where: { $0 >= 0x80 }) { isASCII = false }
        return add(
            Entry(
                kind: .scalar, style: style, location: location, start: start,
                count: Int32(truncatingIfNeeded: bytes.count), tag: tagIndex(tag)))
    }

    /// Adds a collection whose children are `items` (key and value alternately for a mapping); returns its ID.
    mutating func addCollection(
        _ kind: Kind, items: ArraySlice<Int32>, tag: String?, at location: SourceMark
    ) -> NodeID {
        let start = Int32(truncatingIfNeeded: children.count)
        children.append(contentsOf: items)
        let count = kind == .mapping ? items.count / 2 : items.count
        return add(
            Entry(
                kind: kind, style: .plain, location: location, start: start, count: Int32(truncatingIfNeeded: count),
                tag: tagIndex(tag)))
    }

    private mutating func add(_ entry: Entry) -> NodeID {
        entries.append(entry)
        return NodeID(index: Int32(truncatingIfNeeded: entries.count - 1))
    }

    private mutating func tagIndex(_ tag: String?) -> Int32 {
        guard let tag else { return -1 }
        tags.append(tag)
        return Int32(truncatingIfNeeded: tags.count - 1)
    }

    // MARK: As `YAMLNode`s

    /// The nodes as `YAMLNode` trees, by ID. Children always precede their parent in the table, so one pass in
    /// order builds every tree without recursion.
    package func nodes() -> [YAMLNode] {
        var built: [YAMLNode] = []
        built.reserveCapacity(entries.count)
        for index in entries.indices {
            let id = NodeID(index: Int32(truncatingIfNeeded: index))
            let entry = entries[index]
            let content: YAMLNode.Content
            switch entry.kind {
            case .scalar:
                content = .scalar(text(id), entry.style)
            case .sequence:
                content = .sequence(items(id).map { built[Int($0.index)] })
            case .mapping:
                content = .mapping(
                    (0..<Int(entry.count)).map { pair in
                        YAMLNode.Pair(
                            key: built[Int(key(id, pair).index)], value: built[Int(value(id, pair).index)])
                    })
            }
            built.append(YAMLNode(content, at: entry.location, tag: tag(id)))
        }
        return built
    }

    /// The documents as `YAMLDocument`s.
    public var yamlDocuments: [YAMLDocument] {
        let built = nodes()
        return documents.map { document in
            YAMLDocument(root: document.root.map { built[Int($0.index)] }, location: document.location)
        }
    }
}
