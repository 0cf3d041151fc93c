import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

extension NodeReader {
    /// Reads a policy's `settings:` block into Apple's key paths and JSON shapes.
    mutating func updateSettings(_ node: Node, at location: SourceMark) -> UpdateSettingsSyntax? {
        var settings = UpdateSettingsSyntax(location: location)
        readSettingsGroup(node, keys: UpdateSettingsKeys.root, path: "", applePath: "", into: &settings)
        return settings
    }

    private mutating func readSettingsGroup(
        _ node: Node, keys: [(name: String, key: UpdateSettingsKeys.Key)], path: String, applePath: String,
        into settings: inout UpdateSettingsSyntax
    ) {
        let context = path.isEmpty ? "settings" : "settings.\(path)"
        let allowed = UpdateSettingsKeys.keySets[path] ?? KeySet(keys.map(\.name))
        guard let map = mapping(node, context: context, allowed: allowed) else { return }
        for (name, key) in keys {
            guard let value = map[name] else { continue }
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            let childApple = applePath.isEmpty ? key.apple : "\(applePath).\(key.apple)"
            let childContext = "settings.\(childPath)"
            let read: SettingValue?
            switch key.shape {
            case .bool: read = bool(value, context: childContext).map { .bool($0.value) }
            case .integer: read = integer(value, context: childContext, range: 0...100_000).map { .integer($0.value) }
            case .string: read = string(value, context: childContext).map { .string($0.value) }
            case .program: read = program(value, context: childContext)
            case .programList:
                read = sequence(value, context: childContext).map { items in
                    .array(items.compactMap { program($0, context: "an item of \(childContext)") })
                }
            case .group(let children):
                readSettingsGroup(value, keys: children, path: childPath, applePath: childApple, into: &settings)
                continue
            }
            if let read {
                settings.entries.append(
                    .init(path: childPath, applePath: childApple, value: read, location: location(value)))
            }
        }
    }

    private mutating func program(_ node: Node, context: String) -> SettingValue? {
        let names = UpdateSettingsKeys.programKeys
        guard let map = mapping(node, context: context, allowed: names, required: names.names) else { return nil }
        var object: [String: SettingValue] = [:]
        for (name, apple) in UpdateSettingsKeys.program {
            guard let value = map[name].flatMap({ string($0, context: "\(context).\(name)") }) else { return nil }
            object[apple] = .string(value.value)
        }
        return .object(object)
    }
}
