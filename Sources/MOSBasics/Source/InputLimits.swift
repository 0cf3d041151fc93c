/// The bounds that keep hostile input from crashing, hanging or ballooning mosc.
///
/// Each bound has a default (`defaults`) and a hard cap (`hardCaps`): a repository's `Settings` document may
/// set any bound between 1 and its cap (`limits:`), never beyond, so memory and time stay proportional to
/// the input whatever the input says.
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

    /// The most each bound may be raised to by a `Settings` document.
    public static let hardCaps: InputLimits = {
        var caps = InputLimits()
        caps.maxFileBytes = 16 << 20
        caps.maxDocuments = 10_000
        caps.maxDepth = 64
        caps.maxScalarBytes = 1 << 20
        caps.maxNodes = 2_000_000
        caps.maxCohortsPerPolicy = 10_000
        return caps
    }()

    /// The name of each bound, as written under `limits:` in a `Settings` document.
    public enum Key: String, CaseIterable, Sendable, Hashable, Codable {
        /// `maxFileBytes`.
        case maxFileBytes
        /// `maxDocuments`.
        case maxDocuments
        /// `maxDepth`.
        case maxDepth
        /// `maxScalarBytes`.
        case maxScalarBytes
        /// `maxNodes`.
        case maxNodes
        /// `maxCohortsPerPolicy`.
        case maxCohortsPerPolicy
    }

    /// The bound named by `key`.
    public subscript(key: Key) -> Int {
        get {
            switch key {
            case .maxFileBytes: maxFileBytes
            case .maxDocuments: maxDocuments
            case .maxDepth: maxDepth
            case .maxScalarBytes: maxScalarBytes
            case .maxNodes: maxNodes
            case .maxCohortsPerPolicy: maxCohortsPerPolicy
            }
        }
        set {
            switch key {
            case .maxFileBytes: maxFileBytes = newValue
            case .maxDocuments: maxDocuments = newValue
            case .maxDepth: maxDepth = newValue
            case .maxScalarBytes: maxScalarBytes = newValue
            case .maxNodes: maxNodes = newValue
            case .maxCohortsPerPolicy: maxCohortsPerPolicy = newValue
            }
        }
    }
}
