import ArgumentParser
import ManagedOS

/// The output formats of `mosc status`.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension FleetStatus.FailCondition: ExpressibleByArgument {}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Map what devices report to one status per device: Pending, Downloading, Cached, Installing, Pass, Error.",
        discussion: """
            Reads the compiled output (--compiled DIR, or --policies PATH compiled in memory at the same --now), \
            the devices list (CSV with a header naming cohort and serial and/or udid) and REPORT files or folders \
            of them: DDM status reports (JSON, full or incremental) and legacy OSUpdateStatus, ScheduleOSUpdate, \
            DeviceInformation and AvailableOSUpdates responses (XML plist or JSON), at most 4 MiB each. \
            A report names its device by its serial-number/udid status items or UDID, else by its file name \
            <serial or udid>[-<ISO instant>].json; a device's reports apply in instant order, then by name. \
            A device is late once its deadline has passed without Pass: DDM deadlines are local wall times, \
            judged at UTC-12 (the last zone to reach them); legacy ones at the plan's enforce instant. \
            With --server kmfddm|nanohub --url URL (API key from --api-key-env, default MOSC_API_KEY, or \
            --api-key-file) each listed device's KMFDDM status-values and declaration-status are read too, and \
            mapped like report files. \
            The table or JSON goes to stdout, diagnostics to stderr. See specs/status.md for the mapping.
            Exit status: 0 success, 1 the inputs have errors or --fail-on matched a device, 2 I/O failure or \
            an unreadable manifest, 64 usage error.
            """
    )

    @OptionGroup var diagnosticOptions: DiagnosticOptions
    @OptionGroup var clock: ClockOptions
    @OptionGroup var catalogOptions: CatalogOptions

    @Option(help: ArgumentHelp("The output folder of 'mosc compile'.", valueName: "dir"))
    var compiled: String?

    @Option(help: ArgumentHelp("A policy repository to compile in memory instead of --compiled.", valueName: "path"))
    var policies: String?

    @Option(help: ArgumentHelp("The devices list (CSV: cohort, serial and/or udid).", valueName: "csv"))
    var devices: String

    @Option(help: "Output format: text or json.")
    var format: StatusFormat = .text

    @Option(help: ArgumentHelp("Exit 1 when any device is in Error or late (repeatable).", valueName: "error|late"))
    var failOn: [FleetStatus.FailCondition] = []

    @Argument(help: ArgumentHelp("Report files, or folders of them.", valueName: "report"))
    var reports: [String] = []

    @Option(
        help: ArgumentHelp(
            "Read DDM status from a server instead of (or besides) report files.", valueName: "kmfddm|nanohub"))
    var server: MDMServerKind?

    @Option(help: ArgumentHelp("The server's base URL, with --server.", valueName: "url"))
    var url: String?

    @OptionGroup var key: APIKeyOptions

    @Flag(help: "Allow plain http:// to a host that is not loopback.")
    var allowInsecureHTTP = false

    func validate() throws {
        if (compiled == nil) == (policies == nil) {
            throw ValidationError("give exactly one of --compiled DIR and --policies PATH")
        }
        if (server == nil) != (url == nil) { throw ValidationError("give --server and --url together") }
    }

    func run() throws {
        let now = try clock.resolve()
        let loader = StatusLoader()
        var diagnostics: [Diagnostic] = []
        let failureDocument: ((String) -> Void)? =
            format == .json
            ? { StandardStreams.out(FailureDocument(formatVersion: FleetStatus.currentFormatVersion, error: $0).json) }
            : nil
        let (load, deviceFile, reportFiles) = try reportingFailures(alsoTo: failureDocument) {
            let sides = CompiledSideLoader(options: try catalogOptions.options(now: now))
            let spec: CompiledSideSpec = compiled.map { .output($0) } ?? .policies(policies ?? ".")
            let load = try sides.load(spec)
            let deviceFile = try loader.readFile(devices, limit: StatusLimits.defaults.maxDeviceListBytes)
            let loaded = try loader.loadReports(reports)
            diagnostics += loaded.diagnostics
            return (load, deviceFile, try loaded.files + serverReports(deviceFile))
        }
        guard case .loaded(let side) = load else {
            if case .invalid(_, let compileDiagnostics) = load {
                render(diagnosticOptions.finalize(compileDiagnostics))
            }
            throw ExitStatus.inputErrors
        }
        // Compile warnings (a deadline already passed, …) are validate's business; status reports on devices.
        let manifest = side.manifest
        let result = Compiler.status(
            cohorts: CohortExpectation.all(from: manifest), devices: deviceFile, reports: reportFiles,
            options: StatusOptions(now: now))
        let all = diagnosticOptions.finalize((diagnostics + result.diagnostics).sorted())
        render(all)
        switch format {
        case .text: StandardStreams.out(result.fleet.text)
        case .json: StandardStreams.out(result.fleet.json)
        }
        if all.contains(where: { $0.severity == .error }) { throw ExitStatus.inputErrors }
        if failOn.contains(where: result.fleet.hasDevices) { throw ExitStatus.inputErrors }
    }

    /// With --server, one report per listed device rebuilt from the server's status data (see specs/sync.md).
    private func serverReports(_ deviceFile: SourceFile) throws -> [SourceFile] {
        guard let server, let url else { return [] }
        guard case .success(let checked) = ServerURL.parse(url, allowInsecure: allowInsecureHTTP) else {
            throw ValidationError("--url '\(url)' must be https:// (or http:// to a loopback host)")
        }
        let apiKey = try key.resolve(env: key.apiKeyEnv, file: key.apiKeyFile, what: "the API key")
        var bag = DiagnosticBag()
        let udids = DeviceList.read(deviceFile, diagnostics: &bag).entries.compactMap(\.udid)
        switch ServerStatusReports.fetch(enrollments: udids, server: server, url: checked, apiKey: apiKey) {
        case .success(let files): return files
        case .failure(let failure):
            StandardStreams.err("mosc: error: \(failure)\n")
            throw ExitStatus.toolFailure
        }
    }

    private func render(_ diagnostics: [Diagnostic]) {
        let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
        StandardStreams.err(TextRenderer(colored: colored).render(diagnostics))
    }
}
