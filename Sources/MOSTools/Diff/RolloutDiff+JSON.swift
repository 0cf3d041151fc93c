import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension RolloutDiff {
    /// `mosc diff --format json`: canonical JSON (sorted keys, trailing newline), documented in `specs/diff.md`.
    public var json: String { CanonicalJSON.string(self) }
}
