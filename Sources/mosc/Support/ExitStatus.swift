import ArgumentParser

/// The exit codes mosc promises (documented in each subcommand's help).
enum ExitStatus {
    /// Success; warnings allowed.
    static let success = ExitCode(0)
    /// The input has errors (or `diff --exit-code` found differences).
    static let inputErrors = ExitCode(1)
    /// Tool failure: I/O, an unreadable or refused output.
    static let toolFailure = ExitCode(2)
    /// `diff`: a side does not validate, or an error-level risk flag.
    static let broken = ExitCode(3)

    /// The exit-code table for `discussion:` texts.
    static let table = """
        Exit status: 0 success (warnings allowed), 1 the policies have errors, 2 I/O or internal failure, \
        64 usage error.
        """
}
