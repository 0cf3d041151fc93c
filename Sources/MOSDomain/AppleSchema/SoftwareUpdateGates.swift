import MOSBasics
import MOSYAML

/// The one place validation rules and emitters ask which OS, enrollment and key gates apply to software
/// update management. Answers come from Apple's pinned schema (`AppleSchemaCatalog`), with
/// `NewerSchemaFacts` filling what that schema predates and `DocumentedSchemaFacts` what it states only in prose.
public struct SoftwareUpdateGates: Sendable {
    /// The `Type` of the enforcement declaration.
    public static let enforcementType = "com.apple.configuration.softwareupdate.enforcement.specific"
    /// The `Type` of the settings declaration.
    public static let settingsType = "com.apple.configuration.softwareupdate.settings"
    /// The `Type` of the activation mosc emits.
    public static let activationType = "com.apple.activation.simple"

    /// The schema the answers are read from.
    public let catalog: AppleSchemaCatalog

    /// The gates from the bundled schema, parsed once on first use.
    public static let bundled = SoftwareUpdateGates(catalog: .bundled)

    /// The answers to the questions rules and emitters ask per policy and cohort, computed once from `catalog`
    /// (nil only while `init` computes them).
    private var memo: GateMemo?

    /// The memo, for the extensions in other files.
    var memoized: GateMemo? { memo }

    /// Gates read from `catalog` (tests pass a hand-made one).
    public init(catalog: AppleSchemaCatalog) {
        self.catalog = catalog
        self.memo = nil
        self.memo = GateMemo(self)
    }

    /// The enforcement declaration's schema.
    public var enforcement: SchemaItem? { catalog.declaration(Self.enforcementType) }
    /// The settings declaration's schema.
    public var settings: SchemaItem? { catalog.declaration(Self.settingsType) }
    /// The simple activation's schema.
    public var activation: SchemaItem? { catalog.declaration(Self.activationType) }
    /// The declaration envelope (`Type`, `Identifier`, `ServerToken`, `Payload`) and the status reason codes.
    public var declarationBase: SchemaItem? { catalog.declaration("any") }

    /// The item's row for `platform`, with gaps the pinned schema leaves filled from `NewerSchemaFacts`.
    public func support(of item: SchemaItem, on platform: Platform) -> OSSupport {
        NewerSchemaFacts.support(of: item, on: platform.schemaOS)
    }

    // MARK: Declarative management

    /// The lowest OS that accepts the enforcement declaration (macOS 14.0, iOS/iPadOS 17.0, tvOS 18.4,
    /// visionOS 26.0), or nil if the platform can't.
    public func ddmThreshold(for platform: Platform) -> OSVersion? {
        if let memo { return memo[platform].ddmThreshold }
        return enforcement.flatMap { support(of: $0, on: platform).introducedVersion }
    }

    /// The lowest OS that accepts the settings declaration (macOS 15.0, iOS/iPadOS 18.0, tvOS 18.4,
    /// visionOS 26.0), or nil if the platform can't.
    public func settingsThreshold(for platform: Platform) -> OSVersion? {
        if let memo { return memo[platform].settingsThreshold }
        return settings.flatMap { support(of: $0, on: platform).introducedVersion }
    }

    /// The lowest OS that supports declarative management at all (the `DeclarativeManagement` command).
    public func declarativeManagementThreshold(for platform: Platform) -> OSVersion? {
        catalog.command("DeclarativeManagement").flatMap { support(of: $0, on: platform).introducedVersion }
    }

    /// The enrollments the enforcement declaration allows (macOS: supervised; iOS: supervised and device);
    /// empty when the platform can't use it.
    public func enforcementEnrollments(for platform: Platform) -> Set<Enrollment> {
        if let memo { return memo[platform].enforcementEnrollments }
        return enforcement.map { enrollments(of: $0, on: platform) } ?? []
    }

    /// The enrollments the settings declaration allows; empty when the platform can't use it.
    public func settingsEnrollments(for platform: Platform) -> Set<Enrollment> {
        if let memo { return memo[platform].settingsEnrollments }
        return settings.map { enrollments(of: $0, on: platform) } ?? []
    }

    private func enrollments(of item: SchemaItem, on platform: Platform) -> Set<Enrollment> {
        let row = support(of: item, on: platform)
        return row.isAvailable ? row.allowedEnrollments ?? [] : []
    }

    // MARK: Status

    /// The values `softwareupdate.install-state` may report: the schema's `rangelist` plus the documented
    /// `waiting`.
    public var installStates: [String] {
        let listed = catalog.statusItem("softwareupdate.install-state")?.payloadKeys.first?.rangeList ?? []
        return listed + DocumentedSchemaFacts.extraInstallStates.filter { !listed.contains($0) }
    }

    /// The parsed status item named `name` (e.g. `softwareupdate.pending-version`), for the status module.
    public func statusItem(_ name: String) -> SchemaItem? { catalog.statusItem(name) }
}

extension SoftwareUpdateGates {
    /// Descriptions of `NewerSchemaFacts` rows the catalog already states itself; after a schema refresh,
    /// delete those rows. Empty for the pinned schema.
    public var redundantNewerFacts: [String] {
        NewerSchemaFacts.redundantFacts(in: catalog).map { "\($0.identifier) on \($0.os.rawValue) \($0.source)" }
            + NewerSchemaFacts.redundantKeyFacts(in: catalog).map {
                "\($0.declaration) \($0.path) on \($0.os.rawValue) \($0.source)"
            }
    }
}
