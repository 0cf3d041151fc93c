public import MOSBasics
public import MOSCompiler
public import MOSDomain
public import MOSOutput
import MOSYAML

/// What a cohort's devices should reach, as the compiled manifest states it.
public struct CohortExpectation: Sendable, Hashable {
    /// The update path devices take.
    public enum Path: String, Sendable, Hashable, Codable, Comparable {
        case ddm, legacy

        /// Orders paths by name (`ddm` before `legacy`).
        public static func < (lhs: Path, rhs: Path) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The cohort name.
    public var name: String
    /// The platform, e.g. `macOS`.
    public var platform: String
    /// The paths the cohort's devices may take.
    public var paths: Set<Path>
    /// The target OS version text, e.g. `26.6.2`.
    public var targetVersion: String
    /// The target build, when the policy pins one.
    public var targetBuild: String?
    /// The local wall-time deadline as written in the manifest.
    public var deadline: String
    /// The legacy plan's `enforce` instant (UTC), when the manifest has one.
    public var legacyEnforce: Instant?
    /// The identifiers of the cohort's DDM declarations (from the manifest's artifact paths).
    public var declarationIdentifiers: Set<String>
    /// The lowest OS that takes the DDM path on this platform, when known.
    public var ddmThreshold: OSVersion?
    /// For a policy with `tracks:`, each track by major (the manifest's `tracks`); empty otherwise.
    public var tracks: [Int: OutputManifest.Track] = [:]

    /// How a device running `osVersion` is judged: on the track of its major when the cohort has tracks (nil
    /// when none is for its major: nothing is enforced on it), else by the cohort's own target and deadline.
    public func following(osVersion: String?) -> CohortExpectation? {
        guard !tracks.isEmpty, let major = osVersion.flatMap(OSVersion.init)?.major else { return self }
        guard let track = tracks[major] else { return nil }
        var expectation = self
        expectation.targetVersion = track.targetVersion
        expectation.targetBuild = track.targetBuild
        expectation.deadline = track.deadline
        return expectation
    }

    /// Declarations that apply to part of the cohort's OS range only (the manifest's `minimumOS`/`belowOS`), by
    /// identifier: a device outside one's window reports it inactive or invalid, and that is expected.
    public var declarationWindows: [String: OSWindow] = [:]

    /// The OS versions a declaration applies to: from `minimum`, below `below`.
    public struct OSWindow: Sendable, Hashable {
        /// The lowest OS it applies to.
        public var minimum: OSVersion?
        /// The OS from which it no longer applies.
        public var below: OSVersion?

        /// A window from `minimum` (nil: every OS) to below `below` (nil: no upper bound).
        public init(minimum: OSVersion? = nil, below: OSVersion? = nil) {
            self.minimum = minimum
            self.below = below
        }

        /// Whether a device running `version` takes it.
        public func admits(_ version: OSVersion) -> Bool {
            (minimum.map { version >= $0 } ?? true) && (below.map { version < $0 } ?? true)
        }
    }

    /// Whether a device running `osVersion` (nil: unknown) is meant to apply the declaration `identifier`.
    public func applies(_ identifier: String, toOS osVersion: String?) -> Bool {
        guard declarationIdentifiers.contains(identifier) else { return false }
        guard let window = declarationWindows[identifier], let version = osVersion.flatMap(OSVersion.init) else {
            return true
        }
        return window.admits(version)
    }

    /// Creates an expectation (tests build them directly).
    public init(
        name: String, platform: String, paths: Set<Path>, targetVersion: String, targetBuild: String? = nil,
        deadline: String, legacyEnforce: Instant? = nil, declarationIdentifiers: Set<String> = [],
        ddmThreshold: OSVersion? = nil
    ) {
        self.name = name
        self.platform = platform
        self.paths = paths
        self.targetVersion = targetVersion
        self.targetBuild = targetBuild
        self.deadline = deadline
        self.legacyEnforce = legacyEnforce
        self.declarationIdentifiers = declarationIdentifiers
        self.ddmThreshold = ddmThreshold
    }

    /// The DDM deadline judged conservatively: the wall time as it last occurs anywhere (UTC−12), so no
    /// device is called late before its own clock has passed the deadline.
    public var ddmLateAfter: Instant? {
        LocalDateTime.parse(deadline).value?.latestInstantAnywhere
    }

    /// When a device on `path` is late if not at the target. Legacy uses the manifest's `enforce` instant; when
    /// the manifest has none, the DDM rule (UTC−12) stands in.
    public func lateAfter(_ path: Path) -> Instant? {
        switch path {
        case .ddm: ddmLateAfter
        case .legacy: legacyEnforce ?? ddmLateAfter
        }
    }
}

extension CohortExpectation {
    /// Every cohort of a compiled manifest.
    public static func all(from manifest: OutputManifest, gates: SoftwareUpdateGates = .bundled)
        -> [String: CohortExpectation]
    {
        var result: [String: CohortExpectation] = [:]
        for (name, cohort) in manifest.cohorts {
            let prefix = "cohorts/\(name)/ddm/declarations/"
            var windows: [String: OSWindow] = [:]
            let identifiers = cohort.artifacts.compactMap { artifact -> String? in
                guard artifact.path.hasPrefix(prefix), artifact.path.hasSuffix(".json") else { return nil }
                let identifier = String(artifact.path.dropFirst(prefix.count).dropLast(".json".count))
                windows[identifier] = OSWindow(
                    minimum: OSVersion(artifact.minimumOS), below: artifact.belowOS.flatMap(OSVersion.init))
                return identifier
            }
            let enforce = cohort.legacyPlan?.first { $0.step == "enforce" }?.utc.flatMap(Instant.parseISO8601)
            result[name] = CohortExpectation(
                name: name, platform: cohort.platform, paths: Set(cohort.paths.compactMap(Path.init(rawValue:))),
                targetVersion: cohort.targetVersion, targetBuild: cohort.targetBuild, deadline: cohort.deadline,
                legacyEnforce: enforce, declarationIdentifiers: Set(identifiers),
                ddmThreshold: Platform(rawValue: cohort.platform).flatMap(gates.ddmThreshold(for:)))
            result[name]?.declarationWindows = windows
            for track in cohort.tracks ?? [] { result[name]?.tracks[track.major] = track }
        }
        return result
    }
}
