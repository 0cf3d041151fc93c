import MOSBasics
import MOSCompiler
public import MOSDomain
import MOSOutput

/// What `mosc sync` pushes, per cohort: the DDM set (declarations and membership) and the legacy plan, read
/// from one compiled side. Files are read on demand, so a sync with nothing to do reads little but hashes.
public struct SyncInput: Sendable {
    /// The prefix of every declaration Identifier mosc writes (`identifierPrefix` of the manifest).
    public var identifierPrefix: String
    /// The enforced cohorts by name.
    public var cohorts: [String: SyncCohort]
    /// Reads an artifact's bytes by its path in the output (`cohorts/<name>/…`).
    public let read: @Sendable (String) -> [UInt8]?

    /// An input over `cohorts`, reading artifacts through `read`.
    public init(
        identifierPrefix: String, cohorts: [String: SyncCohort], read: @escaping @Sendable (String) -> [UInt8]?
    ) {
        self.identifierPrefix = identifierPrefix
        self.cohorts = cohorts
        self.read = read
    }
}

/// One cohort as sync sees it.
public struct SyncCohort: Sendable, Hashable {
    /// The cohort name.
    public var name: String
    /// The platform, e.g. `macOS`.
    public var platform: String
    /// The target OS version.
    public var targetVersion: String
    /// The update paths the cohort's devices may take.
    public var paths: Set<CohortExpectation.Path>
    /// The lowest OS taking the DDM path on this platform, when known (routes devices of mixed cohorts).
    public var ddmThreshold: OSVersion?
    /// The DDM declarations by Identifier: their artifact path and SHA-256 (empty without a DDM path).
    public var declarations: [String: DeclarationFile]
    /// The artifact path of `set.txt`, when the cohort has a DDM path.
    public var setFile: String?
    /// The artifact path of `legacy/plan.json`, when the cohort has a legacy path.
    public var planFile: String?

    /// A declaration file of the output.
    public struct DeclarationFile: Sendable, Hashable, Codable {
        /// `cohorts/<name>/ddm/declarations/<Identifier>.json`.
        public var path: String
        /// The file's SHA-256 as the manifest records it.
        public var sha256: String
    }
}
