/// A place in a policy file: the path as given, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// The path of the file, as given on the command line (relative stays relative).
    public var file: String
    /// The 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based column; 0 when the problem concerns the whole line or file.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders values for sorted, stable output.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:column`, leaving out the parts that are 0.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
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
