public import MOSBasics
public import MOSDomain
import MOSOutput
import MOSYAML

/// Which update paths a cohort's devices can take.
public enum UpdatePaths: String, Sendable, Hashable, Codable {
    /// Every device is at or above the DDM threshold.
    case ddmOnly = "ddm-only"
    /// Every device is below the DDM threshold.
    case legacyOnly = "legacy-only"
    /// Devices on both sides of the threshold (or `osVersions` absent).
    case mixed

    /// Whether some devices take the DDM declaration.
    public var hasDDM: Bool { self != .legacyOnly }
    /// Whether some devices need legacy MDM commands.
    public var hasLegacy: Bool { self != .ddmOnly }
}

/// A cohort with its defaults applied and its paths decided: what checks and lowering reason about.
public struct CohortModel: Sendable, Hashable {
    /// The cohort's name.
    public var name: String
    /// Its platform.
    public var platform: Platform
    /// Its enrollment (default supervised).
    public var enrollment: Enrollment
    /// The OS versions its devices run (the platform floor and up when `osVersions` is absent).
    public var range: VersionRange
    /// Whether `range` came from `osVersions` rather than the floor.
    public var rangeIsDeclared: Bool
    /// The DDM threshold of its platform.
    public var ddmThreshold: OSVersion
    /// Where the cohort is defined.
    public var location: SourceMark

    /// DDM-only, legacy-only or mixed.
    public var paths: UpdatePaths {
        if range.isWhollyAtOrAbove(ddmThreshold) { return .ddmOnly }
        if range.isWhollyBelow(ddmThreshold) { return .legacyOnly }
        return .mixed
    }

    /// The oldest OS any device may run (the floor when unbounded below).
    public var lowestVersion: OSVersion {
        let floor = PlatformFloors.floor(for: platform)
        guard let lower = range.lower else { return floor }
        return lower.version
    }

    /// The oldest OS of the devices that take the DDM path.
    public var lowestDDMVersion: OSVersion { max(lowestVersion, ddmThreshold) }

    /// The routing rule in words: "DDM when OS >= 14.0".
    public var routingRule: String {
        switch paths {
        case .ddmOnly: "DDM (all devices run \(range))"
        case .legacyOnly: "legacy MDM commands (all devices run \(range))"
        case .mixed: "DDM when OS >= \(ddmThreshold), else legacy MDM commands"
        }
    }

    /// Resolves a cohort's syntax; nil when its name or platform is missing or `osVersions` does not parse.
    public init?(_ syntax: CohortSyntax, gates: SoftwareUpdateGates) {
        self.init([syntax], at: 0, gates: gates)
    }

    /// Resolves the cohort at `index` of `cohorts`, reading its fields in place (a copy of the whole cohort
    /// retained every string it holds); `parse` reads `osVersions` (Resolve remembers each distinct text's range).
    package init?(
        _ cohorts: [CohortSyntax], at index: Int, gates: SoftwareUpdateGates,
        parse: (String) -> Result<VersionRange, VersionRange.ParseError> = VersionRange.parse
    ) {
        guard let name = cohorts[index].name?.value, let platform = cohorts[index].platform?.value else { return nil }
        self.name = name
        self.platform = platform
        self.enrollment = cohorts[index].enrollment?.value ?? .supervised
        self.location = cohorts[index].location
        self.ddmThreshold = gates.ddmThresholdOrNever(for: platform)
        if let text = cohorts[index].osVersions?.value {
            guard case .success(let range) = parse(text) else { return nil }
            let floor = PlatformFloors.floor(for: platform)
            self.range = range.lower == nil ? range.clipped(atOrAbove: floor) : range
            self.rangeIsDeclared = true
        } else {
            self.range = .atLeast(PlatformFloors.floor(for: platform))
            self.rangeIsDeclared = false
        }
    }
}
