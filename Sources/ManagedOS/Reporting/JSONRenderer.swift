import Foundation

/// `{"diagnostics":[…],"summary":{…},"version":1}` with sorted keys: stable for scripts.
public struct JSONRenderer: DiagnosticRenderer {
    /// The format version of this document.
    public static let formatVersion = 1

    /// Creates a renderer.
    public init() {}

    private struct Document: Encodable {
        var version: Int
        var diagnostics: [Entry]
        var summary: DiagnosticSummary
    }

    private struct Entry: Encodable {
        var code: String
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var hint: String?
        var notes: [NoteEntry]
    }

    private struct NoteEntry: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    /// Renders the diagnostics in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let document = Document(
            version: Self.formatVersion,
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
