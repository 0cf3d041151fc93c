import MOSBasics
public import MOSCompiler
import MOSDomain
import MOSYAML

extension Compiler {
    /// Compares two sides semantically, cohort by cohort, and raises the risk flags (`MOS6xx`).
    /// - Parameters:
    ///   - base: The side before the change.
    ///   - head: The side after it.
    ///   - options: `--now` and the notice the risks are judged with.
    /// - Returns: The differences, the risks and totals; empty cohorts when nothing a device sees differs.
    public static func diff(_ base: CompiledSide, _ head: CompiledSide, options: DiffOptions) -> RolloutDiff {
        diffSides(base, head, options: options)
    }
}
