/// A place in a policy file: the path as given, and a 1-based line and column.
///
/// The path is stored as its index in `FilePaths`: a location is copied into every YAML node, syntax value and
/// diagnostic, and an index copies without reference counting (at 10,000 policies the path strings' reference
/// counts and the locations' size were a tenth of validation).
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The path's index in `FilePaths.shared`; equal paths have equal indexes.
    package private(set) var fileID: FilePaths.ID
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// The path of the file, as given on the command line (relative stays relative).
    public var file: String {
        get { FilePaths.shared.path(fileID) }
        set { fileID = FilePaths.shared.id(newValue) }
    }

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
        self.init(fileID: FilePaths.shared.id(file), line: line, column: column)
    }

    /// Creates a location in a file already interned (the composer interns a file's path once, not per node).
    package init(fileID: FilePaths.ID, line: Int = 0, column: Int = 0) {
        self.fileID = fileID
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// Orders values for sorted, stable output.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
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

/// A parsed value together with where it was written.
public struct Located<Value> {
    /// The value.
    public var value: Value
    /// Where the value was written.
    public var location: SourceLocation

    /// Wraps a value with its location.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The same location with a transformed value.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> Located<T> {
        Located<T>(try transform(value), at: location)
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
