// The DDM documents' trees, with Apple's key names as their `CodingKeys` spell them (`Declaration`'s are also
// what its synthesized `Decodable` reads).

import MOSBasics
import MOSDomain

extension Declaration: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            CodingKeys.type.rawValue: .string(type), CodingKeys.identifier.rawValue: .string(identifier),
            CodingKeys.serverToken.rawValue: .string(serverToken), CodingKeys.payload.rawValue: .object(payload),
        ])
    }
}

extension DeclarationItems.Item: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            CodingKeys.identifier.rawValue: .string(identifier), CodingKeys.serverToken.rawValue: .string(serverToken),
        ])
    }
}

extension DeclarationItems.Document: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            CodingKeys.declarations.rawValue: declarations.jsonValue,
            CodingKeys.declarationsToken.rawValue: .string(declarationsToken),
        ])
    }
}

extension DeclarationItems.Document.Declarations: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            CodingKeys.activations.rawValue: activations.jsonValue,
            CodingKeys.configurations.rawValue: configurations.jsonValue,
            CodingKeys.assets.rawValue: assets.jsonValue, CodingKeys.management.rawValue: management.jsonValue,
        ])
    }
}

extension TokensDocument: JSONValueConvertible {
    package var jsonValue: JSONValue { .object([CodingKeys.syncTokens.rawValue: syncTokens.jsonValue]) }
}

extension TokensDocument.SyncTokens: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            CodingKeys.declarationsToken.rawValue: .string(declarationsToken),
            CodingKeys.timestamp.rawValue: .string(timestamp),
        ])
    }
}
