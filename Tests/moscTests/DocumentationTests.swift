import Foundation
import ManagedOSTestSupport
import Testing

/// The README and the specs describe the CLI that exists, in words a reader outside the project can follow.
@Suite struct DocumentationTests {
    /// The leaf commands `mosc --help` lists, with their parents (`catalog show`), found by walking the help.
    static func commands(under parent: [String] = []) throws -> [String] {
        let help = try CLITests.run(parent + ["--help"]).stdout
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDS:" {
                inSection = true
            } else if inSection, line.hasPrefix("  "), !line.hasPrefix("   "),
                let name = line.split(separator: " ").first, name.allSatisfy({ $0.isLowercase })
            {
                names.append(String(name))
            } else if inSection, line.isEmpty {
                inSection = false
            }
        }
        var leaves: [String] = []
        for name in names {
            let below = try commands(under: parent + [name])
            leaves += below.isEmpty ? [(parent + [name]).joined(separator: " ")] : below
        }
        return leaves
    }

    @Test func readmeCommandTableListsEveryCommand() throws {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = try Self.commands()
        #expect(commands.count >= 7, "\(commands)")
        for command in commands {
            let listed = readme.contains("| `mosc \(command)")
            #expect(listed, "README's command table lacks mosc \(command)")
        }
    }

    /// Readers outside the project cannot look up "issue 3" or "#12": docs say what a feature does instead.
    @Test func docsNameNoInternalTrackerNumbers() throws {
        let root = RepositoryPaths.root
        var files = ["README.md"]
        for folder in ["specs", "examples", "Sources", "scripts", "Benchmarks"] {
            let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = walker?.nextObject() as? String {
                if ["md", "yaml", "yml", "json", "swift", "sh", "py"].contains((path as NSString).pathExtension) {
                    files.append("\(folder)/\(path)")
                }
            }
        }
        #expect(files.count > 100)
        let reference = /(?i)\b(issue|ticket|task)s?\s*#?\d+|\(#\d+\)/
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(reference) {
                Issue.record("\(file):\(index + 1): \(line)")
            }
        }
    }
}
