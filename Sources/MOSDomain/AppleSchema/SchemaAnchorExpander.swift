import MOSBasics
import MOSYAML

/// Expands the YAML anchors Apple's schema generator writes, before the file reaches `YAMLComposer`.
///
/// The composer refuses anchors and aliases (they let hostile policy files balloon), but Apple's generator
/// (PyYAML-style output) shares subtrees with them, e.g. `subkeys: &id001` ... `subkeys: *id001` in
/// `management.declarations.yaml`. This handles exactly that emitted shape, on trusted bundled data only:
/// an anchor ends a `key: &name` line and owns the block below it (lines indented deeper, or `- ` items at the
/// same indent); an alias is a whole `key: *name` line, replaced by that block re-indented. Anything else is
/// left alone, so the composer still reports it. If the composer ever gains an option to expand aliases for
/// trusted input, delete this file.
enum SchemaAnchorExpander {
    /// The text with every recognised anchor removed and alias expanded, or nil if it would exceed `limit` bytes.
    package static func expand(_ text: String, limit: Int) -> String? {
        guard text.contains(": &") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [Substring: [Substring]] = [:]
        var output: [Substring] = []
        var size = 0
        func emit(_ line: Substring) {
            output.append(line)
            size += line.utf8.count + 1
        }
        var index = 0
        while index < lines.count, size <= limit {
            let line = lines[index]
            index += 1
            if let (head, name) = split(line, marker: "&") {
                let indent = indentation(of: line)
                var block: [Substring] = []
                while index < lines.count, belongs(lines[index], toBlockAt: indent) {
                    block.append(lines[index])
                    index += 1
                }
                // Trailing blank lines belong to what follows.
                while let last = block.last, isBlank(last) {
                    block.removeLast()
                    index -= 1
                }
                blocks[name] = block.map { isBlank($0) ? "" : $0.dropFirst(indent) }
                emit(head)
                block.forEach(emit)
            } else if let (head, name) = split(line, marker: "*"), let block = blocks[name] {
                let padding = String(repeating: " ", count: indentation(of: line))
                emit(head)
                for blockLine in block { emit(blockLine.isEmpty ? blockLine : Substring(padding + blockLine)) }
            } else {
                emit(line)
            }
        }
        return size > limit ? nil : output.joined(separator: "\n")
    }

    /// `key: &name` or `key: *name` → (`key:`, `name`), for names of letters, digits, `_` and `-`.
    private static func split(_ line: Substring, marker: Character) -> (Substring, Substring)? {
        let nameLength = line.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }.count
        let nameStart = line.index(line.endIndex, offsetBy: -nameLength)
        guard nameLength > 0, line[..<nameStart].hasSuffix(": " + String(marker)) else { return nil }
        let head = line[..<line.index(nameStart, offsetBy: -3)]
        guard head.contains(where: { $0 != " " }), !head.contains("#") else { return nil }
        return (Substring(head + ":"), line[nameStart...])
    }

    private static func belongs(_ line: Substring, toBlockAt indent: Int) -> Bool {
        if isBlank(line) { return true }
        let own = indentation(of: line)
        return own > indent || (own == indent && line.dropFirst(indent).hasPrefix("- "))
    }

    private static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " } }

    private static func indentation(of line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }
}
