import MOSBasics

/// The `declaration-items` document (Apple's DeclarationItemsResponse).
package struct DeclarationItems {
    package struct Item: Hashable {
        package var identifier: String
        package var serverToken: String

        package init(_ declaration: Declaration) {
            identifier = declaration.identifier
            serverToken = declaration.serverToken
        }

        package enum CodingKeys: String, CodingKey {
            case identifier = "Identifier"
            case serverToken = "ServerToken"
        }
    }

    package var activations: [Item]
    package var configurations: [Item]

    /// A hash of the sorted (Identifier, ServerToken) pairs: changes exactly when some declaration does.
    package var declarationsToken: String {
        let pairs = (activations + configurations).map { "\($0.identifier)\u{0}\($0.serverToken)" }.sorted()
        return ContentHash.hex(pairs.joined(separator: "\n"))
    }

    package struct Document: Hashable {
        package struct Declarations: Hashable {
            package var activations: [Item]
            package var configurations: [Item]
            package var assets: [Item] = []
            package var management: [Item] = []

            package enum CodingKeys: String, CodingKey {
                case activations = "Activations"
                case configurations = "Configurations"
                case assets = "Assets"
                case management = "Management"
            }
        }

        package var declarations: Declarations
        package var declarationsToken: String

        package enum CodingKeys: String, CodingKey {
            case declarations = "Declarations"
            case declarationsToken = "DeclarationsToken"
        }
    }

    package func document(token: String) -> Document {
        Document(
            declarations: .init(activations: activations, configurations: configurations), declarationsToken: token)
    }

    /// Creates a value from every stored property.
    package init(activations: [Item], configurations: [Item]) {
        self.activations = activations
        self.configurations = configurations
    }
}
