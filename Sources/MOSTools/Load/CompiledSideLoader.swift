import Foundation
public import MOSBasics
public import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// A compiled side as loaded, or the reason it cannot be used.
public enum CompiledSideLoad: Sendable {
    /// The side, ready to compare.
    case loaded(CompiledSide)
    /// The side's policies do not validate: its label and every diagnostic (errors among them).
    case invalid(label: String, diagnostics: [Diagnostic])
}

/// The one loader of compiled sides: turns a `CompiledSideSpec` into a `CompiledSide`, compiling policy folders
/// and git trees in memory (nothing is written) and reading compiled folders through `OutputReader`. `diff`,
/// `timeline`, `status` and `sync` all load through it, with the same `--now` and catalog.
public struct CompiledSideLoader: Sendable {
    /// The options policy sides compile with: the same `--now` and catalog for every side.
    public var options: CompilerOptions
    /// The repository `git:` sides are read from.
    public var git: GitRepository

    /// A loader.
    public init(options: CompilerOptions, git: GitRepository = GitRepository()) {
        self.options = options
        self.git = git
    }

    /// Loads one side.
    /// - Parameters:
    ///   - spec: The side as named.
    ///   - other: The other side; a `git:REV` without a path takes its folder when it is a working-tree path.
    /// - Throws: `CompilerError` for a missing path, an unreadable or too new output, or a bad revision.
    public func load(_ spec: CompiledSideSpec, other: CompiledSideSpec? = nil) throws(CompilerError) -> CompiledSideLoad
    {
        if let problem = spec.problem { throw .unreadable(spec.description, problem) }
        switch spec {
        case .path(let path):
            return OutputReader.isOutputFolder(path) ? try loadOutput(path) : try loadPolicies(path)
        case .output(let path):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .pathNotFound(path)
            }
            return try loadOutput(path)
        case .policies(let path):
            return try loadPolicies(path)
        case .git(let revision, let path):
            let commit = try git.commit(revision)
            let folder: String
            if let given = path.flatMap(GitRepository.normalized) {
                folder = given
            } else {
                folder = try defaultGitPath(other: other)
            }
            return try loadGit(commit: commit, folder: folder, label: spec.description, root: revision)
        case .mergeBase(let revision, let path):
            let commit = try git.mergeBase("HEAD", revision)
            let folder = try git.pathInRepository(path)
            let label =
                "merge-base of HEAD and \(revision) (\(commit.prefix(12)))" + (folder.isEmpty ? "" : ":\(folder)")
            return try loadGit(commit: commit, folder: folder, label: label, root: commit)
        }
    }

    /// Reads a compiled output folder through `OutputReader` (marker first, then the manifest).
    private func loadOutput(_ path: String) throws(CompilerError) -> CompiledSideLoad {
        let manifest = try OutputReader(folder: path).manifest()
        return .loaded(CompiledSide(compiledFolder: path, label: path, manifest: manifest))
    }

    /// Compiles a policy folder (or the repository around a file) in memory.
    private func loadPolicies(_ path: String) throws(CompilerError) -> CompiledSideLoad {
        var loaded = try RepositoryLoader().load(path)
        // The files move into the compile, which lets them go once their digest is taken.
        let files = loaded.files
        loaded.files = []
        return compile(root: loaded.root, files: files, extra: loaded.diagnostics, label: path, kind: .policies)
    }

    /// Compiles the policy tree at `folder` of `commit` in memory, with the catalog pinned in that commit.
    private func loadGit(commit: String, folder: String, label: String, root revision: String) throws(CompilerError)
        -> CompiledSideLoad
    {
        // Files are named as git names them, `git:REV:path/file.yaml` with the path from the top level, also
        // when the side is the top level itself (`git:REV:file.yaml`, never `git:REV/file.yaml`).
        let root = "git:\(revision):\(folder)"
        let files = try git.policyFiles(commit: commit, path: folder).map {
            SourceFile(path: root + (folder.isEmpty ? "" : "/") + $0.path, contents: $0.bytes)
        }
        // The side's own pinned catalog is read from the same commit.
        var side = self
        side.options.repositoryFiles = RepositoryFileReader { [git] relative in
            let path = folder.isEmpty ? relative : "\(folder)/\(relative)"
            return Result { () throws(CompilerError) in
                try git.file(commit: commit, path: path, limit: RepositoryFileReader.maxBytes)
            }
        }
        return side.compile(root: root, files: files, extra: [], label: label, kind: .git)
    }

    /// Whether `path` is a compile's output folder rather than policies.
    public static func isCompiledFolder(_ path: String) -> Bool {
        OutputReader.isOutputFolder(path)
    }

    /// `git:REV` compares the same folder as a working-tree other side, else the folder git runs in.
    private func defaultGitPath(other: CompiledSideSpec?) throws(CompilerError) -> String {
        if case .path(let folder) = other, !Self.isCompiledFolder(folder),
            let inRepository = try? git.pathInRepository(folder)
        {
            return inRepository
        }
        return try git.pathInRepository(git.directory)
    }

    /// Compiles policy files into a side in memory (nothing is written; files are emitted again when compared), keeping what the policies say about
    /// `minimumNotice` and where each cohort's deadline and target are written.
    /// - Parameters:
    ///   - root: The repository root as shown in diagnostics.
    ///   - files: The policy files, their paths below `root`.
    ///   - extra: Diagnostics met while reading the files.
    ///   - label: How the side is named.
    ///   - kind: `policies` or `git`.
    public func compile(
        root: String, files: consuming [SourceFile], extra: [Diagnostic] = [], label: String,
        kind: CompiledSide.Kind = .policies
    ) -> CompiledSideLoad {
        let validation = Compiler.validate(root: root, files: files, options: options)
        // What the side keeps of the source, read before the syntax is released for emitting.
        let minimumNotice = Self.minimumNotice(validation.repository.settings.first?.minimumNotice?.value)
        let places = Self.places(in: validation.repository)
        let catalog = validation.context.options.catalog
        let result = Compiler.compileManifest(validation, root: root, files: files, options: options)
        let diagnostics = (extra + result.diagnostics).sorted()
        guard let manifest = result.manifest, let planned = result.files,
            !diagnostics.contains(where: { $0.severity == .error })
        else {
            return .invalid(label: label, diagnostics: diagnostics)
        }
        var side = CompiledSide(
            label: label, kind: kind, manifest: manifest, files: planned, minimumNoticeSeconds: minimumNotice,
            places: places)
        side.catalog = catalog
        side.catalogDiagnostics = diagnostics.filter { [.catalogNotFromRepository, .catalogStale].contains($0.code) }
        return .loaded(side)
    }

    /// `minimumNotice` in seconds (0 when switched off); an unreadable value is left to validation.
    package static func minimumNotice(_ text: String?) -> Int64? {
        guard let text, case .success(let notice) = MinimumNotice.parse(text) else { return nil }
        return notice.seconds
    }

    /// Where each enforced cohort's reference, deadline and target are written.
    package static func places(in repository: RepositorySyntax) -> [String: CompiledSide.SourcePlaces] {
        var places: [String: CompiledSide.SourcePlaces] = [:]
        for policy in repository.policies {
            for reference in policy.cohorts where places[reference.name.value] == nil {
                // Named by path: the places outlive the run that parsed the repository.
                let sources = repository.sources
                places[reference.name.value] = CompiledSide.SourcePlaces(
                    reference: sources.location(reference.name.location),
                    deadline: sources.location(
                        reference.deadline?.location ?? policy.deadline?.location ?? reference.name.location),
                    target: sources.location(policy.target?.version?.location ?? policy.location))
            }
        }
        return places
    }
}
