import MOSBasics
import MOSYAML

/// Per-key gates of the settings declaration, read straight from `softwareupdate.settings.yaml`.
extension SoftwareUpdateGates {
    /// Every settings key (nested ones by dotted path), depth first in schema order.
    public var settingsKeys: [SettingsKeyGate] {
        guard let settings else { return [] }
        return settings.allPayloadKeys.map { gate(for: $0, in: settings) }
    }

    /// The settings key at `path`, e.g. `Deferrals.CombinedPeriodInDays`.
    public func settingsKey(_ path: String) -> SettingsKeyGate? {
        if let memo = memoized { return memo.settingsKeys[path] }
        guard let settings, let key = settings.key(at: path) else { return nil }
        return gate(for: key, in: settings)
    }

    private func gate(for key: SchemaKey, in settings: SchemaItem) -> SettingsKeyGate {
        var availability: [Platform: KeyAvailability] = [:]
        for platform in Platform.allCases {
            let payloadRow = settings.support(on: platform.schemaOS)
            let keyRow = NewerSchemaFacts.support(of: key, in: settings.identifier, on: platform.schemaOS)
            if payloadRow.isAvailable {
                if let since = keyRow.introducedVersion {
                    let enrollments = keyRow.allowedEnrollments ?? payloadRow.allowedEnrollments ?? []
                    availability[platform] = .available(since: since, enrollments: enrollments)
                } else {
                    availability[platform] = .unavailable
                }
            } else if support(of: settings, on: platform).isAvailable {
                availability[platform] = .notInPinnedSchema
            } else {
                availability[platform] = .unavailable
            }
        }
        return SettingsKeyGate(key: key, availability: availability)
    }
}
