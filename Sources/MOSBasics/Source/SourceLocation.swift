/// A place in a file, naming the file by its path as given (relative stays relative), with a 1-based line and
/// column: what a diagnostic carries, so it stands on its own after the run that found it.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The path of the file, as given on the command line (relative stays relative).
    public var file: String
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// The 1-based line; 0 when the problem concerns the whole file.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// The 1-based column; 0 when the problem concerns the whole line or file.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// Orders values for sorted, stable output.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    /// `file:line:column`, leaving out the parts that are 0.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    /// Reads `{"file", "line", "column"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column))
    }

    /// Writes `{"file", "line", "column"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
