import MOSBasics
import MOSYAML

/// Gates for the legacy MDM commands (`ScheduleOSUpdate` and friends).
extension SoftwareUpdateGates {
    /// How `platform` supports `request`, or nil when it doesn't (e.g. visionOS, or the scan off macOS).
    public func legacyCommandSupport(_ request: LegacyRequest, platform: Platform) -> LegacyCommandSupport? {
        if let memo = memoized { return memo[platform].legacyCommands[request] }
        guard let item = catalog.command(request.rawValue) else { return nil }
        let row = support(of: item, on: platform)
        guard let introduced = row.introducedVersion else { return nil }
        return LegacyCommandSupport(
            request: request,
            platform: platform,
            introduced: introduced,
            deprecated: row.deprecated,
            removed: row.removed,
            requiresSupervision: row.supervised ?? false,
            userEnrollmentForbidden: row.userEnrollment?.mode == .forbidden,
            row: row)
    }

    /// Each `InstallAction` `platform` accepts, with the lowest OS that accepts it; empty when the platform
    /// has no `ScheduleOSUpdate`. The values come from the schema's `rangelist`, the floors from Apple's prose.
    public func installActions(for platform: Platform) -> [InstallAction: OSVersion] {
        if let memo = memoized { return memo[platform].installActions }
        guard let command = legacyCommandSupport(.scheduleOSUpdate, platform: platform),
            let listed = catalog.command(LegacyRequest.scheduleOSUpdate.rawValue)?
                .key(at: "Updates[].InstallAction")?.rangeList,
            let floors = DocumentedSchemaFacts.installActionFloors[platform.schemaOS]
        else { return [:] }
        var actions: [InstallAction: OSVersion] = [:]
        for name in listed {
            guard let action = InstallAction(rawValue: name), let floor = floors[action] else { continue }
            actions[action] = max(floor, command.introduced)
        }
        return actions
    }

    /// The lowest OS on which a `ScheduleOSUpdate` update item accepts `key` (`MaxUserDeferrals`, `Priority`,
    /// `ProductVersion`, ...), read from the key's `supportedOS`; nil when the platform doesn't accept it.
    public func minimumOS(forScheduleKey key: String, platform: Platform) -> OSVersion? {
        if let memo = memoized { return memo[platform].scheduleKeyFloors[key] ?? nil }
        guard legacyCommandSupport(.scheduleOSUpdate, platform: platform) != nil,
            let schemaKey = catalog.command(LegacyRequest.scheduleOSUpdate.rawValue)?.key(at: "Updates[]." + key)
        else { return nil }
        return schemaKey.support(on: platform.schemaOS).introducedVersion
    }
}
