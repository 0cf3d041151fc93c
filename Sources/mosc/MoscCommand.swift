import ArgumentParser
import ManagedOS

@main
struct MoscCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mosc",
        abstract: "The Managed OS compiler: checks YAML software-update policies and emits MDM artifacts.",
        version: ManagedOSVersion.current,
        subcommands: [
            ValidateCommand.self, CompileCommand.self, DiffCommand.self, TimelineCommand.self, StatusCommand.self,
            CatalogCommand.self,
        ]
    )
}
