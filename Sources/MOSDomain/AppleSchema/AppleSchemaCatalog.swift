public import MOSBasics
import MOSYAML

/// The parsed schema items, looked up by kind and identifier, plus any problems met while reading them.
public struct AppleSchemaCatalog: Sendable {
    /// Every item read, in file order.
    public let items: [SchemaItem]
    /// Problems in the files; empty for the bundled data (a test checks this).
    public let problems: [AppleSchemaProblem]
    private let index: [Lookup: Int]

    private struct Lookup: Hashable {
        package var kind: SchemaItem.Kind
        package var identifier: String
    }

    /// The bundled schema, parsed once on first use (a `static let` is initialised lazily and thread-safely).
    public static let bundled = AppleSchemaCatalog(files: AppleSchemaData.files)

    /// Reads `files`; a file that can't be read is left out and its problems are kept.
    public init(files: [SourceFile]) {
        var items: [SchemaItem] = []
        var problems: [AppleSchemaProblem] = []
        var index: [Lookup: Int] = [:]
        for file in files {
            let (item, fileProblems) = AppleSchemaReader.read(file)
            problems += fileProblems
            guard let item else { continue }
            let lookup = Lookup(kind: item.kind, identifier: item.identifier)
            if index[lookup] != nil {
                problems.append(
                    AppleSchemaProblem(
                        "\(item.kind.rawValue) '\(item.identifier)' is defined twice",
                        at: SourceLocation(file: file.path)))
                continue
            }
            index[lookup] = items.count
            items.append(item)
        }
        self.items = items
        self.problems = problems
        self.index = index
    }

    /// The item of `kind` named `identifier`.
    public func item(_ kind: SchemaItem.Kind, _ identifier: String) -> SchemaItem? {
        index[Lookup(kind: kind, identifier: identifier)].map { items[$0] }
    }

    /// The declaration whose `Type` is `type`, e.g. `com.apple.configuration.softwareupdate.settings`.
    public func declaration(_ type: String) -> SchemaItem? { item(.declaration, type) }

    /// The MDM command whose `RequestType` is `requestType`.
    public func command(_ requestType: String) -> SchemaItem? { item(.command, requestType) }

    /// The status item named `name`, e.g. `softwareupdate.install-state`.
    public func statusItem(_ name: String) -> SchemaItem? { item(.statusItem, name) }
}
