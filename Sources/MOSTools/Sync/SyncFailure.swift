import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// Why a sync stopped before or while writing.
public enum SyncFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A bad option or URL (exit 64).
    case usage(String)
    /// The server failed or refused a request after retries (exit 2).
    case request(SyncRequestError)
    /// A file sync needs cannot be read or written: the compiled output, the state record (exit 2).
    case unreadable(String)
    /// A safety check refused the sync before any write (exit 4).
    case refused(String)

    /// The message, never holding the API key.
    public var description: String {
        switch self {
        case .usage(let message), .unreadable(let message), .refused(let message): message
        case .request(let error): error.description
        }
    }
}
