import ManagedOS

/// What `--format json` prints on stdout when a run cannot read its input (exit 2): the format's version and the
/// error, so a script that reads stdout always gets a JSON document.
struct FailureDocument: Encodable {
    /// The version of the format the run would have written.
    var formatVersion: Int
    /// The error, as stderr says it.
    var error: String

    /// The canonical JSON text.
    var json: String { CanonicalJSON.string(self) }
}
