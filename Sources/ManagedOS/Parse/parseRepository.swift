/// Parses every file of a repository into its syntax; problems go to `diagnostics`.
///
/// Files matching the `exclude` globs of the repository's Settings are dropped with their diagnostics. Each
/// file is parsed on its own, so one broken file never hides the others' problems.
///
/// The bounds come in two steps, because the Settings document that may change them (`limits:`) is itself
/// YAML that must be parsed under some bounds first:
/// 1. `settingsLimits` finds the first Settings document (files in path order, as for `exclude`), parsing
///    only the files that can hold one, under `limits` (the defaults or the caller's), and throws away
///    whatever that pass reports.
/// 2. Every file, the Settings file included, is parsed once more under the bounds that document sets, and
///    only this pass reports.
/// So a Settings document is always read under the defaults, it cannot raise the bounds of its own first
/// reading, and no bound ever exceeds `InputLimits.hardCaps` (the reader refuses larger values). The Settings
/// file is usually a few hundred bytes, so reading it twice costs nothing that matters.
public func parseRepository(
    root: String, files: [SourceFile], limits base: InputLimits, diagnostics: inout DiagnosticBag
) -> RepositorySyntax {
    parseRepository(root: root, files: files, limits: base, workers: defaultWorkerCount, diagnostics: &diagnostics)
}

/// `parseRepository` on `workers` threads (1: all on the calling thread); the result is the same either way.
func parseRepository(
    root: String, files: [SourceFile], limits base: InputLimits, workers: Int, diagnostics: inout DiagnosticBag
) -> RepositorySyntax {
    let limits = settingsLimits(files, base: base)
    // Files parse independently, and parsing is most of a large repository's validation: on every core, merged
    // in file order.
    var pieces = inParallelChunks(files, workers: workers) { parseFile($0, root: root, limits: limits) }
    let globs = pieces.flatMap { $0.syntax.settings }.first?.exclude.compactMap { Glob($0.value) } ?? []
    var repository = RepositorySyntax(root: root)
    repository.limits = limits
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

/// One file's syntax and diagnostics, parsed under `limits`.
private func parseFile(
    _ file: SourceFile, root: String, limits: InputLimits
) -> (path: String, syntax: RepositorySyntax, diagnostics: [Diagnostic]) {
    var bag = DiagnosticBag()
    let documents = YAMLComposer(limits: limits).compose(file, diagnostics: &bag)
    var piece = RepositorySyntax(root: root)
    piece.isIncomplete = bag.hasErrors
    var reader = NodeReader()
    for document in documents {
        reader.read(document, limits: limits, into: &piece)
    }
    bag.append(contentsOf: reader.diagnostics.diagnostics)
    return (file.path, piece, bag.diagnostics)
}

/// `base` with the `limits:` of the repository's first Settings document applied, reading it under `base`.
///
/// Only files that can hold a Settings document are parsed: those whose bytes contain `Settings`, or a
/// backslash (a double-quoted `"Se\x74tings"` spells it without those bytes).
func settingsLimits(_ files: [SourceFile], base: InputLimits) -> InputLimits {
    let composer = YAMLComposer(limits: base)
    for file in files where mayHoldSettings(file.contents) {
        var scratch = DiagnosticBag()
        var reader = NodeReader()
        var piece = RepositorySyntax(root: "")
        for document in composer.compose(file, diagnostics: &scratch) {
            reader.read(document, limits: base, into: &piece)
        }
        if let settings = piece.settings.first {
            return settings.limits?.applied(to: base) ?? base
        }
    }
    return base
}

/// Whether `bytes` contains `Settings` or a backslash.
func mayHoldSettings(_ bytes: [UInt8]) -> Bool {
    let word = Array("Settings".utf8)
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\") { return true }
        if byte == word[0], index + word.count <= bytes.count, bytes[index..<(index + word.count)].elementsEqual(word) {
            return true
        }
        index += 1
    }
    return false
}

/// `path` relative to `root` (`root/a/b.yaml` → `a/b.yaml`).
func relativePath(_ path: String, root: String) -> String {
    if root == "." { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
