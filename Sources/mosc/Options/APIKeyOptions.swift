import ArgumentParser
import Foundation

/// Where a server's API key comes from: an environment variable named here, or a file. Never an argument, and
/// never printed.
struct APIKeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The environment variable holding the API key.", valueName: "name"))
    var apiKeyEnv = "MOSC_API_KEY"

    @Option(help: ArgumentHelp("A file holding the API key (instead of --api-key-env).", valueName: "path"))
    var apiKeyFile: String?

    /// The key from `file` when given, else from the variable `env`; a missing or empty key is a usage error.
    func resolve(env: String, file: String?, what: String) throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(what) from '\(file)'")
            }
            let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw ValidationError("'\(file)' holds no \(what)") }
            return key
        }
        // The one place sync reads the environment: the variable the user named (or the documented default).
        guard let key = ProcessInfo.processInfo.environment[env], !key.isEmpty else {
            throw ValidationError("no \(what): set the environment variable \(env) or pass --api-key-file")
        }
        return key
    }
}
