import Foundation
public import MOSBasics
public import MOSCompiler
import MOSDomain
public import MOSOutput

/// What `mosc export fleet` writes, or why a cohort is left out.
public struct FleetExport: Sendable {
    /// The files: declarations under `lib/mosc/`, one fragment per fleet under `fleets/`, and `manifest.json`;
    /// nil when an error diagnostic says some cohort cannot be exported.
    public var tree: OutputTree?
    /// The compile's diagnostics and the export's, sorted.
    public var diagnostics: [Diagnostic]
    /// How many cohorts were exported.
    public var cohortCount = 0
    /// How many team files were written.
    public var teamCount = 0

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The Apple platforms Fleet manages.
private let fleetPlatforms: Set<String> = [Platform.macOS.rawValue, Platform.iOS.rawValue, Platform.iPadOS.rawValue]

/// The folder of the declaration files, and its path as the team files (one folder down) reach it.
private let declarationFolder = "lib/mosc"

/// Writes the compiled declarations of `source` as Fleet GitOps files: each configuration the cohort's
/// activation lists, as `{Type, Identifier, Payload}` (Fleet adds its own ServerToken and activations), listed
/// in its team's fragment and scoped to the cohort's label. Decides nothing the compile did not: a cohort's
/// paths, declarations and their lowest OS versions are read from the compiled output; what Fleet cannot take
/// is a diagnostic at the cohort.
/// - Throws: `CompilerError.unreadable` when a compiled declaration is missing or not a declaration.
public func exportFleet(_ source: ExportSource) throws(CompilerError) -> FleetExport {
    var bag = DiagnosticBag(sources: source.repository.sources)
    let mapping = FleetMapping(source.repository)
    var syntaxByName: [String: CohortSyntax] = [:]
    for cohort in source.repository.cohorts {
        if let name = cohort.name?.value, syntaxByName[name] == nil { syntaxByName[name] = cohort }
    }
    var files = OutputTree()
    var exported: [String: FleetExportManifest.Cohort] = [:]
    var omitted: [FleetExportManifest.Omitted] = []
    var teams: [String: [FleetTeamFile.CohortProfiles]] = [:]

    for name in source.manifest.cohorts.keys.sorted() {
        guard let entry = source.manifest.cohorts[name] else { continue }
        let syntax = syntaxByName[name]
        let location = syntax?.name?.location ?? syntax?.location
        guard fleetPlatforms.contains(entry.platform) else {
            bag.emit(
                .fleetPlatformUnsupported,
                "cohort '\(name)' is \(entry.platform), which Fleet does not manage; it is not exported",
                at: location)
            omitted.append(.init(cohort: name, part: "cohort", code: DiagnosticCode.fleetPlatformUnsupported.rawValue))
            continue
        }
        let nudge = entry.platform == Platform.macOS.rawValue ? "; Fleet covers these Macs with Nudge" : ""
        if entry.paths.contains("legacy") {
            let range = entry.routing.legacy ?? "pre-DDM"
            guard entry.paths.contains("ddm") else {
                bag.emit(
                    .fleetLegacyOnlyCohort,
                    "cohort '\(name)' is legacy-only (\(entry.platform) \(range)): Fleet's files have no place for "
                        + "mosc's legacy command plans, so it is not exported\(nudge)", at: location)
                omitted.append(.init(cohort: name, part: "cohort", code: DiagnosticCode.fleetLegacyOnlyCohort.rawValue))
                continue
            }
            bag.emit(
                .fleetLegacyPartNotExported,
                "cohort '\(name)' is mixed: its devices on \(entry.platform) \(entry.routing.ddm ?? "") are exported, "
                    + "those on \(range) are not (Fleet's files have no place for their legacy command plan)\(nudge)",
                at: location)
            omitted.append(
                .init(cohort: name, part: "legacy", code: DiagnosticCode.fleetLegacyPartNotExported.rawValue))
        }
        let target = mapping.target(cohort: name, own: syntax?.fleet)
        guard let team = target.team?.value else {
            bag.emit(
                .fleetNoTeam, "cohort '\(name)' names no Fleet team, and Settings' fleet block gives no default",
                at: location, hint: "add 'fleet: {team: …}' to the cohort, or a default team to Settings' fleet block")
            continue
        }
        let declarations = try readDeclarations(of: name, entry, in: source.files)
        guard let activation = declarations.first(where: { $0.declaration.type == Declaration.Kind.activation.type })
        else { throw .unreadable("cohorts/\(name)/ddm/declarations", "the compiled DDM path has no activation") }
        if activation.declaration.payload["Predicate"] != nil {
            bag.emit(
                .fleetActivationPredicate,
                "cohort '\(name)' is activated under a predicate, but Fleet sends configurations in its own "
                    + "activations, scoped by label only", at: location)
            continue
        }
        let listed = Set(activation.declaration.payload["StandardConfigurations"].flatMap(stringArray) ?? [])
        var artifacts: [FleetExportManifest.Artifact] = []
        var profiles: [FleetTeamFile.Profile] = []
        for (declaration, minimumOS) in declarations where listed.contains(declaration.identifier) {
            let path = "\(declarationFolder)/\(declaration.identifier).json"
            let bytes = CanonicalJSON.bytes(
                JSONValue.object([
                    "Type": .string(declaration.type), "Identifier": .string(declaration.identifier),
                    "Payload": .object(declaration.payload),
                ]))
            files.add(path, bytes)
            artifacts.append(.init(path: path, sha256: ContentHash.hex(bytes), minimumOS: minimumOS))
            profiles.append(.init(path: "../\(path)", label: target.label))
        }
        let build = entry.targetBuild.map { " (\($0))" } ?? ""
        teams[team, default: []].append(
            .init(
                cohort: name,
                summary:
                    "policy \(entry.policy), \(entry.targetVersion)\(build) by \(entry.deadline) device local time",
                profiles: profiles))
        exported[name] = .init(
            platform: entry.platform, enrollment: entry.enrollment, policy: entry.policy, team: team, teamFile: "",
            label: target.label, artifacts: artifacts)
    }

    var export = FleetExport(diagnostics: bag.sorted)
    guard !bag.hasErrors else { return export }
    let fileNames = FleetTeamFile.fileNames(for: teams.keys.sorted())
    var teamFiles: [String: String] = [:]
    for (team, cohorts) in teams {
        let path = "fleets/\(fileNames[team] ?? "fleet.yml")"
        teamFiles[team] = path
        files.add(path, text: FleetTeamFile(team: team, cohorts: cohorts).text)
    }
    for (name, cohort) in exported {
        exported[name]?.teamFile = teamFiles[cohort.team] ?? ""
    }
    let manifest = FleetExportManifest(
        formatVersion: FleetExportManifest.currentFormatVersion, generator: OutputMarker.generatorName, export: "fleet",
        moscVersion: ManagedOSVersion.current, now: source.manifest.now, sourceDigest: source.manifest.sourceDigest,
        cohorts: exported, teams: teamFiles, omitted: omitted)
    files.add("manifest.json", CanonicalJSON.bytes(manifest))
    export.tree = files
    export.cohortCount = exported.count
    export.teamCount = teamFiles.count
    return export
}

/// The cohort's compiled declarations, in artifact order, each with the lowest OS it applies to.
private func readDeclarations(of cohort: String, _ entry: OutputManifest.Cohort, in files: OutputTree)
    throws(CompilerError) -> [(declaration: Declaration, minimumOS: String)]
{
    let folder = "cohorts/\(cohort)/ddm/declarations/"
    var declarations: [(declaration: Declaration, minimumOS: String)] = []
    for artifact in entry.artifacts where artifact.path.hasPrefix(folder) {
        guard let bytes = files.files[artifact.path] else {
            throw .unreadable(artifact.path, "the compiled output lists it but does not hold it")
        }
        guard let declaration = try? JSONDecoder().decode(Declaration.self, from: Data(bytes)) else {
            throw .unreadable(artifact.path, "not a DDM declaration")
        }
        declarations.append((declaration, artifact.minimumOS))
    }
    return declarations
}

/// The strings of a JSON array of strings.
private func stringArray(_ value: JSONValue) -> [String]? {
    guard case .array(let items) = value else { return nil }
    return items.compactMap(\.stringValue)
}
