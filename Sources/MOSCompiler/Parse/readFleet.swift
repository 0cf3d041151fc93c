import MOSBasics
import MOSYAML

extension NodeReader {
    /// Settings' `fleet: {team, cohorts: {<cohort>: {team, label}}}`.
    mutating func fleetSettings(_ node: Node, at location: SourceMark) -> FleetSettingsSyntax? {
        guard let map = mapping(node, context: "fleet", allowed: DocumentKeys.fleetSettings) else { return nil }
        var fleet = FleetSettingsSyntax(location: location)
        fleet.team = map["team"].flatMap { string($0, context: "fleet.team") }
        guard let cohortsNode = map["cohorts"] else { return fleet }
        guard tree.kind(cohortsNode) == .mapping else {
            wrongType(cohortsNode, expected: "a mapping from cohort names to {team, label}", context: "fleet.cohorts")
            return fleet
        }
        for index in 0..<tree.pairCount(cohortsNode) {
            // Keys are cohort names, not language keys: read as strings, and checked against the cohorts later.
            guard let name = string(tree.key(cohortsNode, index), context: "a fleet.cohorts key") else { continue }
            let value = tree.value(cohortsNode, index)
            guard
                let target = fleetTarget(
                    value, at: name.location, context: "fleet.cohorts.\(name.value)")
            else { continue }
            fleet.cohorts.append(.init(cohort: name, target: target))
        }
        return fleet
    }

    /// `{team, label}`, on a Cohort or under Settings' `fleet.cohorts`.
    mutating func fleetTarget(_ node: Node, at location: SourceMark, context: String) -> FleetTargetSyntax? {
        guard let map = mapping(node, context: context, allowed: DocumentKeys.fleetTarget) else { return nil }
        return FleetTargetSyntax(
            location: location,
            team: map["team"].flatMap { string($0, context: "\(context).team") },
            label: map["label"].flatMap { string($0, context: "\(context).label") })
    }
}
