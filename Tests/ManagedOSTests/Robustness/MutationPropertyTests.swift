import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Deterministic random damage to every example file (truncation, flipped bytes, lost, doubled and swapped
/// lines, swapped values, deep nesting, anchors, random bytes, repeated documents, long scalars, stray syntax),
/// compiled in memory with the rest of its repository: the result is diagnostics or output, never a trap,
/// every diagnostic points inside a file that was read, and every output path is safe.
@Suite struct MutationPropertyTests {
    /// Mutated inputs per example file: about 2,500 compiles in all. The fleet's files get fewer rounds because
    /// each compiles the whole fleet (~20 ms in debug); the invalid cases are one or two small files.
    static func rounds(for repository: String) -> Int { repository == "fleet" ? 16 : 40 }

    /// The example repositories: the fleet and each invalid case.
    static let repositories: [String] =
        ["fleet"]
        + RepositoryPaths.subfolders(of: RepositoryPaths.examples.appendingPathComponent("invalid"))
        .map { "invalid/\($0.lastPathComponent)" }

    @Test(arguments: repositories) func mutatedExamplesYieldDiagnosticsOrOutput(_ name: String) throws {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent(name).path)
        let options = CompilerOptions(now: .testingNow)
        var compiles = 0
        for (index, file) in loaded.files.enumerated() where file.path.hasSuffix(".yaml") {
            var random = SeededGenerator(seed: SeededGenerator.seed("\(name)/\(file.path)"))
            for round in 0..<Self.rounds(for: name) {
                var bytes = file.contents
                var applied: [Mutation] = []
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let mutation = Mutation.allCases[Int.random(in: 0..<Mutation.allCases.count, using: &random)]
                    bytes = mutation.apply(to: bytes, using: &random)
                    applied.append(mutation)
                }
                var files = loaded.files
                files[index] = SourceFile(path: file.path, contents: bytes)
                let result = Compiler.compile(root: loaded.root, files: files, options: options)
                compiles += 1
                let problems = Self.problems(in: result, files: files, root: loaded.root)
                if !problems.isEmpty {
                    Issue.record(
                        "\(file.path) round \(round) (\(applied.map(\.rawValue).joined(separator: ", "))): \(problems)")
                    return
                }
            }
        }
        #expect(compiles > 0)
    }

    /// Diagnostics that point outside the files, and unsafe output paths.
    static func problems(in result: CompileResult, files: [SourceFile], root: String) -> [String] {
        let bounds = Dictionary(files.map { ($0.path, LineBounds($0.contents)) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for diagnostic in result.diagnostics {
            guard diagnostic.location != nil else {
                problems.append("\(diagnostic.code.rawValue) has no location")
                continue
            }
            // A note may point nowhere (it only explains); where it points, it must point inside.
            for location in [diagnostic.location].compactMap(\.self) + diagnostic.notes.compactMap(\.location) {
                if location.line == 0 && location.column == 0
                    && (bounds[location.file] != nil || location.file == root)
                {
                    continue
                }
                guard let lines = bounds[location.file], lines.contains(line: location.line, column: location.column)
                else {
                    problems.append("\(diagnostic.code.rawValue) at \(location.description) is outside the input")
                    continue
                }
            }
        }
        if let output = result.output {
            problems += output.tree.paths.filter { !OutputTree.isSafe($0) }.map { "unsafe output path '\($0)'" }
        }
        return problems
    }
}

/// The lines of a file, counted both ways a tool may count them: at `\n` only (editors, mosc's UTF-8 check)
/// and at every YAML line break (libyaml: `\r\n`, `\r`, `\n`, U+0085, U+2028, U+2029). Lengths are in
/// Unicode scalars, as libyaml counts columns.
struct LineBounds {
    var newlineLines: [Int] = [0]
    var yamlLines: [Int] = [0]

    init(_ bytes: [UInt8]) {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                newlineLines.append(0)
            } else {
                newlineLines[newlineLines.count - 1] += 1
            }
            switch scalar {
            case "\r":
                if index + 1 < scalars.count && scalars[index + 1] == "\n" {
                    newlineLines.append(0)
                    index += 1
                }
                yamlLines.append(0)
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                yamlLines.append(0)
            default:
                yamlLines[yamlLines.count - 1] += 1
            }
            index += 1
        }
    }

    /// Whether a 1-based line and column (column 0: the whole line) fall inside the file, either way counted.
    func contains(line: Int, column: Int) -> Bool {
        func fits(_ lines: [Int]) -> Bool {
            line >= 1 && line <= lines.count && column >= 0 && column <= lines[line - 1] + 1
        }
        return fits(newlineLines) || fits(yamlLines)
    }
}
