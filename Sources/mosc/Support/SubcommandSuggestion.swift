import ArgumentParser
import ManagedOS

/// "did you mean" for a misspelt subcommand: swift-argument-parser 1.8.2 suggests only for options and reports
/// `mosc valdate` as an unexpected argument.
enum SubcommandSuggestion {
    /// The error for the first word that names no subcommand where a subcommand is expected, or nil; options,
    /// positional arguments and `help` are left to the parser.
    static func message(for arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            if word.hasPrefix("-") || word == "help" || subcommands.isEmpty
                || command.configuration.defaultSubcommand != nil
            {
                return nil
            }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let names = subcommands.map { $0._commandName }
                let hint = NodeReader.suggestion(for: word, among: names).map { "did you mean '\($0)'?" }
                let known = "'\(path.joined(separator: " "))' has " + names.map { "'\($0)'" }.joined(separator: ", ")
                return "mosc: error: unknown command '\(word)'; \(hint ?? known)\n"
                    + "See '\(path.joined(separator: " ")) --help'.\n"
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
