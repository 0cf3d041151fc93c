import MOSBasics
package import MOSDomain
package import MOSOutput
import MOSYAML

/// Builds the command documents of a legacy plan: `{CommandUUID, Command: {RequestType, …}}` property lists.
package struct LegacyCommandBuilder {
    /// The cohort the commands are for: part of every CommandUUID, so two cohorts never share one.
    package var cohort: String
    /// The policy enforcing it.
    package var policy: String
    /// The target version.
    package var targetVersion: String
    /// The target build, when given.
    package var targetBuild: String?
    /// Whether the devices' oldest OS accepts `Updates[].ProductVersion`.
    var productVersionSupported: Bool

    /// One built command.
    package struct Command {
        /// The RequestType.
        package var requestType: String
        /// The whole document.
        package var document: PropertyList
        /// The CommandUUID in it.
        package var commandUUID: String
        /// Set when the document holds a ProductKey placeholder.
        package var productKey: LegacyProductKeySource?
    }

    /// A command with `fields` besides RequestType. The CommandUUID hashes the cohort, the policy, the step, the
    /// command's position and its content, so equal input gives equal UUIDs and nothing random reaches the output.
    package func command(
        _ requestType: String, _ fields: [String: PropertyList] = [:], step: LegacyStep.Name, position: Int,
        productKey: LegacyProductKeySource? = nil
    ) -> Command {
        var body = fields
        body["RequestType"] = .string(requestType)
        let content = PropertyList.dictionary(body).xmlDocument
        let uuid = ContentHash.uuid("legacy|\(policy)|\(cohort)|\(step.rawValue)|\(position)|\(content)")
        let document = PropertyList.dictionary(["CommandUUID": .string(uuid), "Command": .dictionary(body)])
        return Command(requestType: requestType, document: document, commandUUID: uuid, productKey: productKey)
    }

    /// A ScheduleOSUpdate with one `Updates` item: the target by ProductVersion where the devices accept it,
    /// else a ProductKey placeholder the server must replace from the AvailableOSUpdates response.
    package func scheduleOSUpdate(
        _ action: InstallAction, extra: [String: PropertyList] = [:], step: LegacyStep.Name, position: Int
    ) -> Command {
        var item = extra
        item["InstallAction"] = .string(action.rawValue)
        var source: LegacyProductKeySource?
        if productVersionSupported {
            item["ProductVersion"] = .string(targetVersion)
        } else {
            let key = productKeySource
            item["ProductKey"] = .string(key.placeholder)
            source = key
        }
        return command(
            LegacyRequest.scheduleOSUpdate.rawValue, ["Updates": .array([.dictionary(item)])], step: step,
            position: position, productKey: source)
    }

    /// Where the ProductKey comes from, and the placeholder that stands for it: angle brackets and spaces,
    /// which Apple's ProductKeys (e.g. `iOSUpdate21A360`) do not contain, so a device
    /// rejects a command sent unreplaced rather than installing something else.
    var productKeySource: LegacyProductKeySource {
        var match = ["Version": targetVersion]
        var text = "Version \(targetVersion)"
        if let targetBuild {
            match["Build"] = targetBuild
            text += ", Build \(targetBuild)"
        }
        return LegacyProductKeySource(
            from: LegacyRequest.availableOSUpdates.rawValue, match: match,
            placeholder: "<from AvailableOSUpdates: \(text)>")
    }
}
