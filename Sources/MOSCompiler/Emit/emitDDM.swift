import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The files of one cohort's DDM path, with the facts the manifest records.
struct DDMArtifacts {
    /// Files by path relative to the output root, with the oldest OS each applies to.
    package var files: [(path: String, bytes: [UInt8], minimumOS: OSVersion)]
    /// The cohort's DeclarationsToken.
    package var declarationsToken: String
    /// Files that apply only below an OS (activations whose predicate selects older devices), by path.
    package var belowOS: [String: OSVersion] = [:]
}

/// Emits the declarations, the declaration-items and tokens documents, the DeclarativeManagement command and
/// the set file for one cohort's DDM-capable devices, as `ddm` plans them.
func emitDDM(_ plan: CohortPlanIR, _ ddm: DDMPlan, now: Instant) -> DDMArtifacts {
    let cohort = plan.cohort
    let folder = "cohorts/\(cohort.name)/ddm"

    var configurations: [(Declaration, OSVersion)] = ddm.enforcements.map { planned in
        var payload: [String: JSONValue] = [
            "TargetOSVersion": .string(planned.targetOSVersion),
            "TargetLocalDateTime": .string(planned.deadline.wireString),
        ]
        if let build = planned.targetBuild { payload["TargetBuildVersion"] = .string(build) }
        if let url = plan.detailsURL { payload["DetailsURL"] = .string(url) }
        let declaration = Declaration(
            type: Declaration.Kind.enforcement.type, identifier: planned.identifier, payload: payload)
        return (declaration, planned.minimumOS)
    }
    if let settings = ddm.settings {
        let declaration = Declaration(
            type: Declaration.Kind.settings.type, identifier: settings.identifier, payload: settings.payload)
        configurations.append((declaration, settings.minimumOS))
    }
    let activations = ddm.activations.map { planned in
        var payload: [String: JSONValue] = [
            "StandardConfigurations": .array(planned.configurations.sorted().map(JSONValue.string))
        ]
        if let predicate = planned.predicate { payload["Predicate"] = .string(predicate) }
        return (
            Declaration(type: Declaration.Kind.activation.type, identifier: planned.identifier, payload: payload),
            planned
        )
    }

    var files: [(path: String, bytes: [UInt8], minimumOS: OSVersion)] = []
    var belowOS: [String: OSVersion] = [:]
    for (declaration, minimumOS) in configurations + activations.map({ ($0.0, $0.1.minimumOS) }) {
        files.append(
            (
                "\(folder)/declarations/\(declaration.identifier).json", CanonicalJSON.bytes(declaration.jsonValue),
                minimumOS
            ))
    }
    for (declaration, planned) in activations {
        if let below = planned.belowOS { belowOS["\(folder)/declarations/\(declaration.identifier).json"] = below }
    }
    for planned in ddm.enforcements {
        if let below = planned.belowOS { belowOS["\(folder)/declarations/\(planned.identifier).json"] = below }
    }

    let items = DeclarationItems(
        activations: activations.map { DeclarationItems.Item($0.0) }.sorted { $0.identifier < $1.identifier },
        configurations: configurations.map { DeclarationItems.Item($0.0) }.sorted { $0.identifier < $1.identifier })
    let token = items.declarationsToken
    let floor = cohort.lowestDDMVersion
    files.append(
        ("\(folder)/declaration-items.json", CanonicalJSON.bytes(items.document(token: token).jsonValue), floor))
    let tokens = TokensDocument(syncTokens: .init(declarationsToken: token, timestamp: now.iso8601))
    let tokensJSON = CanonicalJSON.bytes(tokens.jsonValue)
    files.append(("\(folder)/tokens.json", Array(tokensJSON), floor))

    // The command carries the compact tokens document, as the device would fetch it from the tokens endpoint.
    let commandData = CanonicalJSON.compactBytes(tokens.jsonValue)
    let command = PropertyList.dictionary([
        "CommandUUID": .string(ContentHash.uuid("ddm|\(cohort.name)|\(String(decoding: commandData, as: UTF8.self))")),
        "Command": .dictionary(["RequestType": .string("DeclarativeManagement"), "Data": .data(commandData)]),
    ])
    files.append(("\(folder)/declarative-management.plist", command.xmlBytes, floor))

    let identifiers = (configurations.map(\.0.identifier) + activations.map(\.0.identifier)).sorted()
    files.append(("\(folder)/set.txt", Array((identifiers.joined(separator: "\n") + "\n").utf8), floor))
    return DDMArtifacts(files: files, declarationsToken: token, belowOS: belowOS)
}
