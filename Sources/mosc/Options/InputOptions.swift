import ArgumentParser
import ManagedOS

/// The policy repository to read.
struct InputOptions: ParsableArguments {
    @Argument(help: "The policy repository (a folder), or a file inside one. Default: the current folder.")
    var path: String = "."

    /// Reads the repository's files; an unreadable path throws `CompilerError` (exit 2 via `reportingFailures`).
    func load() throws -> RepositoryLoader.Loaded {
        try RepositoryLoader().load(path)
    }
}
