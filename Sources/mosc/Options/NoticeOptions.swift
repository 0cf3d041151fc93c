import ArgumentParser
import ManagedOS

/// `--minimum-notice`: the notice window of `diff` and `timeline`, instead of the policies' Settings.
struct NoticeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The notice window before each deadline, e.g. 72h or 3d; 0m switches the notice check off.",
            discussion: "Default: minimumNotice of the (head) policies' Settings, else 72h.",
            valueName: "duration"))
    var minimumNotice: String?

    func validate() throws {
        if let minimumNotice, seconds(minimumNotice) == nil {
            throw ValidationError("--minimum-notice '\(minimumNotice)' is not a duration such as 72h, 3d or 1d12h")
        }
    }

    /// The window in seconds, when given.
    var minimumNoticeSeconds: Int64? { minimumNotice.flatMap(seconds) }

    private func seconds(_ text: String) -> Int64? {
        guard case .success(let notice) = MinimumNotice.parse(text) else { return nil }
        return notice.seconds
    }
}
