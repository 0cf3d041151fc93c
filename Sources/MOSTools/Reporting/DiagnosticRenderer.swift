public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Turns diagnostics into text for one output format; renderers are pure functions of their input.
public protocol DiagnosticRenderer: Sendable {
    /// The whole output for `diagnostics` (already sorted and with severities final).
    func render(_ diagnostics: [Diagnostic]) -> String
}

/// Counts for summaries.
public struct DiagnosticSummary: Sendable, Hashable, Codable {
    /// Number of errors.
    public var errors: Int
    /// Number of warnings.
    public var warnings: Int
    /// Number of notes.
    public var notes: Int

    /// Counts the severities of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        errors = diagnostics.count { $0.severity == .error }
        warnings = diagnostics.count { $0.severity == .warning }
        notes = diagnostics.count { $0.severity == .note }
    }
}

extension [Diagnostic] {
    /// The same diagnostics with warnings raised to errors (`--warnings-as-errors`), applied once before rendering.
    public func treatingWarningsAsErrors() -> [Diagnostic] {
        map { diagnostic in
            var copy = diagnostic
            if copy.severity == .warning { copy.severity = .error }
            return copy
        }
    }

    /// The diagnostics at `minimum` or above (`--min-severity`), applied after `treatingWarningsAsErrors`, so a
    /// raised warning stays when warnings are hidden.
    public func atLeast(_ minimum: Severity) -> [Diagnostic] {
        filter { $0.severity >= minimum }
    }
}
