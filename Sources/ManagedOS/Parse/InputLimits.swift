/// The bounds that keep hostile input from crashing, hanging or ballooning mosc.
public struct InputLimits: Sendable, Hashable, Codable {
    /// The largest policy file read, in bytes.
    public var maxFileBytes: Int = 1 << 20
    /// The most YAML documents in one file.
    public var maxDocuments: Int = 1_000
    /// The deepest nesting of sequences and mappings.
    public var maxDepth: Int = 32
    /// The longest scalar, in bytes.
    public var maxScalarBytes: Int = 16 << 10
    /// The most YAML nodes in one file.
    public var maxNodes: Int = 200_000
    /// The most cohorts one policy may list.
    public var maxCohortsPerPolicy: Int = 1_000

    /// The defaults documented in `specs/policy-language.md`.
    public init() {}

    /// The defaults.
    public static let defaults = InputLimits()
}
