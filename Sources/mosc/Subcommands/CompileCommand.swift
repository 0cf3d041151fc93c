import ArgumentParser
import Foundation
import ManagedOS

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Validate a policy repository and write the artifacts an MDM server sends to devices.",
        discussion: """
            Writes, per enforced cohort, the DDM declarations, declaration-items, tokens, the DeclarativeManagement \
            command and a set file (cohorts/<name>/ddm/), the legacy command plan for pre-DDM devices \
            (cohorts/<name>/legacy/), and manifest.json. Nothing is written when validation finds errors. The new \
            tree replaces the previous one in one atomic step; a non-empty folder mosc did not write is refused. \
            When --out is a symbolic link, the folder it leads to is replaced and the link kept. A compile that \
            enforces no cohort (an empty repository) does not replace an output that holds files unless \
            --allow-empty is given.
            Diagnostics go to stderr; the text format is the only one.
            \(ExitStatus.table)
            """
    )

    @OptionGroup var compile: CompileToFolderOptions
    @OptionGroup var diagnosticOptions: DiagnosticOptions

    @Flag(help: "Replace an output that holds files even when the compile enforces no cohort.")
    var allowEmpty = false

    var out: String { compile.out }

    func run() throws {
        try reportingFailures(compileAndWrite)
    }

    private func compileAndWrite() throws {
        let (loaded, options) = try compile.load()
        // Files go into a staging folder beside --out as they are emitted; it replaces --out only at the end.
        let result = Compiler.compile(consume loaded, options: options, stagingFor: out)
        let diagnostics = diagnosticOptions.finalize(result.diagnostics)
        let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
        StandardStreams.err(TextRenderer(colored: colored).render(diagnostics))
        if let failure = result.failure { throw failure }
        guard let staged = result.staged, let summary = result.summary,
            !diagnostics.contains(where: { $0.severity == .error })
        else {
            result.staged?.discard()
            throw ExitStatus.inputErrors
        }
        if summary.cohortCount == 0 && !allowEmpty && OutputWriter.holdsFiles(staged.target) {
            // An emptied or mistyped repository must not wipe what devices are being sent.
            staged.discard()
            throw CompilerError.outputRefused(
                out,
                "the compile enforces no cohort and would replace an output that holds files; pass --allow-empty to do that"
            )
        }
        try staged.commit()
        StandardStreams.err("mosc: wrote \(summary.fileCount) files for \(summary.cohortCount) cohorts to \(out)\n")
    }
}
