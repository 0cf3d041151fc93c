import ArgumentParser
import ManagedOS

/// The output formats of `mosc diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a policy change does to devices: per cohort, before and after, with risk flags.",
        discussion: """
            Each side is a policy folder (compiled in memory with the same --now and catalog), a compiled output \
            folder (it holds manifest.json), or git:REV / git:REV:path, read from git's object store without \
            touching the working tree (the path is relative to the repository's top level; git:REV alone takes \
            the other side's folder). With --base REV the base is the merge-base of HEAD and REV at PATH's \
            folder, the head is the working tree at PATH (default: the current folder).
            The comparison is semantic: cohorts added and removed, the target, build and deadline, each \
            declaration's payload, the legacy plan's zone, install action and step instants, and which \
            DeclarationsTokens and ServerTokens change (which devices re-sync). Risk flags (MOS601-MOS606) point \
            at the policy line where they can. Formats: text (default), markdown (a pull-request comment with a \
            Mermaid chart), json (documented in specs/diff.md); all go to stdout.
            Exit status: 0 success (differences are not an error); 1 --exit-code and the sides differ; 2 I/O \
            failure, a bad revision, or an unreadable or too new manifest; 3 a side does not validate (its \
            diagnostics go to stderr) or an error-level risk flag; 64 usage error.
            """
    )

    @Argument(help: ArgumentHelp("BASE HEAD, or only PATH with --base.", valueName: "side"))
    var sides: [String] = []

    @Option(
        help: ArgumentHelp("Compare the merge-base of HEAD and this revision with the working tree.", valueName: "rev"))
    var base: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: DiffFormat = .text

    @Flag(help: "Exit 1 when the sides differ (like git diff --exit-code).")
    var exitCode = false

    @OptionGroup var diagnosticOptions: DiagnosticOptions
    @OptionGroup var clock: ClockOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var notice: NoticeOptions

    func validate() throws {
        if base != nil {
            guard sides.count <= 1 else { throw ValidationError("with --base, give at most one PATH") }
        } else if sides.count != 2 {
            throw ValidationError("give two sides, BASE and HEAD, or --base REV [PATH]")
        }
    }

    func run() throws {
        let now = try clock.resolve()
        let (baseSpec, headSpec) = sideSpecs()
        var loaded: [CompiledSide] = []
        var broken = false
        let failureDocument: ((String) -> Void)? =
            format == .json
            ? { StandardStreams.out(FailureDocument(formatVersion: RolloutDiff.currentFormatVersion, error: $0).json) }
            : nil
        try reportingFailures(alsoTo: failureDocument) {
            let loader = CompiledSideLoader(options: try catalogOptions.options(now: now))
            for (role, spec, other) in [("base", baseSpec, headSpec), ("head", headSpec, baseSpec)] {
                switch try loader.load(spec, other: other) {
                case .loaded(let side):
                    loaded.append(side)
                case .invalid(let label, let diagnostics):
                    broken = true
                    let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
                    StandardStreams.err("mosc: error: the \(role) side '\(label)' does not validate:\n")
                    StandardStreams.err(TextRenderer(colored: colored).render(diagnostics))
                }
            }
        }
        guard !broken, loaded.count == 2 else { throw ExitStatus.broken }
        // Each side says which catalog decided it; one of each kind is enough for the run.
        var said: Set<DiagnosticCode> = []
        let catalogNotes = loaded.flatMap(\.catalogDiagnostics).filter { said.insert($0.code).inserted }
        if !catalogNotes.isEmpty {
            let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
            StandardStreams.err(TextRenderer(colored: colored).render(catalogNotes))
        }
        var diff = Compiler.diff(
            loaded[0], loaded[1], options: DiffOptions(now: now, minimumNoticeSeconds: notice.minimumNoticeSeconds))
        if diagnosticOptions.warningsAsErrors { diff = diff.treatingWarningsAsErrors() }
        diff = diff.keepingRisks(atLeast: diagnosticOptions.minSeverity)
        switch format {
        case .text:
            StandardStreams.out(diff.text(colored: diagnosticOptions.useColor(terminal: StandardStreams.outIsTerminal)))
        case .markdown:
            let notice = notice.minimumNoticeSeconds ?? loaded[1].minimumNoticeSeconds
            StandardStreams.out(
                diff.markdown(
                    before: RolloutTimeline(loaded[0], minimumNoticeSeconds: notice),
                    after: RolloutTimeline(loaded[1], minimumNoticeSeconds: notice)))
        case .json:
            StandardStreams.out(diff.json)
        }
        if diff.hasErrors { throw ExitStatus.broken }
        if exitCode && diff.hasChanges { throw ExitStatus.inputErrors }
    }

    /// The two sides: BASE and HEAD as given, or with `--base` the merge-base and the working tree at PATH.
    private func sideSpecs() -> (CompiledSideSpec, CompiledSideSpec) {
        guard let base else { return (CompiledSideSpec.parse(sides[0]), CompiledSideSpec.parse(sides[1])) }
        let path = sides.first ?? "."
        return (.mergeBase(revision: base, path: path), .path(path))
    }
}
