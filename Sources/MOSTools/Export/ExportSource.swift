public import MOSBasics
public import MOSCompiler
public import MOSOutput

/// What an export reads: a compiled output (its manifest and files) and the policies it was compiled from,
/// whose `fleet:` blocks and cohort locations the export needs.
///
/// The one place an export obtains compiled output: today it compiles the repository in memory with the
/// caller's `--now` and catalog; the files are the compiler's own bytes, so the export re-serializes what the
/// compiler decided and decides nothing itself.
public struct ExportSource: Sendable {
    /// The compiled manifest: the cohorts, their paths and their artifacts.
    public var manifest: OutputManifest
    /// The compiled files by path relative to the output root.
    public var files: OutputTree
    /// The policies as read, for the `fleet:` blocks and where each cohort is written.
    public var repository: RepositorySyntax

    /// A source from a compile's output.
    public init(compiled: CompiledOutput, repository: RepositorySyntax) {
        manifest = compiled.manifest
        files = compiled.tree
        self.repository = repository
    }

    /// The outcome of loading: the source, or nil when the policies have errors; every diagnostic either way.
    public struct Loaded: Sendable {
        /// The source; nil when validation or lowering found errors.
        public var source: ExportSource?
        /// Every diagnostic of the compile, sorted.
        public var diagnostics: [Diagnostic]
    }

    /// Compiles `loaded` in memory with `options` (nothing is written).
    public static func compile(_ loaded: RepositoryLoader.Loaded, options: CompilerOptions) -> Loaded {
        let result = Compiler.compile(loaded, options: options)
        return Loaded(
            source: result.output.map { ExportSource(compiled: $0, repository: result.repository) },
            diagnostics: result.diagnostics)
    }
}
