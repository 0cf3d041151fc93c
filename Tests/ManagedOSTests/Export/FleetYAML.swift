import ManagedOS
import Testing

/// A YAML file read back with mosc's own libyaml reader, for checking what the export wrote.
struct FleetYAML {
    /// The text as written.
    let text: String
    /// The first document's root.
    let root: YAMLNode

    init(_ bytes: [UInt8], path: String) throws {
        var diagnostics = DiagnosticBag()
        let documents = YAMLComposer().compose(SourceFile(path: path, contents: bytes), diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty, "\(path): \(diagnostics.diagnostics.map(\.message))")
        text = String(decoding: bytes, as: UTF8.self)
        root = try #require(documents.first?.root, "\(path) holds no document")
    }

    /// The node at a path of mapping keys.
    func node(at keys: [String]) -> YAMLNode? {
        var node = root
        for key in keys {
            guard case .mapping(let pairs) = node.content,
                let next = pairs.first(where: { $0.key.scalarText == key })?.value
            else { return nil }
            node = next
        }
        return node
    }

    /// The scalar text at a path of mapping keys.
    func scalar(at keys: [String]) -> String? { node(at: keys)?.scalarText }

    /// `controls.apple_settings.configuration_profiles` as (path, label) pairs, one label each.
    var profiles: [(path: String, label: String)] {
        guard case .sequence(let items)? = node(at: ["controls", "apple_settings", "configuration_profiles"])?.content
        else { return [] }
        return items.compactMap { item in
            let entry = FleetYAML(root: item, text: "")
            guard let path = entry.scalar(at: ["path"]),
                case .sequence(let labels)? = entry.node(at: ["labels_include_any"])?.content
            else { return nil }
            return labels.compactMap(\.scalarText).map { (path, $0) }.first
        }
    }

    /// Every path of keys in the document, sequences written as `[]` (`a.b[].c`).
    var keyPaths: Set<String> {
        var paths: Set<String> = []
        func walk(_ node: YAMLNode, _ prefix: String) {
            switch node.content {
            case .scalar: return
            case .sequence(let items): for item in items { walk(item, prefix + "[]") }
            case .mapping(let pairs):
                for pair in pairs {
                    let path = (prefix.isEmpty ? "" : prefix + ".") + (pair.key.scalarText ?? "?")
                    paths.insert(path)
                    walk(pair.value, path)
                }
            }
        }
        walk(root, "")
        return paths
    }

    private init(root: YAMLNode, text: String) {
        self.root = root
        self.text = text
    }
}
