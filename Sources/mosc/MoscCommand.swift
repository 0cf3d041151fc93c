import ArgumentParser
import Foundation
import ManagedOS

@main
struct MoscCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mosc",
        abstract: "The Managed OS compiler: checks YAML software-update policies and emits MDM artifacts.",
        version: ManagedOSVersion.current,
        subcommands: [
            ValidateCommand.self, CompileCommand.self, DiffCommand.self, TimelineCommand.self, StatusCommand.self,
            SyncCommand.self, ExportCommand.self, CatalogCommand.self,
        ]
    )

    /// Checks subcommand names first: swift-argument-parser has no "did you mean" for them.
    static func main() {
        Compiler.prepareBundledTables()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = SubcommandSuggestion.message(for: arguments, root: Self.self) {
            StandardStreams.err(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }
}
