import ArgumentParser
import ManagedOS

/// When to colour terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options shared by every subcommand that reports diagnostics.
struct DiagnosticOptions: ParsableArguments {
    @Flag(help: "Treat warnings as errors (exit 1 when there are warnings).")
    var warningsAsErrors = false

    @Option(
        help: ArgumentHelp(
            "Show only diagnostics of this severity or above: note (default), warning or error.",
            valueName: "severity"))
    var minSeverity: Severity = .note

    @Option(help: "Colour the text output: auto (only on a terminal), always or never.")
    var color: ColorChoice = .auto

    /// Applies the severity policy once, just before rendering: raise warnings first, then hide what is below
    /// `--min-severity` (the exit status follows what is shown, and hidden notes and warnings never fail a run).
    func finalize(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        (warningsAsErrors ? diagnostics.treatingWarningsAsErrors() : diagnostics).atLeast(minSeverity)
    }

    func useColor(terminal: Bool) -> Bool {
        switch color {
        case .auto: terminal
        case .always: true
        case .never: false
        }
    }
}

extension Severity: ExpressibleByArgument {}
