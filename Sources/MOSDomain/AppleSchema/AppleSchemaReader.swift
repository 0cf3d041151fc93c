import MOSBasics
import MOSYAML

/// Reads one Apple schema YAML file (`docs/schema.md` format) into a `SchemaItem`.
///
/// Fields mosc doesn't model are skipped, so a refreshed schema with new fields still reads. A field it does
/// model but can't understand becomes an `AppleSchemaProblem` and is left out; nothing here traps.
struct AppleSchemaReader {
    /// The problems found so far.
    package private(set) var problems: [AppleSchemaProblem] = []
    /// The file's run: what the tree's marks refer to.
    var sources = SourceTable()

    /// Parses `file` with the project's YAML composer and reads the single document in it.
    package static func read(_ file: SourceFile) -> (item: SchemaItem?, problems: [AppleSchemaProblem]) {
        var reader = AppleSchemaReader()
        var file = file
        if file.contents.contains(UInt8(ascii: "&")) {
            // Apple's files may share subtrees through anchors, which the composer refuses; lines after an
            // expanded alias report locations in the expanded text.
            let limit = InputLimits.defaults.maxFileBytes
            guard
                let expanded = SchemaAnchorExpander.expand(String(decoding: file.contents, as: UTF8.self), limit: limit)
            else {
                reader.report("expanding YAML aliases exceeds \(limit) bytes", at: SourceLocation(file: file.path))
                return (nil, reader.problems)
            }
            file = SourceFile(path: file.path, text: expanded)
        }
        var bag = DiagnosticBag()
        let documents = YAMLComposer().compose(file, diagnostics: &bag)
        reader.sources = bag.sources
        for diagnostic in bag.diagnostics {
            reader.report(
                "\(diagnostic.message) [\(diagnostic.code.rawValue)]",
                at: diagnostic.location ?? SourceLocation(file: file.path))
        }
        guard documents.count == 1, let root = documents.first?.root else {
            reader.report("expected one YAML document, found \(documents.count)", at: SourceLocation(file: file.path))
            return (nil, reader.problems)
        }
        let item = reader.item(from: root, file: file.path)
        return (item, reader.problems)
    }

    package mutating func report(_ message: String, at location: SourceLocation) {
        problems.append(AppleSchemaProblem(message, at: location))
    }

    /// Reports a problem at a place in the file.
    package mutating func report(_ message: String, at mark: SourceMark) {
        report(message, at: sources.location(mark))
    }

    // MARK: Item

    private static let identifierFields: [(String, SchemaItem.Kind)] = [
        ("declarationtype", .declaration), ("requesttype", .command), ("statusitemtype", .statusItem),
        ("payloadtype", .profile),
    ]

    package mutating func item(from root: YAMLNode, file: String) -> SchemaItem? {
        guard let top = mapping(root, "the file") else { return nil }
        guard let payloadNode = top["payload"], let payload = mapping(payloadNode, "'payload'") else {
            report("missing 'payload'", at: root.location)
            return nil
        }
        guard let (field, kind) = Self.identifierFields.first(where: { payload[$0.0] != nil }),
            let identifierNode = payload[field], let identifier = text(identifierNode, "'\(field)'")
        else {
            report("'payload' names no declarationtype, requesttype or statusitemtype", at: payloadNode.location)
            return nil
        }
        let support = payload["supportedOS"].map { supportedOS($0) } ?? [:]
        return SchemaItem(
            kind: kind,
            identifier: identifier,
            title: top["title"].flatMap { text($0, "'title'") },
            apply: payload["apply"].flatMap { text($0, "'apply'") },
            support: support,
            payloadKeys: keys(top["payloadkeys"], parentPath: nil, parentIsArray: false, inherited: support),
            responseKeys: keys(top["responsekeys"], parentPath: nil, parentIsArray: false, inherited: support),
            relatedStatusItems: relatedStatusItems(top["related-status-items"]),
            reasons: reasons(top["reasons"]),
            file: file)
    }

