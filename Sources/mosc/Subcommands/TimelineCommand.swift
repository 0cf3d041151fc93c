import ArgumentParser
import ManagedOS

/// The output formats of `mosc timeline`.
enum TimelineFormat: String, ExpressibleByArgument, CaseIterable {
    case mermaid, svg, html
}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Draw a rollout: per cohort, by policy and ring, its release-to-deadline span and deadline.",
        discussion: """
            PATH is a policy folder (compiled in memory), a compiled output folder or git:REV[:path], as for \
            'mosc diff'. Formats: mermaid (default; a gantt chart GitHub and GitLab render), svg (a \
            self-contained picture), html (a self-contained page with the picture and a table). The output goes \
            to stdout and is byte-identical for the same input and --now. Each cohort's bar runs from its \
            target's release (from the catalog the policies were compiled with) to its deadline; when the release \
            date is unknown (a compiled folder, or an unknown date in the catalog) the bar is the notice window, \
            minimumNotice before the deadline. A line marks --now; deadlines passed at --now (for devices at \
            UTC+14, the first to reach them) are drawn as done.
            Exit status: 0 success, 1 the policies have errors, 2 I/O failure, a bad revision or an unreadable \
            manifest, 64 usage error.
            """
    )

    @Argument(help: "A policy folder, a compiled output folder or git:REV[:path]. Default: the current folder.")
    var path: String = "."

    @Option(help: "Output format: mermaid, svg or html.")
    var format: TimelineFormat = .mermaid

    @OptionGroup var diagnosticOptions: DiagnosticOptions
    @OptionGroup var clock: ClockOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var notice: NoticeOptions

    func run() throws {
        let now = try clock.resolve()
        let load = try reportingFailures {
            let loader = CompiledSideLoader(options: try catalogOptions.options(now: now))
            return try loader.load(CompiledSideSpec.parse(path))
        }
        guard case .loaded(let side) = load else {
            if case .invalid(_, let diagnostics) = load {
                let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
                StandardStreams.err(TextRenderer(colored: colored).render(diagnosticOptions.finalize(diagnostics)))
            }
            throw ExitStatus.inputErrors
        }
        let timeline = RolloutTimeline(side, minimumNoticeSeconds: notice.minimumNoticeSeconds, now: now)
        switch format {
        case .mermaid: StandardStreams.out(timeline.mermaid)
        case .svg: StandardStreams.out(timeline.svg)
        case .html: StandardStreams.out(timeline.html)
        }
    }
}
