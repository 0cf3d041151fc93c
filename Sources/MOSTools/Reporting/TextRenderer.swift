public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// The clang/Xcode shape: `path:line:col: error: message [MOS112]`, notes on following lines.
public struct TextRenderer: DiagnosticRenderer {
    /// Whether to colour severities with ANSI escapes (only on a terminal).
    public var colored: Bool

    /// Creates a renderer.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// Renders the diagnostics in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += line(diagnostic.location, severity: diagnostic.severity.rawValue, message: diagnostic.message)
            out += " [\(diagnostic.code.rawValue)]\n"
            if let hint = diagnostic.hint {
                out += line(diagnostic.location, severity: "note", message: hint) + "\n"
            }
            for note in diagnostic.notes {
                out += line(note.location, severity: "note", message: note.message) + "\n"
            }
        }
        let summary = DiagnosticSummary(diagnostics)
        if summary.errors + summary.warnings > 0 {
            out += "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning"))\n"
        }
        return out
    }

    private func line(_ location: SourceLocation?, severity: String, message: String) -> String {
        let place = location.map { "\($0.description): " } ?? "mosc: "
        return "\(place)\(paint(severity)): \(message)"
    }

    private func paint(_ severity: String) -> String {
        guard colored else { return severity }
        let code =
            switch severity {
            case "error": "1;31"
            case "warning": "1;35"
            default: "1;36"
            }
        return "\u{1B}[\(code)m\(severity)\u{1B}[0m"
    }

    private func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}
