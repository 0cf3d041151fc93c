import ArgumentParser
import Foundation
import ManagedOS

extension MDMServerKind: ExpressibleByArgument {}

/// The output formats of `mosc sync`.
enum SyncFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
            "Make a KMFDDM or NanoHUB server hold exactly what the policies compile to, and send due legacy commands.",
        discussion: """
            SOURCE is a compiled output folder, a policy repository (compiled in memory with the same --now and \
            catalog) or git:REV[:path]. mosc owns the declarations under the output's identifierPrefix and the sets \
            named --set-prefix + cohort, nothing else: it uploads new and changed declarations, makes each owned \
            set hold exactly the cohort's set.txt, puts each listed device (by its udid) in its cohort's set and \
            out of other owned sets, deletes owned declarations no set uses, enqueues the legacy plan steps due at \
            --now (each sending with its own CommandUUID; NanoMDM's 'command already exists' means sent before), \
            and sends one notify at the end. The API key comes from the environment variable --api-key-env \
            (default MOSC_API_KEY) or --api-key-file; it is never an argument and never printed. \
            --dry-run prints the plan and writes nothing. See specs/sync.md.
            Exit status: 0 success; 1 --exit-code and something changed (or would, with --dry-run); 2 I/O or \
            server failure (the output says which cohorts were completed; rerun to converge); 3 the policies or \
            the devices list have errors; 4 refused by a safety check (nothing written); 64 usage error.
            """
    )

    @Argument(help: "kmfddm or nanohub.")
    var server: MDMServerKind

    @Argument(help: "A compiled output folder, a policy repository, or git:REV[:path]. Default: the current folder.")
    var source: String = "."

    @Option(help: ArgumentHelp("The server's base URL (https://, or http:// to a loopback host).", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("The devices list (CSV: cohort, udid, serial, optional osVersion).", valueName: "csv"))
    var devices: String

    @OptionGroup var key: APIKeyOptions

    @Option(help: ArgumentHelp("NanoMDM's base URL, for legacy commands beside a standalone KMFDDM.", valueName: "url"))
    var nanomdmURL: String?

    @Option(help: ArgumentHelp("The environment variable holding NanoMDM's API key.", valueName: "name"))
    var nanomdmAPIKeyEnv: String?

    @Option(help: ArgumentHelp("A file holding NanoMDM's API key.", valueName: "path"))
    var nanomdmAPIKeyFile: String?

    @Option(help: ArgumentHelp("The prefix of the set names mosc owns (no dots).", valueName: "prefix"))
    var setPrefix = "mosc-"

    @Option(help: ArgumentHelp("The folder of state records (one per server URL).", valueName: "dir"))
    var stateDir = ".mosc-sync"

    @Flag(help: "Print what the sync would change and write nothing.")
    var dryRun = false

    @Flag(help: "Ignore the state record: read and compare everything mosc owns on the server.")
    var full = false

    @Option(
        help: ArgumentHelp("Allow up to N removals (default: a tenth of what mosc owns, at least 3).", valueName: "n"))
    var allowRemovals: Int?

    @Flag(help: "Allow plain http:// to a host that is not loopback.")
    var allowInsecureHTTP = false

    @Option(help: ArgumentHelp("Seconds before a request times out.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Requests in flight at once.", valueName: "n"))
    var concurrency = 6

    @Option(help: "Output format: text or json.")
    var format: SyncFormat = .text

    @Flag(help: "Exit 1 when the sync changed something (or would, with --dry-run).")
    var exitCode = false

    @OptionGroup var diagnosticOptions: DiagnosticOptions
    @OptionGroup var clock: ClockOptions
    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if let allowRemovals, allowRemovals < 0 { throw ValidationError("--allow-removals must be 0 or more") }
        if !(1...64).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 64") }
        if !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be between 0 and 600 seconds") }
    }

    func run() throws {
        let now = try clock.resolve()
        let url = try checked(ServerURL.parse(url, allowInsecure: allowInsecureHTTP))
        let commandURL = try nanomdmURL.map { try checked(ServerURL.parse($0, allowInsecure: allowInsecureHTTP)) }
        let apiKey = try key.resolve(env: key.apiKeyEnv, file: key.apiKeyFile, what: "the API key")
        let commandKey =
            nanomdmAPIKeyEnv != nil || nanomdmAPIKeyFile != nil
            ? try key.resolve(env: nanomdmAPIKeyEnv ?? "", file: nanomdmAPIKeyFile, what: "NanoMDM's API key") : nil
        let loader = CompiledSideLoader(options: try catalogOptions.options(now: now))
        let side: CompiledSide
        do {
            switch try loader.load(CompiledSideSpec.parse(source)) {
            case .loaded(let loaded): side = loaded
            case .invalid(let label, let diagnostics):
                StandardStreams.err("mosc: error: '\(label)' does not validate; nothing was synced\n")
                render(diagnostics)
                throw ExitCode(3)
            }
            let input = SyncInput(side)
            let deviceFile = try StatusLoader().readFile(devices, limit: StatusLimits.defaults.maxDeviceListBytes)
            let routed = SyncDevice.route(deviceFile, input: input)
            let diagnostics = diagnosticOptions.finalize(routed.diagnostics)
            render(diagnostics)
            if diagnostics.contains(where: { $0.severity == .error }) {
                StandardStreams.err("mosc: error: the devices list has errors; nothing was synced\n")
                throw ExitCode(3)
            }
            var options = SyncOptions(
                server: server, url: url, apiKey: apiKey, now: now, store: SyncRecordStore(folder: stateDir))
            options.commandURL = commandURL
            options.commandKey = commandKey
            options.setPrefix = setPrefix
            options.dryRun = dryRun
            options.full = full
            options.allowRemovals = allowRemovals
            options.http.timeout = timeout
            options.http.concurrency = concurrency
            let outcome: SyncOutcome
            switch Compiler.sync(input: input, devices: routed.devices, options: options) {
            case .success(let value): outcome = value
            case .failure(let failure):
                StandardStreams.err("mosc: error: \(failure)\n")
                throw exit(for: failure)
            }
            switch format {
            case .text: StandardStreams.out(outcome.text(dryRun: dryRun))
            case .json: StandardStreams.out(outcome.json(dryRun: dryRun))
            }
            if let failure = outcome.failure {
                StandardStreams.err("mosc: error: \(failure)\n")
                throw exit(for: failure)
            }
            if exitCode && outcome.plan.hasChanges { throw ExitStatus.inputErrors }
        } catch let error as CompilerError {
            StandardStreams.err("mosc: error: \(error)\n")
            throw ExitStatus.toolFailure
        }
    }

    private func checked(_ result: Result<ServerURL, SyncFailure>) throws -> ServerURL {
        switch result {
        case .success(let url): return url
        case .failure(let failure): throw ValidationError(failure.description)
        }
    }

    private func exit(for failure: SyncFailure) -> ExitCode {
        switch failure {
        case .usage: ExitCode(64)
        case .request, .unreadable: ExitStatus.toolFailure
        case .refused: ExitCode(4)
        }
    }

    private func render(_ diagnostics: [Diagnostic]) {
        let colored = diagnosticOptions.useColor(terminal: StandardStreams.errIsTerminal)
        StandardStreams.err(TextRenderer(colored: colored).render(diagnostics))
    }
}
