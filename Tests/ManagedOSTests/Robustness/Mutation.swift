import ManagedOSTestSupport

/// One way to damage a YAML file, for the mutation property test.
enum Mutation: String, CaseIterable, Sendable {
    case truncate, flipByte, deleteLine, duplicateLine, swapLines, swapScalars, deepNesting, anchorAlias
    case randomBytes, repeatDocument, longScalar, insertSyntax

    /// Applies the mutation to `bytes`, drawing every choice from `random`.
    func apply(to bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var lines = Self.lines(bytes)
        switch self {
        case .truncate:
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case .flipByte:
            guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &random)] }
            var result = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<result.count, using: &random)
                result[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            }
            return result
        case .deleteLine:
            guard !lines.isEmpty else { return bytes }
            lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
        case .duplicateLine:
            guard !lines.isEmpty else { return bytes }
            let index = Int.random(in: 0..<lines.count, using: &random)
            lines.insert(lines[index], at: Int.random(in: 0...lines.count, using: &random))
        case .swapLines:
            guard lines.count > 1 else { return bytes }
            lines.swapAt(
                Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
        case .swapScalars:
            // Exchange the values of two `key: value` lines, keeping their keys and indentation.
            let pairs = lines.indices.filter { Self.valueStart(lines[$0]) != nil }
            guard pairs.count > 1 else { return bytes }
            let a = pairs[Int.random(in: 0..<pairs.count, using: &random)]
            let b = pairs[Int.random(in: 0..<pairs.count, using: &random)]
            guard let sa = Self.valueStart(lines[a]), let sb = Self.valueStart(lines[b]) else { return bytes }
            let va = Array(lines[a][sa...])
            let vb = Array(lines[b][sb...])
            lines[a] = Array(lines[a][..<sa]) + vb
            lines[b] = Array(lines[b][..<sb]) + va
        case .deepNesting:
            let depth = Int.random(in: 20...400, using: &random)
            let nest: [UInt8] =
                switch Int.random(in: 0...2, using: &random) {
                case 0:
                    Array(
                        ("nested: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
                case 1:
                    Array(
                        ("nested: " + String(repeating: "{a: ", count: depth) + String(repeating: "}", count: depth))
                            .utf8)
                default:
                    Array(
                        (0..<min(depth, 80)).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }
                            .joined(separator: "\n").utf8)
                }
            lines.insert(nest, at: Int.random(in: 0...lines.count, using: &random))
        case .anchorAlias:
            let pairs = lines.indices.filter { Self.valueStart(lines[$0]) != nil }
            guard let a = pairs.randomElement(using: &random), let b = pairs.randomElement(using: &random),
                let sa = Self.valueStart(lines[a]), let sb = Self.valueStart(lines[b])
            else { return bytes }
            lines[a].insert(contentsOf: Array("&x ".utf8), at: sa)
            if a != b { lines[b] = Array(lines[b][..<sb]) + Array("*x".utf8) }
        case .randomBytes:
            let run = (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random)
            }
            var result = bytes
            result.insert(contentsOf: run, at: Int.random(in: 0...bytes.count, using: &random))
            return result
        case .repeatDocument:
            let copies = Int.random(in: 2...8, using: &random)
            return Array(repeating: bytes + Array("\n---\n".utf8), count: copies).flatMap { $0 }
        case .longScalar:
            let length = Int.random(in: 1_000...20_000, using: &random)
            lines.insert(
                Array("description: \(String(repeating: "x", count: length))".utf8),
                at: Int.random(in: 0...lines.count, using: &random))
        case .insertSyntax:
            let pieces = [
                "\t", "---", "...", "? ", "- ", ": ", "\"", "'", "|", ">", "!!int ", "!custom ", "%YAML 1.1", "#",
                "{", "]", "\u{FEFF}", "\r", "\u{2028}", "\0", "é", "kind: Settings", "apiVersion: mosc/v2",
            ]
            let piece = Array(pieces[Int.random(in: 0..<pieces.count, using: &random)].utf8)
            var result = bytes
            result.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
            return result
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// The lines of `bytes`, without their `\n`.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// Where the value of a `key: value` line starts, if the line is one.
    static func valueStart(_ line: [UInt8]) -> Int? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon + 2 < line.count,
            line[colon + 1] == UInt8(ascii: " "), line.first != UInt8(ascii: "#")
        else { return nil }
        return colon + 2
    }
}
