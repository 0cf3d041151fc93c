import ArgumentParser
import ManagedOS

/// An environment failure found by the CLI itself (an unreadable catalog, feed or output file).
struct CommandFailure: Error, CustomStringConvertible {
    /// The message after `mosc: error: `.
    var description: String
    /// Further lines, printed as they are after the message (e.g. a catalog's problems by line).
    var details: [String] = []
}

/// The one error path of every subcommand: runs `body`, and reports a `CompilerError` or `CommandFailure` as
/// `mosc: error: …` on stderr, ending the run with exit 2. Exit codes and usage errors pass through.
/// - Parameter report: Also told the message, for formats whose reader reads only stdout (JSON documents).
func reportingFailures<T>(alsoTo report: ((String) -> Void)? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CompilerError {
        StandardStreams.err("mosc: error: \(error)\n")
        report?(error.description)
        throw ExitStatus.toolFailure
    } catch let error as CommandFailure {
        StandardStreams.err("mosc: error: \(error)\n" + error.details.map { "\($0)\n" }.joined())
        report?(error.description)
        throw ExitStatus.toolFailure
    }
}
