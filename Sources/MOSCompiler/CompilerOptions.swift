public import MOSBasics
public import MOSDomain
import MOSOutput
import MOSYAML

/// Everything besides the sources that decides what mosc reports and emits. Nothing here is read implicitly
/// from the clock or the environment: the CLI fills it in.
public struct CompilerOptions: Sendable {
    /// The instant deadlines are judged against (`--now`, else `SOURCE_DATE_EPOCH`, else the clock).
    public var now: Instant
    /// The bounds on input.
    public var limits: InputLimits
    /// The OS and enrollment gates from Apple's schema.
    public var gates: SoftwareUpdateGates
    /// Apple's OS releases: which versions and builds exist, and when they shipped (`--catalog`). A catalog
    /// pinned in the repository's Settings replaces it unless `catalogOrigin` is `.commandLine`.
    public var catalog: OSCatalog
    /// Where `catalog` came from.
    public var catalogOrigin: CatalogOrigin = .bundled
    /// Reads files of the repository besides the policies (the pinned catalog); nil reads them from the
    /// repository's root folder in the file system.
    public var repositoryFiles: RepositoryFileReader?

    /// Options with the defaults.
    public init(
        now: Instant, limits: InputLimits = .defaults, gates: SoftwareUpdateGates = .bundled,
        catalog: OSCatalog = .bundled, catalogOrigin: CatalogOrigin = .bundled
    ) {
        self.now = now
        self.limits = limits
        self.gates = gates
        self.catalog = catalog
        self.catalogOrigin = catalogOrigin
    }
}
