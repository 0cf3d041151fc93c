/// Parses every file of a repository into its syntax; problems go to `diagnostics`.
///
/// Files matching the `exclude` globs of the repository's Settings are dropped with their diagnostics. Each
/// file is parsed on its own, so one broken file never hides the others' problems.
public func parseRepository(
    root: String, files: [SourceFile], limits: InputLimits, diagnostics: inout DiagnosticBag
) -> RepositorySyntax {
    var pieces: [(path: String, syntax: RepositorySyntax, diagnostics: [Diagnostic])] = []
    pieces.reserveCapacity(files.count)
    let composer = YAMLComposer(limits: limits)
    for file in files {
        var bag = DiagnosticBag()
        let documents = composer.compose(file, diagnostics: &bag)
        var piece = RepositorySyntax(root: root)
        piece.isIncomplete = bag.hasErrors
        var reader = NodeReader()
        for document in documents {
            reader.read(document, limits: limits, into: &piece)
        }
        bag.append(contentsOf: reader.diagnostics.diagnostics)
        pieces.append((file.path, piece, bag.diagnostics))
    }
    let globs = pieces.flatMap { $0.syntax.settings }.first?.exclude.compactMap { Glob($0.value) } ?? []
    var repository = RepositorySyntax(root: root)
    repository.policies.reserveCapacity(pieces.reduce(0) { $0 + $1.syntax.policies.count })
    repository.cohorts.reserveCapacity(pieces.reduce(0) { $0 + $1.syntax.cohorts.count })
    // Each piece is released as soon as it is merged, so the repository is never held twice.
    for index in pieces.indices {
        let piece = pieces[index]
        pieces[index] = (piece.path, RepositorySyntax(root: root), [])
        let relative = relativePath(piece.path, root: root)
        if globs.contains(where: { $0.matches(relative) }) { continue }
        repository.files.append(piece.path)
        repository.settings += piece.syntax.settings
        repository.cohorts += piece.syntax.cohorts
        repository.policies += piece.syntax.policies
        repository.isIncomplete = repository.isIncomplete || piece.syntax.isIncomplete
        diagnostics.append(contentsOf: piece.diagnostics)
    }
    return repository
}

/// `path` relative to `root` (`root/a/b.yaml` → `a/b.yaml`).
func relativePath(_ path: String, root: String) -> String {
    if root == "." { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
