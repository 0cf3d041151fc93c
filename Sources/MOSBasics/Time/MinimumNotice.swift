/// The `minimumNotice` setting: a duration, or zero (`0m`, `0h`, `0d`) to switch the short-notice warnings off.
/// `validate` (MOS222) and `diff` (MOS602) both read it through here, so they agree on what a value means.
public enum MinimumNotice: Hashable, Sendable {
    /// Warn when a deadline leaves less notice than this.
    case atLeast(DurationSpec)
    /// No short-notice warnings.
    case off

    /// The notice in seconds; 0 when off.
    public var seconds: Int64 {
        switch self {
        case .atLeast(let duration): duration.seconds
        case .off: 0
        }
    }

    /// Parses the setting; a failure carries the reason, as `DurationSpec.parse` gives it.
    public static func parse(_ text: String) -> Result<MinimumNotice, MinimumNoticeError> {
        if ["0m", "0h", "0d"].contains(text) { return .success(.off) }
        switch DurationSpec.parse(text) {
        case .valid(let duration): return .success(.atLeast(duration))
        case .invalid(let reason): return .failure(MinimumNoticeError(reason: reason))
        }
    }
}

/// Why a `minimumNotice` value does not parse.
public struct MinimumNoticeError: Error, Hashable, Sendable {
    /// The reason, lowercase, no trailing period.
    public var reason: String
}
