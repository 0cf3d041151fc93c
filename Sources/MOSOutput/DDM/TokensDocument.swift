/// The `tokens` document (Apple's TokensResponse), also the `Data` of the DeclarativeManagement command.
package struct TokensDocument: Hashable {
    package struct SyncTokens: Hashable {
        package var declarationsToken: String
        package var timestamp: String

        package enum CodingKeys: String, CodingKey {
            case declarationsToken = "DeclarationsToken"
            case timestamp = "Timestamp"
        }

        /// Creates a value from every stored property.
        package init(declarationsToken: String, timestamp: String) {
            self.declarationsToken = declarationsToken
            self.timestamp = timestamp
        }
    }

    package var syncTokens: SyncTokens

    package enum CodingKeys: String, CodingKey {
        case syncTokens = "SyncTokens"
    }

    /// Creates a value from every stored property.
    package init(syncTokens: SyncTokens) {
        self.syncTokens = syncTokens
    }
}