    private mutating func relatedStatusItems(_ node: YAMLNode?) -> [String] {
        guard let node, let groups = sequence(node, "'related-status-items'") else { return [] }
        return groups.flatMap { group -> [String] in
            guard let fields = mapping(group, "a related-status-items entry"), let names = fields["status-items"]
            else { return [] }
            return strings(names, "'status-items'") ?? []
        }
    }

    private mutating func reasons(_ node: YAMLNode?) -> [String] {
        guard let node, let entries = sequence(node, "'reasons'") else { return [] }
        return entries.compactMap { entry in
            mapping(entry, "a reason")?["value"].flatMap { text($0, "a reason's 'value'") }
        }
    }

    // MARK: Keys

    private mutating func keys(
        _ node: YAMLNode?, parentPath: String?, parentIsArray: Bool, inherited: [SchemaOS: OSSupport]
    ) -> [SchemaKey] {
        guard let node, let entries = sequence(node, "a key list") else { return [] }
        return entries.compactMap {
            key($0, parentPath: parentPath, parentIsArray: parentIsArray, inherited: inherited)
        }
    }

    private mutating func key(
        _ node: YAMLNode, parentPath: String?, parentIsArray: Bool, inherited: [SchemaOS: OSSupport]
    ) -> SchemaKey? {
        guard let fields = mapping(node, "a key") else { return nil }
        guard let nameNode = fields["key"], let name = text(nameNode, "'key'") else {
            report("a key has no 'key' name", at: node.location)
            return nil
        }
        let path: String
        if let parentPath {
            path = parentIsArray ? parentPath + "[]" : parentPath + "." + name
        } else {
            path = name
        }
        guard let typeNode = fields["type"], let typeText = text(typeNode, "'type'") else {
            report("key '\(path)' has no 'type'", at: node.location)
            return nil
        }
        guard let type = SchemaValueType(rawValue: typeText) else {
            report("key '\(path)' has unknown type '\(typeText)'", at: typeNode.location)
            return nil
        }
        var presence = SchemaPresence.optional
        if let presenceNode = fields["presence"], let presenceText = text(presenceNode, "'presence'") {
            if let parsed = SchemaPresence(rawValue: presenceText) {
                presence = parsed
            } else {
                report("key '\(path)' has unknown presence '\(presenceText)'", at: presenceNode.location)
            }
        }
        let own = fields["supportedOS"].map { supportedOS($0) } ?? [:]
        var resolved = inherited
        for (os, row) in own { resolved[os] = (inherited[os] ?? OSSupport()).overlaid(with: row) }
        return SchemaKey(
            name: name,
            path: path,
            title: fields["title"].flatMap { text($0, "'title'") },
            type: type,
            valueType: (fields["valuetype"] ?? fields["subtype"]).flatMap { text($0, "'valuetype'") },
            presence: presence,
            rangeList: fields["rangelist"].flatMap { strings($0, "'rangelist'") },
            range: fields["range"].flatMap { range($0) },
            defaultValue: fields["default"].flatMap { text($0, "'default'") },
            format: fields["format"].flatMap { text($0, "'format'") },
            combineType: fields["combinetype"].flatMap { text($0, "'combinetype'") },
            content: fields["content"].flatMap { text($0, "'content'") },
            support: resolved,
            ownSupport: own,
            subkeys: keys(fields["subkeys"], parentPath: path, parentIsArray: type == .array, inherited: resolved),
            location: sources.location(node.location))
    }

    private mutating func range(_ node: YAMLNode) -> SchemaRange? {
        guard let fields = mapping(node, "'range'") else { return nil }
        var bounds: [Double?] = []
        for name in ["min", "max"] {
            guard let boundNode = fields[name] else {
                bounds.append(nil)
                continue
            }
            guard let boundText = text(boundNode, "'\(name)'"), let value = Double(boundText) else {
                report("range '\(name)' is not a number", at: boundNode.location)
                return nil
            }
            bounds.append(value)
        }
        return SchemaRange(min: bounds[0], max: bounds[1])
    }
}

/// A schema mapping's pairs, looked up by key (first occurrence; the composer reports duplicates).
struct SchemaFields {
    package let pairs: [YAMLNode.Pair]

    subscript(_ key: String) -> YAMLNode? { pairs.first { $0.key.scalarText == key }?.value }
}
