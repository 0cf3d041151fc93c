import ArgumentParser
import Foundation
import ManagedOS

/// The output formats of `mosc validate`.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a policy repository and report every problem.",
        discussion: """
            Reads every *.yaml/*.yml below PATH (a file is checked together with the repository around it) and \
            reports problems as file:line:column: severity: message [MOSnnn].
            Formats: text (default, to stderr), json (to stdout; format 2: the version is 'formatVersion', and an \
            I/O failure is a document with 'error'), github (GitHub Actions annotations, to stdout; a file below \
            the current folder is named relative to it, as GitHub wants when mosc runs in the workspace root, \
            whether PATH was relative or absolute; other files keep their absolute path), sarif (a SARIF 2.1.0 \
            log for code scanning, to stdout).
            \(ExitStatus.table)
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var diagnosticOptions: DiagnosticOptions
    @OptionGroup var clock: ClockOptions
    @OptionGroup var catalogOptions: CatalogOptions

    @Option(help: "Output format: text, json, github or sarif.")
    var format: ValidateFormat = .text

    @Option(
        help: ArgumentHelp(
            "With --format sarif: where this mosc's specs/diagnostics.md is published.",
            discussion: """
                Each SARIF rule's helpUri becomes URL#mos112, and the driver's informationUri URL. Without it \
                the log has no links (a relative one would resolve against the scanned repository and lead \
                nowhere); every rule carries its help text either way.
                """,
            valueName: "url"))
    var helpBase: String?

    func run() throws {
        let failureDocument: ((String) -> Void)? =
            format == .json ? { StandardStreams.out(JSONRenderer().render(failure: $0)) } : nil
        let (loaded, options) = try reportingFailures(alsoTo: failureDocument) {
            (try input.load(), try catalogOptions.options(now: try clock.resolve()))
        }
        let result = Compiler.validate(loaded, options: options)
        // The files' bytes too: freed here, one by one on this thread, before anything is printed.
        FreedAtExit.keep(loaded)
        defer { FreedAtExit.keep(result) }
        let diagnostics = diagnosticOptions.finalize(result.diagnostics)
        switch format {
        case .text:
            let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
            StandardStreams.err(TextRenderer(colored: colored).render(diagnostics))
        case .json:
            StandardStreams.out(JSONRenderer().render(diagnostics))
        case .github:
            StandardStreams.out(
                GitHubRenderer(relativeTo: FileManager.default.currentDirectoryPath).render(diagnostics))
        case .sarif:
            StandardStreams.out(SARIFRenderer(documentationURI: helpBase).render(diagnostics))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.inputErrors }
    }
}
