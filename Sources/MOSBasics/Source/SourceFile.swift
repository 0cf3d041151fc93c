/// One input file: the path as the user will see it and its bytes.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in diagnostics.
    public var path: String
    /// The raw contents.
    public var contents: [UInt8]

    /// Creates a source file from raw bytes.
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// Creates a source file from text (tests and in-memory repositories).
    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
