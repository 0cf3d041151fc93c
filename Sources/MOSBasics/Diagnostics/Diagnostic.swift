/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders values for sorted, stable output.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in the input, with a stable code and where it is.
public struct Diagnostic: Hashable, Sendable, Codable, Comparable {
    /// A related place, such as the first definition of a duplicate.
    public struct Note: Hashable, Sendable, Codable {
        /// What the note says.
        public var message: String
        /// Where it points, if anywhere.
        public var location: SourceLocation?

        /// Creates a note.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// The stable code, e.g. `MOS112`.
    public var code: DiagnosticCode
    /// The severity; defaults to the code's own.
    public var severity: Severity
    /// The message: lowercase start, user values in single quotes, no trailing period.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation?
    /// A suggestion for the fix ("did you mean 'deadline'?"), shown after the message.
    public var hint: String?
    /// Related places.
    public var notes: [Note]

    /// Creates a diagnostic; the severity defaults to the code's.
    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation?,
        severity: Severity? = nil,
        hint: String? = nil,
        notes: [Note] = []
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.location = location
        self.hint = hint
        self.notes = notes
    }

    /// Orders values for sorted, stable output.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let l = lhs.location ?? SourceLocation(file: "")
        let r = rhs.location ?? SourceLocation(file: "")
        if l != r { return l < r }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

/// Collects diagnostics as a stage runs; passed `inout` through each stage.
///
/// It holds the run's `SourceTable`: a diagnostic reported at a `SourceMark` names its file from it, so every
/// diagnostic stands on its own after the run.
public struct DiagnosticBag: Sendable, Equatable {
    /// Everything reported so far, in the order it was reported.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The run's files, which the marks reported here refer to.
    public var sources: SourceTable

    /// An empty bag for a run whose files `sources` lists.
    public init(sources: SourceTable = SourceTable()) {
        self.sources = sources
    }

    /// Adds one diagnostic at a place in one of the run's files.
    public mutating func emit(
        _ code: DiagnosticCode,
        _ message: String,
        at mark: SourceMark?,
        severity: Severity? = nil,
        hint: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        emit(code, message, at: place(mark), severity: severity, hint: hint, notes: notes)
    }

    /// A note pointing at a place in one of the run's files.
    public func note(_ message: String, at mark: SourceMark?) -> Diagnostic.Note {
        Diagnostic.Note(message, at: place(mark))
    }

    /// `mark` named by its file. A mark of a file this bag's table does not list would print without a file
    /// (a bag made without the run's table): a programming error, which debug builds and the tests stop at.
    private func place(_ mark: SourceMark?) -> SourceLocation? {
        assert(mark.map { sources.contains($0.fileID) } ?? true, "a mark of a file this bag's table does not list")
        return sources.location(mark)
    }

    /// Adds one diagnostic.
    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Adds one diagnostic built from its parts.
    public mutating func emit(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation?,
        severity: Severity? = nil,
        hint: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        emit(Diagnostic(code, message, at: location, severity: severity, hint: hint, notes: notes))
    }

    /// Adds several diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Whether any error has been reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics in render order: by file, line, column, then code; a diagnostic reported twice (the same
    /// code, message, place, hint and notes: a policy's tracks share its settings and cohorts) is kept once.
    public var sorted: [Diagnostic] {
        var unique: [Diagnostic] = []
        unique.reserveCapacity(diagnostics.count)
        for diagnostic in diagnostics.sorted() where unique.last != diagnostic {
            unique.append(diagnostic)
        }
        return unique
    }
}
