import Foundation

/// A small evaluator of the NSPredicate format subset mosc writes into activation predicates, with
/// NSPredicate's semantics: `@status(item)` is the status value (a string); `MATCHES` is an ICU regular
/// expression that must match the whole string (NSRegularExpression is ICU's engine too); `==`, `BEGINSWITH`
/// and `<`/`>` compare strings as NSPredicate does, character by character; `NOT`, `AND`, `OR` (that
/// precedence) and parentheses; string literals in single or double quotes with `\` escapes. A missing status
/// item makes a comparison false. Anything else is a parse error, so a predicate mosc writes must stay within
/// what this (and Apple's) grammar reads.
struct PredicateEvaluator {
    enum Failure: Error, CustomStringConvertible {
        case syntax(String)
        var description: String {
            switch self {
            case .syntax(let message): "predicate syntax: \(message)"
            }
        }
    }

    private let tokens: [Token]
    private var position = 0
    private let status: [String: String]

    private enum Token: Equatable {
        case word(String)
        case string(String)
        case status(String)
        case symbol(String)
    }

    /// Evaluates `predicate` with the status values `status` (`["device.operating-system.version": "15.10"]`).
    static func evaluate(_ predicate: String, status: [String: String]) throws -> Bool {
        var evaluator = PredicateEvaluator(tokens: try tokenize(predicate), status: status)
        let value = try evaluator.disjunction()
        guard evaluator.position == evaluator.tokens.count else { throw Failure.syntax("trailing tokens") }
        return value
    }

    private init(tokens: [Token], status: [String: String]) {
        self.tokens = tokens
        self.status = status
    }

    private mutating func disjunction() throws -> Bool {
        var value = try conjunction()
        while peek(word: "OR") {
            position += 1
            let right = try conjunction()
            value = value || right
        }
        return value
    }

    private mutating func conjunction() throws -> Bool {
        var value = try negation()
        while peek(word: "AND") {
            position += 1
            let right = try negation()
            value = value && right
        }
        return value
    }

    private mutating func negation() throws -> Bool {
        if peek(word: "NOT") {
            position += 1
            return !(try negation())
        }
        if position < tokens.count, tokens[position] == .symbol("(") {
            position += 1
            let value = try disjunction()
            guard position < tokens.count, tokens[position] == .symbol(")") else { throw Failure.syntax("missing )") }
            position += 1
            return value
        }
        return try comparison()
    }

    private mutating func comparison() throws -> Bool {
        guard position + 2 < tokens.count else { throw Failure.syntax("incomplete comparison") }
        guard case .status(let item) = tokens[position] else { throw Failure.syntax("expected @status(…)") }
        let op = tokens[position + 1]
        guard case .string(let literal) = tokens[position + 2] else { throw Failure.syntax("expected a string") }
        position += 3
        guard let value = status[item] else { return false }
        switch op {
        case .word("MATCHES"):
            // ICU's matches(): the whole string, with backtracking into alternatives (not the first prefix).
            let regex = try NSRegularExpression(pattern: "^(?:\(literal))$")
            let range = NSRange(value.startIndex..., in: value)
            return regex.firstMatch(in: value, range: range) != nil
        case .word("BEGINSWITH"): return value.hasPrefix(literal)
        case .symbol("=="), .symbol("="): return value == literal
        case .symbol("<"): return value < literal
        case .symbol(">"): return value > literal
        case .symbol("<="): return value <= literal
        case .symbol(">="): return value >= literal
        default: throw Failure.syntax("unknown operator \(op)")
        }
    }

    private func peek(word: String) -> Bool {
        position < tokens.count && tokens[position] == .word(word)
    }

    private static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let first = characters.first {
            if first == " " {
                characters = characters.dropFirst()
            } else if first == "(" || first == ")" {
                tokens.append(.symbol(String(first)))
                characters = characters.dropFirst()
            } else if first == "'" || first == "\"" {
                characters = characters.dropFirst()
                var literal = ""
                while let next = characters.first, next != first {
                    characters = characters.dropFirst()
                    if next == "\\" {
                        guard let escaped = characters.first else { throw Failure.syntax("dangling escape") }
                        literal.append(escaped)
                        characters = characters.dropFirst()
                    } else {
                        literal.append(next)
                    }
                }
                guard characters.first == first else { throw Failure.syntax("unterminated string") }
                characters = characters.dropFirst()
                tokens.append(.string(literal))
            } else if first == "@" {
                let prefix = "@status("
                guard String(characters.prefix(prefix.count)) == prefix, let close = characters.firstIndex(of: ")")
                else { throw Failure.syntax("expected @status(…)") }
                tokens.append(.status(String(characters[(characters.startIndex + prefix.count)..<close])))
                characters = characters[(close + 1)...]
            } else if "=<>!".contains(first) {
                let symbol = String(characters.prefix { "=<>!".contains($0) })
                tokens.append(.symbol(symbol))
                characters = characters.dropFirst(symbol.count)
            } else if first.isLetter {
                let word = String(characters.prefix { $0.isLetter })
                tokens.append(.word(word))
                characters = characters.dropFirst(word.count)
            } else {
                throw Failure.syntax("unexpected '\(first)'")
            }
        }
        return tokens
    }
}
