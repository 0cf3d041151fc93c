import MOSBasics
import MOSDomain

/// The options a repository is validated with: `options` with the catalog its Settings pins (`catalog:`) in
/// place of the bundled one. `--catalog` on the command line overrides the pin (a note says so); a pin that
/// cannot be read or parsed is an error (MOS279) and the run keeps the catalog it had.
func pinCatalog(
    _ repository: RepositorySyntax, root: String, options: CompilerOptions, into diagnostics: inout DiagnosticBag
) -> CompilerOptions {
    // A second Settings document is MOS207 already; only the first one counts.
    guard let pin = repository.settings.first?.catalog else { return options }
    if case .commandLine(let path) = options.catalogOrigin {
        diagnostics.emit(
            .catalogNotFromRepository,
            "the catalog pinned here is not used: --catalog \(path) overrides it for this run", at: pin.location)
        return options
    }
    guard let relative = pinnedPath(pin.value) else {
        diagnostics.emit(
            .invalidPinnedCatalog,
            "catalog '\(pin.value)' must be a file path relative to the repository root, inside it",
            at: pin.location, hint: "write e.g. catalog: catalog.tsv")
        return options
    }
    let shown = root.isEmpty || root.hasSuffix("/") || root.hasSuffix(":") ? root + relative : "\(root)/\(relative)"
    let bytes: [UInt8]
    switch (options.repositoryFiles ?? .folder(root)).read(relative) {
    case .success(let read):
        bytes = read
    case .failure(let error):
        diagnostics.emit(
            .invalidPinnedCatalog, "cannot read the pinned catalog: \(error)", at: pin.location,
            hint: "write it with: mosc catalog import FEED.json… --output \(relative)")
        return options
    }
    switch OSCatalog.parse(String(decoding: bytes, as: UTF8.self)) {
    case .success(let catalog):
        var pinned = options
        pinned.catalog = catalog
        pinned.catalogOrigin = .pinned(SourceFile(path: shown, contents: bytes))
        return pinned
    case .failure(let error):
        for problem in error.problems {
            diagnostics.emit(
                .invalidPinnedCatalog, "the pinned catalog is not a mosc OS release catalog: \(problem.message)",
                at: SourceLocation(file: shown, line: problem.line, column: 1),
                notes: [diagnostics.note("Settings pins it here", at: pin.location)])
        }
        return options
    }
}

/// `catalog.tsv` or `data/catalog.tsv` as written, or nil for a path that is empty, absolute, climbs out
/// with `..`, or uses a backslash.
private func pinnedPath(_ text: String) -> String? {
    guard !text.isEmpty, !text.hasPrefix("/"), !text.contains("\\") else { return nil }
    let parts = text.split(separator: "/", omittingEmptySubsequences: true)
    guard !parts.isEmpty, !parts.contains("..") else { return nil }
    let kept = parts.filter { $0 != "." }
    return kept.isEmpty ? nil : kept.joined(separator: "/")
}
