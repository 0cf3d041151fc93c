import ArgumentParser
import ManagedOS

/// The policy repository to read.
struct InputOptions: ParsableArguments {
    @Argument(help: "The policy repository (a folder), or a file inside one. Default: the current folder.")
    var path: String = "."

    /// Reads the repository's files; an unreadable path is reported and ends the run with exit 2. `report`
    /// also says it on stdout, for formats whose reader only reads stdout (JSON).
    func load(report: (String) -> Void = { _ in }) throws -> RepositoryLoader.Loaded {
        do {
            return try RepositoryLoader().load(path)
        } catch {
            StandardStreams.err("mosc: error: \(error)\n")
            report(error.description)
            throw ExitStatus.toolFailure
        }
    }
}
