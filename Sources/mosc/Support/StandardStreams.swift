import Foundation

/// Writes to stdout and stderr through file handles (Glibc's `stderr` is not concurrency-safe in Swift 6).
enum StandardStreams {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether stderr is a terminal, for colour.
    static var errIsTerminal: Bool { isatty(2) == 1 }
    /// Whether stdout is a terminal, for colour.
    static var outIsTerminal: Bool { isatty(1) == 1 }
}
