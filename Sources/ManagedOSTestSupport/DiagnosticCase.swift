import ManagedOS
import Testing

/// One row of a table-driven rule test: a small repository (files with markers) and the diagnostics it must
/// produce, each as a code at a marker (or at a line). Any other diagnostic fails the test, except for codes
/// listed in `ignoring`.
public struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    /// An expected diagnostic.
    public struct Expectation: Sendable {
        /// The code.
        public var code: DiagnosticCode
        /// The marker (1️⃣) at which it must be reported; nil with `line` for a line-only check.
        public var marker: String?
        /// The line, when no marker is used.
        public var line: Int?
        /// The file, when the case has several.
        public var file: String?
        /// The severity, when it must differ from the code's default.
        public var severity: Severity?

        /// A code at a marker.
        public static func at(_ code: DiagnosticCode, _ marker: String, file: String? = nil, severity: Severity? = nil)
            -> Expectation
        {
            Expectation(code: code, marker: marker, line: nil, file: file, severity: severity)
        }

        /// A code on a line.
        public static func line(_ code: DiagnosticCode, _ line: Int, file: String? = nil) -> Expectation {
            Expectation(code: code, marker: nil, line: line, file: file, severity: nil)
        }
    }

    /// What the case shows.
    public var name: String
    /// Files by path (relative to the repository root), with markers.
    public var files: [(path: String, marked: String)]
    /// The expected diagnostics.
    public var expected: [Expectation]
    /// Codes that may appear without being expected (e.g. unused-cohort warnings in small fixtures).
    public var ignoring: Set<DiagnosticCode>
    /// The options to validate with.
    public var options: CompilerOptions

    /// A one-file case.
    public init(
        _ name: String, _ expected: [Expectation], ignoring: Set<DiagnosticCode> = DiagnosticCase.usuallyIgnored,
        options: CompilerOptions = .testing, yaml: String
    ) {
        self.init(name, expected, ignoring: ignoring, options: options, files: [("policy.yaml", yaml)])
    }

    /// A case with several files.
    public init(
        _ name: String, _ expected: [Expectation], ignoring: Set<DiagnosticCode> = DiagnosticCase.usuallyIgnored,
        options: CompilerOptions = .testing, files: [(path: String, marked: String)]
    ) {
        self.name = name
        self.files = files
        self.expected = expected
        self.ignoring = ignoring
        self.options = options
    }

    /// Codes a case ignores unless it says otherwise: unused cohorts in small fixtures, and the once-per-run
    /// notes about the catalog that every `latest` or `afterRelease` case would otherwise have to expect.
    public static let usuallyIgnored: Set<DiagnosticCode> = [.unusedCohort, .catalogNotFromRepository, .catalogStale]

    /// The case's name in test output.
    public var testDescription: String { name }
}

/// Validates the case's repository and checks its diagnostics against the expectations.
public func expectDiagnostics(_ c: DiagnosticCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let root = "repo"
    let marked = c.files.map { (path: "\(root)/\($0.path)", text: MarkedText($0.marked)) }
    let files = marked.map { SourceFile(path: $0.path, text: $0.text.text) }
    let result = Compiler.validate(root: root, files: files, options: c.options)
    var remaining = result.diagnostics.filter { !c.ignoring.contains($0.code) }
    for expectation in c.expected {
        let file = expectation.file.map { "\(root)/\($0)" } ?? marked.first?.path ?? ""
        var line = expectation.line
        var column: Int?
        if let name = expectation.marker {
            guard let place = marked.first(where: { $0.path == file })?.text.markers[name] else {
                Issue.record("case '\(c.name)': marker \(name) not found in \(file)", sourceLocation: sourceLocation)
                continue
            }
            line = place.line
            column = place.column
        }
        let index = remaining.firstIndex { d in
            d.code == expectation.code && d.location?.file == file && d.location?.line == line
                && (column == nil || d.location?.column == column)
                && (expectation.severity == nil || d.severity == expectation.severity)
        }
        if let index {
            remaining.remove(at: index)
        } else {
            let got = result.diagnostics.map { "\($0.location?.description ?? "-") \($0.code.rawValue) \($0.message)" }
            Issue.record(
                "case '\(c.name)': expected \(expectation.code.rawValue) at \(file):\(line ?? 0):\(column ?? 0); got:\n\(got.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        }
    }
    for extra in remaining {
        Issue.record(
            "case '\(c.name)': unexpected \(extra.code.rawValue) at \(extra.location?.description ?? "-"): \(extra.message)",
            sourceLocation: sourceLocation)
    }
}

extension CompilerOptions {
    /// Options with `now` pinned at 2026-11-25T12:00:00Z, the instant the examples are validated at.
    public static var testing: CompilerOptions { CompilerOptions(now: .testingNow) }
}

extension DiagnosticCase {
    /// The same case with every expectation in `file`.
    public func inFile(_ file: String) -> DiagnosticCase {
        var copy = self
        copy.expected = expected.map {
            var e = $0; e.file = e.file ?? file; return e
        }
        return copy
    }
}

extension Instant {
    /// The pinned instant of tests and examples: 2026-11-25T12:00:00Z.
    public static let testingNow = Instant(unixSeconds: 1_795_608_000)
}
