public import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Parses every file of a repository into its syntax; problems go to `diagnostics`.
///
/// Files matching the `exclude` globs of the repository's Settings are dropped unread. Each file is parsed on
/// its own, so one broken file never hides the others' problems.
///
/// The bounds and the exclusions come from the first Settings document (files in path order), which is itself
/// YAML that must be parsed under some bounds first:
/// 1. `leadingSettings` finds that document, parsing only the files that can hold one, under `limits` (the
///    defaults or the caller's), and throws away whatever that pass reports.
/// 2. Every file not excluded, the Settings file included, is parsed once more under the bounds that document
///    sets, and only this pass reports.
/// So a Settings document is always read under the defaults, it cannot raise the bounds of its own first
/// reading, and no bound ever exceeds `InputLimits.hardCaps` (the reader refuses larger values). The Settings
/// file is usually a few hundred bytes, so reading it twice costs nothing that matters.
public func parseRepository(
    root: String, files: [SourceFile], limits base: InputLimits, diagnostics: inout DiagnosticBag
) -> RepositorySyntax {
    parseRepository(root: root, files: files, limits: base, workers: defaultWorkerCount, diagnostics: &diagnostics)
}

/// `parseRepository` on `workers` threads (1: all on the calling thread); the result is the same either way.
package func parseRepository(
    root: String, files: [SourceFile], limits base: InputLimits, workers: Int, diagnostics: inout DiagnosticBag
) -> RepositorySyntax {
    // The run's table lists every file before the parallel parse, so each piece finds its files' IDs there and
    // the marks of all pieces refer to the one table.
    diagnostics.sources.reserveCapacity(files.count)
    for file in files { _ = diagnostics.sources.id(for: file.path) }
    let sources = diagnostics.sources
    let leading = leadingSettings(files, base: base)
    let limits = leading?.limits?.applied(to: base) ?? base
    let globs = leading?.exclude.compactMap { Glob($0.value) } ?? []
    // Files parse independently, and parsing is most of a large repository's validation: contiguous runs of
    // files on every core, each read into one piece, the pieces joined in file order.
    var pieces = inParallelRanges(files.count, workers: workers) { range in
        var piece = Piece(syntax: RepositorySyntax(root: root), sources: sources)
        for file in files[range] {
            if !globs.isEmpty {
                let relative = relativePath(file.path, root: root)
                if globs.contains(where: { $0.matches(relative) }) { continue }
            }
            piece.read(file, limits: limits)
        }
        return piece
    }
    var repository = RepositorySyntax(root: root)
    repository.limits = limits
    repository.sources = sources
    for index in pieces.indices {
        repository.files += pieces[index].syntax.files
        repository.settings += pieces[index].syntax.settings
        repository.isIncomplete = repository.isIncomplete || pieces[index].syntax.isIncomplete
        diagnostics.append(contentsOf: pieces[index].diagnostics)
    }
    repository.cohorts = joined(take(\.syntax.cohorts, from: &pieces), workers: workers)
    repository.policies = joined(take(\.syntax.policies, from: &pieces), workers: workers)
    for index in repository.policies.indices {
        repository.policies[index].place = index
    }
    return repository
}

/// The syntax and diagnostics of a run of files.
private struct Piece: Sendable {
    package var syntax: RepositorySyntax
    package var sources: SourceTable
    package var diagnostics: [Diagnostic] = []

    /// Reads one more file under `limits`.
    package mutating func read(_ file: SourceFile, limits: InputLimits) {
        var bag = DiagnosticBag(sources: sources)
        let tree = YAMLComposer(limits: limits).composeTree(file, diagnostics: &bag)
        syntax.files.append(file.path)
        syntax.isIncomplete = syntax.isIncomplete || bag.hasErrors
        var reader = NodeReader(tree, sources: bag.sources)
        for document in tree.documents {
            reader.read(document, limits: limits, into: &syntax)
        }
        diagnostics += bag.diagnostics
        diagnostics += reader.diagnostics.diagnostics
    }
}

/// Each piece's array at `path`, moved out of the pieces.
private func take<Element>(
    _ path: WritableKeyPath<Piece, [Element]>, from pieces: inout [Piece]
) -> [[Element]] {
    pieces.indices.map { index in
        defer { pieces[index][keyPath: path] = [] }
        return pieces[index][keyPath: path]
    }
}

/// The repository's first Settings document, read under `base`.
///
/// Only files that can hold a Settings document are parsed: those whose bytes contain `Settings`, or a
/// backslash (a double-quoted `"Se\x74tings"` spells it without those bytes).
func leadingSettings(_ files: [SourceFile], base: InputLimits) -> SettingsSyntax? {
    let composer = YAMLComposer(limits: base)
    for file in files where mayHoldSettings(file.contents) {
        var scratch = DiagnosticBag()
        let tree = composer.composeTree(file, diagnostics: &scratch)
        var reader = NodeReader(tree, sources: scratch.sources)
        var piece = RepositorySyntax(root: "")
        for document in reader.tree.documents {
            reader.read(document, limits: base, into: &piece)
        }
        if let settings = piece.settings.first { return settings }
    }
    return nil
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
    // A git side's top level is `git:REV:`, its files `git:REV:file.yaml`.
    let prefix = root.hasSuffix("/") || root.hasSuffix(":") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}

extension RepositoryLoader {
    /// A loader with default bounds whose root search asks the parser whether a file holds a Settings document
    /// (`leadingSettings`), the same reading `parseRepository` gives it.
    public init() {
        self.init(holdsSettings: { leadingSettings([$0], base: .hardCaps) != nil })
    }
}
