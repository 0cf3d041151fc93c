/// Large results the command is done with, left for the OS to reclaim when the process exits.
///
/// Freeing a 10,000-policy repository's syntax node by node took about 3 % of a `validate` run, all of it on one
/// thread after the output was written; the process is about to exit, so the work bought nothing (clang's
/// `-disable-free` makes the same trade). Only the CLI does this: the library frees as usual.
enum FreedAtExit {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
