import MOSBasics
import MOSYAML

/// Every problem found in a catalog text, each tied to its 1-based line.
public struct CatalogParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One problem on one line.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The 1-based line number.
        public var line: Int
        /// What is wrong, lowercase, e.g. `expected 6 tab-separated fields, found 4`.
        public var message: String

        /// Creates a problem.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// The problems in line order; never empty.
    public var problems: [Problem]

    /// Creates an error from its problems.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem per line of text.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
