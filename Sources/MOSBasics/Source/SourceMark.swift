/// A place in a file of one run: the file's ID in the run's `SourceTable`, and a 1-based line and column.
///
/// Every YAML node, syntax value and model value carries one, so it is small and holds no reference: a path
/// string per location (its reference count on every copy, its size) was a tenth of validation at 10,000
/// policies. Where a place leaves the run (a diagnostic), the run's table turns it into a `SourceLocation`.
public struct SourceMark: Hashable, Sendable, Comparable {
    /// The file's index in its run's `SourceTable`; 0 is no file.
    public typealias FileID = UInt32

    /// The file's index in its run's `SourceTable`.
    public let fileID: FileID
    private let storedLine: UInt32
    private let storedColumn: UInt32

    /// A place in the file `fileID` of the run's table.
    public init(fileID: FileID, line: Int = 0, column: Int = 0) {
        self.fileID = fileID
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// The 1-based line; 0 when the place is the whole file.
    public var line: Int { Int(storedLine) }

    /// The 1-based column; 0 when the place is a whole line or file.
    public var column: Int { Int(storedColumn) }

    /// Orders places of one run: the table lists a run's files in the order read (sorted by path), then by line
    /// and column.
    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.fileID, lhs.storedLine, lhs.storedColumn) < (rhs.fileID, rhs.storedLine, rhs.storedColumn)
    }
}

/// A parsed value together with where it was written.
public struct Located<Value> {
    /// The value.
    public var value: Value
    /// Where the value was written.
    public var location: SourceMark

    /// Wraps a value with its location.
    public init(_ value: Value, at location: SourceMark) {
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
