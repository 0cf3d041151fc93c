import Foundation
public import MOSBasics
import MOSDomain
public import MOSOutput
import MOSYAML

/// The outcome of validating a repository.
public struct ValidationResult: Sendable {
    /// The resolved repository: what the rules read, and what the planner reads after them.
    public var context: ResolvedRepository
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]

    /// The repository as read (partial where files had errors).
    public var repository: RepositorySyntax { context.repository }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The public entry points of the pipeline: parse → resolve → check → plan → emit.
public enum Compiler {
    /// Parses and checks a repository's files.
    public static func validate(root: String, files: [SourceFile], options: CompilerOptions) -> ValidationResult {
        validate(root: root, files: files, options: options, workers: defaultWorkerCount)
    }

    /// `validate` on `workers` threads (1: all on the calling thread); the result is the same either way.
    package static func validate(root: String, files: [SourceFile], options: CompilerOptions, workers: Int)
        -> ValidationResult
    {
        var bag = DiagnosticBag()
        let repository = parseRepository(
            root: root, files: files, limits: options.limits, workers: workers, diagnostics: &bag)
        if files.isEmpty {
            bag.emit(.noPolicyFiles, "no *.yaml or *.yml files below '\(root)'", at: SourceLocation(file: root))
        }
        let pinned = pinCatalog(repository, root: root, options: options, into: &bag)
        let context = resolveRepository(repository, options: pinned, workers: workers)
        // Rules only read the context, so they run side by side, each into its own bag; the bags are joined in
        // the registry's order, so the output does not depend on which rule finished first.
        let rules = AllRules.rules
        let found = inParallel(rules.count, workers: workers) { index in
            var ruleBag = DiagnosticBag(sources: context.repository.sources)
            rules[index].check(context, into: &ruleBag)
            return ruleBag.diagnostics
        }
        for diagnostics in found {
            bag.append(contentsOf: diagnostics)
        }
        return ValidationResult(context: context, diagnostics: bag.sorted)
    }

    /// Validates what a `RepositoryLoader` loaded; when the user named a file or a folder inside the repository,
    /// only the diagnostics in it are kept.
    public static func validate(_ loaded: RepositoryLoader.Loaded, options: CompilerOptions) -> ValidationResult {
        var result = validate(root: loaded.root, files: loaded.files, options: options)
        result.diagnostics = merged(loaded.diagnostics, result.diagnostics)
        if let focus = loaded.focus {
            // Compare standardized paths: `./a.yaml` and `repo/../repo/a.yaml` name the same file.
            let wanted = URL(fileURLWithPath: focus).standardizedFileURL.path
            let below = wanted.hasSuffix("/") ? wanted : wanted + "/"
            result.diagnostics = result.diagnostics.filter { diagnostic in
                diagnostic.location.map {
                    let path = URL(fileURLWithPath: $0.file).standardizedFileURL.path
                    return path == wanted || path.hasPrefix(below)
                } ?? false
            }
        }
        return result
    }
}

/// The loader's diagnostics among a run's sorted ones. Walking usually reports nothing, and sorting the run's
/// thousands of diagnostics again (comparing their paths) was a serial step at the end of a large validation.
private func merged(_ loader: [Diagnostic], _ sorted: [Diagnostic]) -> [Diagnostic] {
    loader.isEmpty ? sorted : (loader + sorted).sorted()
}

/// The outcome of compiling a repository.
public struct CompileResult: Sendable {
    /// The emitted tree and manifest; nil when validation found errors.
    public var output: CompiledOutput?
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]
    /// The repository as read, for callers that report against its source (e.g. `diff`'s risk locations).
    public var repository: RepositorySyntax

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Compiler {
    /// Validates, plans and emits; emits nothing when validation or planning finds errors.
    public static func compile(root: String, files: [SourceFile], options: CompilerOptions) -> CompileResult {
        let validation = validate(root: root, files: files, options: options)
        let repository = validation.repository
        guard !validation.hasErrors else {
            return CompileResult(output: nil, diagnostics: validation.diagnostics, repository: repository)
        }
        var bag = DiagnosticBag(sources: validation.repository.sources)
        bag.append(contentsOf: validation.diagnostics)
        guard let plan = lowerRepository(validation.context, diagnostics: &bag) else {
            return CompileResult(output: nil, diagnostics: bag.sorted, repository: repository)
        }
        let provenance = CompileProvenance(files: files, root: root, options: validation.context.options)
        let output = planAndEmit(plan, provenance: provenance, gates: options.gates, diagnostics: &bag)
        return CompileResult(output: bag.hasErrors ? nil : output, diagnostics: bag.sorted, repository: repository)
    }

    /// Compiles what a `RepositoryLoader` loaded (the whole repository, whichever file was named).
    public static func compile(_ loaded: RepositoryLoader.Loaded, options: CompilerOptions) -> CompileResult {
        var result = compile(root: loaded.root, files: loaded.files, options: options)
        result.diagnostics = merged(loaded.diagnostics, result.diagnostics)
        return result
    }
}

