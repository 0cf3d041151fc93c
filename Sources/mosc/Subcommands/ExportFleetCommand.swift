import ArgumentParser
import Foundation
import ManagedOS

/// `mosc export fleet REPO --out DIR`: Fleet GitOps files for the compiled declarations.
struct ExportFleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Write the declarations as Fleet GitOps files, scoped by label.",
        discussion: """
            Writes lib/mosc/<Identifier>.json per enforcement and settings declaration (Type, Identifier, \
            Payload: Fleet adds its own ServerToken and activations), fleets/<fleet>.yml per Fleet team listing \
            them under controls.apple_settings.configuration_profiles with labels_include_any set to the \
            cohort's label and Fleet's own OS update settings cleared, and manifest.json. Teams and labels come \
            from the fleet: blocks of Settings and Cohorts (a cohort's label defaults to its name). Legacy-only \
            cohorts and the legacy part of mixed ones are warnings (Fleet covers pre-DDM Macs with Nudge). \
            Nothing is written when there are errors; the new folder replaces the previous one atomically, and a \
            non-empty folder mosc did not write is refused. See specs/export-fleet.md.
            \(ExitStatus.table)
            """
    )

    @OptionGroup var compile: CompileToFolderOptions
    @OptionGroup var diagnosticOptions: DiagnosticOptions

    var out: String { compile.out }

    func run() throws {
        let (loaded, options) = try compile.load()
        let compiled = ExportSource.compile(consume loaded, options: options)
        var diagnostics = compiled.diagnostics
        var export: FleetExport?
        if let source = compiled.source {
            do {
                export = try exportFleet(source)
            } catch {
                StandardStreams.err("mosc: error: \(error)\n")
                throw ExitStatus.toolFailure
            }
            diagnostics = (diagnostics + (export?.diagnostics ?? [])).sorted()
        }
        diagnostics = diagnosticOptions.finalize(diagnostics)
        let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
        StandardStreams.err(TextRenderer(colored: colored).render(diagnostics))
        guard let export, let tree = export.tree, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw ExitStatus.inputErrors
        }
        do {
            try OutputWriter().write(tree, to: out)
        } catch {
            StandardStreams.err("mosc: error: \(error)\n")
            throw ExitStatus.toolFailure
        }
        StandardStreams.err(
            "mosc: wrote \(tree.paths.count) files for \(export.cohortCount) cohorts in \(export.teamCount) Fleet "
                + "teams to \(out)\n")
    }
}
