public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=MOS112::message`.
///
/// GitHub requires `%`, `\r` and `\n` to be percent-encoded in the message, and additionally `:` and `,` in
/// property values; without that a message or path containing them breaks the annotation.
///
/// GitHub resolves `file=` against the workspace, so an absolute path below `base` (the current folder, passed
/// in by the CLI: nothing here reads the environment) is written relative to it.
public struct GitHubRenderer: DiagnosticRenderer {
    /// The folder paths are made relative to; nil keeps them as given.
    public var base: String?

    /// Creates a renderer; absolute paths below `base` are written relative to it.
    public init(relativeTo base: String? = nil) {
        self.base = base
    }

    /// `path` relative to `base` when it lies below it, else as given.
    func shown(_ path: String) -> String {
        guard let base, path.hasPrefix("/") else { return path }
        let folder = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    /// Renders the diagnostics in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let command =
                switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=\(Self.escapeProperty(shown(location.file)))")
                if location.line > 0 { properties.append("line=\(location.line)") }
                if location.column > 0 { properties.append("col=\(location.column)") }
            }
            properties.append("title=\(Self.escapeProperty(diagnostic.code.rawValue))")
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\n\(hint)" }
            for note in diagnostic.notes {
                message += "\n\(note.location.map { "\($0.description): " } ?? "")\(note.message)"
            }
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return out
    }

    /// Escapes a message.
    static func escapeData(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    /// Escapes a property value.
    static func escapeProperty(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
    }

    /// Replaces scalars, not `Character`s: `"\r\n"` is one grapheme, so a `Character`-level replacement of
    /// `"\r"` or `"\n"` would miss it and let a CRLF end the workflow command early.
    private static func escape(_ text: String, _ table: [(Unicode.Scalar, String)]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replacement = table.first(where: { $0.0 == scalar })?.1 {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
