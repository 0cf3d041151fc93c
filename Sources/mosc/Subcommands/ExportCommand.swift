import ArgumentParser

/// `mosc export`: the compiled policies as another MDM's own configuration files.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the compiled policies as another MDM's configuration files.",
        discussion: """
            Each export compiles the repository as 'mosc compile' does (same --now and --catalog) and \
            re-serializes the declarations it would emit; what the other MDM cannot express is reported at the \
            cohort, never dropped silently.
            """,
        subcommands: [ExportFleetCommand.self]
    )
}