/// The outcome of a compile written into a staging folder, for the caller to commit or discard.
public struct StagedCompileResult: Sendable {
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]
    /// The filled staging folder; nil when nothing was emitted (validation or lowering found errors).
    public var staged: StagedOutput?
    /// What was written into it.
    public var summary: EmitSummary?
    /// Why the output folder could not be staged or written (the staging folder is removed then).
    public var failure: CompilerError?

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Compiler {
    /// Validates, lowers and emits into a staging folder for `folder`, one cohort's files in memory at a time.
    ///
    /// Nothing is staged when validation finds errors. The repository's syntax is released once the plan is
    /// lowered, so a large compile holds the plan and one cohort's files, not the syntax and the whole tree.
    public static func compile(
        _ loaded: consuming RepositoryLoader.Loaded, options: CompilerOptions, stagingFor folder: String
    ) -> StagedCompileResult {
        // The whole repository is compiled whichever file or folder was named, so every file's diagnostics count:
        // a focus would hide an error elsewhere and let an invalid repository be emitted.
        loaded.focus = nil
        var validation: ValidationResult? = validate(loaded, options: options)
        // The provenance names the catalog the repository pinned, which validation read.
        let provenance = CompileProvenance(
            files: loaded.files, root: loaded.root, options: validation?.context.options ?? options)
        // The files' bytes are in the syntax now; dropped here, they are gone by the time lowering peaks (when
        // the caller handed `loaded` over rather than keeping a copy).
        loaded.files = []
        var result = StagedCompileResult(diagnostics: validation?.diagnostics ?? [])
        guard !result.hasErrors else { return result }
        var bag = DiagnosticBag(sources: validation?.repository.sources ?? SourceTable())
        guard let plan = validation.flatMap({ lowerRepository($0.context, diagnostics: &bag) }) else {
            result.diagnostics = (result.diagnostics + bag.diagnostics).sorted()
            return result
        }
        validation = nil
        do throws(CompilerError) {
            var staged = try OutputWriter().stage(folder)
            do throws(CompilerError) {
                result.summary = try planAndEmit(
                    plan, provenance: provenance, gates: options.gates, into: &staged, diagnostics: &bag)
                result.staged = staged
            } catch {
                staged.discard()
                throw error
            }
        } catch {
            result.failure = error
        }
        result.diagnostics = (result.diagnostics + bag.diagnostics).sorted()
        if bag.hasErrors {
            result.staged?.discard()
            result.staged = nil
        }
        return result
    }
}

/// The outcome of compiling to a manifest, the files left to be emitted again on demand (for `diff`).
public struct PlannedCompileResult: Sendable {
    /// The manifest; nil when validation found errors.
    public var manifest: OutputManifest?
    /// Emits any cohort file of the manifest again; nil when validation found errors.
    public var files: PlannedOutput?
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Compiler {
    /// Validates, lowers and computes the manifest, keeping the plan rather than the files: a diff reads only
    /// the files whose hashes differ, and holding two repositories' trees cost 780 MB at 10,000 policies.
    public static func compileManifest(root: String, files: [SourceFile], options: CompilerOptions)
        -> PlannedCompileResult
    {
        compileManifest(
            validate(root: root, files: files, options: options), root: root, files: files, options: options)
    }

    /// `compileManifest` from a validation the caller has already read what it needs from: the repository's syntax
    /// is released once lowered and the files once digested, before the manifest is emitted (as in a streamed
    /// compile), so a diff holding one side never holds the other side's syntax or files beside its manifest.
    public static func compileManifest(
        _ validation: consuming ValidationResult, root: String, files: consuming [SourceFile], options: CompilerOptions
    ) -> PlannedCompileResult {
        var result = PlannedCompileResult(diagnostics: validation.diagnostics)
        guard !validation.hasErrors else { return result }
        var bag = DiagnosticBag(sources: validation.repository.sources)
        guard let plan = lowerRepository(validation.context, diagnostics: &bag) else {
            result.diagnostics = (result.diagnostics + bag.diagnostics).sorted()
            return result
        }
        let pinned = validation.context.options
        _ = consume validation
        let provenance = CompileProvenance(files: copy files, root: root, options: pinned)
        _ = consume files
        let manifest = planAndEmitManifest(plan, provenance: provenance, gates: options.gates, diagnostics: &bag)
        result.diagnostics = (result.diagnostics + bag.diagnostics).sorted()
        guard !bag.hasErrors else { return result }
        result.manifest = manifest
        result.files = PlannedOutput(plan: plan, provenance: provenance, gates: options.gates)
        return result
    }
}
