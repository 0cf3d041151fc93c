import MOSBasics
import MOSYAML

/// Facts Apple published after the pinned schema (18.1), consulted only where the pinned schema is silent
/// or says `n/a`. When a refreshed schema states a fact itself, delete its row here (a test lists such rows).
///
/// Sources (see `../shared/apple-device-management/SUMMARY.md` §9):
/// - [A] developer.apple.com pages for `SoftwareUpdateEnforcementSpecific` and `SoftwareUpdateSettings`:
///   availability tvOS 18.4 and visionOS 26.0.
/// - [B] the newer `release` copy of `softwareupdate.settings.yaml`: tvOS `introduced: '18.4'`, visionOS
///   `introduced: '26.0'`, allowed enrollments supervised and device, system scope. The enforcement
///   configuration's enrollments on tvOS/visionOS are assumed to match (not verified).
/// - [C] apple/device-management commit 0a4527c5: `system.update.schedule.yaml` `deprecated: '26.0'`;
///   commit 97a11a86: `removed: '27.0'`; the 27.0 `CHANGES.md` (commit 255d4a2d) lists all four
///   `system.update.*` commands as removed, so the same dates are applied to them.
/// - [D] developer.apple.com page for the settings declaration's `Beta` object: availability macOS 15.4 (the
///   pinned 18.1 YAML says macOS n/a); enrollments as the payload (supervised).
enum NewerSchemaFacts {
    /// One fact: the OS row fields it adds for an item.
    struct Fact: Sendable {
        package var kind: SchemaItem.Kind
        package var identifier: String
        package var os: SchemaOS
        package var support: OSSupport
        package var source: String
    }

    package static let enforcement = "com.apple.configuration.softwareupdate.enforcement.specific"
    package static let settings = "com.apple.configuration.softwareupdate.settings"

    package static let facts: [Fact] = {
        let newPlatforms: [(SchemaOS, OSVersion)] = [(.tvOS, OSVersion(18, 4)), (.visionOS, OSVersion(26, 0))]
        var facts: [Fact] = []
        for (os, version) in newPlatforms {
            for (type, source) in [(enforcement, "[A]"), (settings, "[A] [B]")] {
                let row = OSSupport(
                    introduced: .version(version), allowedEnrollments: [.supervised, .device], allowedScopes: ["system"]
                )
                facts.append(Fact(kind: .declaration, identifier: type, os: os, support: row, source: source))
            }
        }
        // Only where the command exists (iOS, macOS, tvOS; the scan is macOS only); `filled(from:)` would
        // otherwise leave the removal on an n/a row, which is harmless but misleading.
        let commands: [(LegacyRequest, [SchemaOS])] = [
            (.scheduleOSUpdate, [.iOS, .macOS, .tvOS]), (.scheduleOSUpdateScan, [.macOS]),
            (.availableOSUpdates, [.iOS, .macOS, .tvOS]), (.osUpdateStatus, [.iOS, .macOS, .tvOS]),
        ]
        for (request, systems) in commands {
            for os in systems {
                let row = OSSupport(deprecated: OSVersion(26, 0), removed: OSVersion(27, 0))
                facts.append(Fact(kind: .command, identifier: request.rawValue, os: os, support: row, source: "[C]"))
            }
        }
        return facts
    }()

    /// One fact about a key of a declaration: the OS row fields it adds for the key and every key below it.
    struct KeyFact: Sendable {
        var declaration: String
        var path: String
        var os: SchemaOS
        var support: OSSupport
        var source: String

        /// Whether the fact covers the key at `path` (the key itself or one nested in it).
        func covers(_ path: String) -> Bool { path == self.path || path.hasPrefix(self.path + ".") }
    }

    static let keyFacts: [KeyFact] = [
        KeyFact(
            declaration: settings, path: "Beta", os: .macOS, support: OSSupport(introduced: .version(OSVersion(15, 4))),
            source: "[D]")
    ]

    /// The key's row for `os` in declaration `declaration`, with gaps filled from `keyFacts`.
    static func support(of key: SchemaKey, in declaration: String, on os: SchemaOS) -> OSSupport {
        var row = key.support(on: os)
        for fact in keyFacts where fact.declaration == declaration && fact.os == os && fact.covers(key.path) {
            row = row.filled(from: fact.support)
        }
        return row
    }

    /// The schema's row for `os`, with gaps filled from the facts above.
    package static func support(of item: SchemaItem, on os: SchemaOS) -> OSSupport {
        var row = item.support(on: os)
        for fact in facts where fact.kind == item.kind && fact.identifier == item.identifier && fact.os == os {
            row = row.filled(from: fact.support)
        }
        return row
    }

    /// Key facts the catalog's schema already states; they can be deleted.
    static func redundantKeyFacts(in catalog: AppleSchemaCatalog) -> [KeyFact] {
        keyFacts.filter { fact in
            catalog.declaration(fact.declaration)?.key(at: fact.path)?.support(on: fact.os).isAvailable ?? false
        }
    }

    /// Facts the catalog's schema already states (a refreshed schema); they can be deleted.
    static func redundantFacts(in catalog: AppleSchemaCatalog) -> [Fact] {
        facts.filter { fact in
            guard let row = catalog.item(fact.kind, fact.identifier)?.support[fact.os] else { return false }
            if fact.support.introduced != nil, row.isAvailable { return true }
            if fact.support.deprecated != nil, row.deprecated != nil { return true }
            if fact.support.removed != nil, row.removed != nil { return true }
            return false
        }
    }
}
