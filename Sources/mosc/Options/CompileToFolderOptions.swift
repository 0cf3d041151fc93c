import ArgumentParser
import Foundation
import ManagedOS

/// What every command that compiles a repository and writes a folder takes: the repository, `--now`,
/// `--catalog` and `--out` (compile, export).
struct CompileToFolderOptions: ParsableArguments {
    @OptionGroup var input: InputOptions
    @OptionGroup var clock: ClockOptions
    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out: String

    /// Refuses an output folder that is the policy repository or a folder above it: replacing it would delete
    /// the policies.
    func validate() throws {
        let input = URL(fileURLWithPath: self.input.path).standardizedFileURL.resolvingSymlinksInPath().path
        let output = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
        if input == output || input.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
            throw ValidationError("--out '\(out)' is the policy repository or a folder above it")
        }
    }

    /// The repository's files and the options to compile them with; problems end the run (exit 2 or 64).
    func load() throws -> (RepositoryLoader.Loaded, CompilerOptions) {
        let loaded = try input.load()
        return (loaded, try catalogOptions.options(now: try clock.resolve()))
    }
}
