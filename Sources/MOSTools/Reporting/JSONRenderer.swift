import Foundation
public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// `{"diagnostics":[…],"formatVersion":2,"summary":{…}}` with sorted keys: stable for scripts.
///
/// Format 2 names the version `formatVersion`, as every other JSON document of mosc does (format 1 called it
/// `version`), and adds `error` when the run could not read its input (then `diagnostics` is empty).
public struct JSONRenderer: DiagnosticRenderer {
    /// The format version of this document.
    public static let formatVersion = 2

    /// Creates a renderer.
    public init() {}

    private struct Document: Encodable {
        package var formatVersion: Int
        package var diagnostics: [Entry]
        package var summary: DiagnosticSummary
        /// Why the input could not be read (an I/O failure, exit 2); absent otherwise.
        package var error: String?
    }

    /// The document for a run that could not read its input: no diagnostics, and the error.
    public func render(failure: String) -> String {
        CanonicalJSON.string(
            Document(formatVersion: Self.formatVersion, diagnostics: [], summary: DiagnosticSummary([]), error: failure)
        )
    }

    private struct Entry: Encodable {
        package var code: String
        package var severity: String
        package var message: String
        package var file: String?
        package var line: Int?
        package var column: Int?
        package var hint: String?
        package var notes: [NoteEntry]
    }

    private struct NoteEntry: Encodable {
        package var message: String
        package var file: String?
        package var line: Int?
        package var column: Int?
    }

    /// Renders the diagnostics in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let document = Document(
            formatVersion: Self.formatVersion,
            diagnostics: diagnostics.map { d in
                Entry(
                    code: d.code.rawValue, severity: d.severity.rawValue, message: d.message,
                    file: d.location?.file, line: d.location.flatMap { $0.line > 0 ? $0.line : nil },
                    column: d.location.flatMap { $0.column > 0 ? $0.column : nil }, hint: d.hint,
                    notes: d.notes.map { n in
                        NoteEntry(
                            message: n.message, file: n.location?.file,
                            line: n.location.flatMap { $0.line > 0 ? $0.line : nil },
                            column: n.location.flatMap { $0.column > 0 ? $0.column : nil })
                    })
            },
            summary: DiagnosticSummary(diagnostics))
        return CanonicalJSON.string(document)
    }
}
