import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// The servers `mosc sync` writes to, and where each serves the KMFDDM and NanoMDM APIs.
public enum MDMServerKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// KMFDDM on its own (API under `/v1/`, user `kmfddm`); legacy commands need a separate NanoMDM.
    case kmfddm
    /// NanoHUB: KMFDDM under `/api/v1/ddm/`, NanoMDM under `/api/v1/nanomdm/`, user `nanohub`.
    case nanohub

    /// The Basic-auth user name for the DDM API.
    var ddmUser: String { self == .kmfddm ? "kmfddm" : "nanohub" }
    /// The Basic-auth user name for the NanoMDM API on this server kind.
    var commandUser: String { self == .kmfddm ? "nanomdm" : "nanohub" }
    /// The DDM API's path prefix.
    var ddmPrefix: String { self == .kmfddm ? "/v1" : "/api/v1/ddm" }
    /// The NanoMDM API's path prefix.
    var commandPrefix: String { self == .kmfddm ? "/v1" : "/api/v1/nanomdm" }
}

/// A server URL checked before anything is sent: http(s) only, plain http only to a loopback host unless allowed.
public struct ServerURL: Sendable, Hashable {
    /// The URL as given, without a trailing slash.
    public var text: String

    /// Checks `text`; the error says what is wrong.
    public static func parse(_ text: String, allowInsecure: Bool) -> Result<ServerURL, SyncFailure> {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        let lower = trimmed.lowercased()
        let isHTTP = lower.hasPrefix("http://")
        guard isHTTP || lower.hasPrefix("https://") else {
            return .failure(.usage("--url '\(text)' must start with https:// (or http:// for a loopback host)"))
        }
        let rest = trimmed.dropFirst(isHTTP ? 7 : 8)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@"), !rest.contains("?"), !rest.contains("#") else {
            return .failure(
                .usage("--url '\(text)' must be scheme://host[:port][/path] without credentials, query or fragment"))
        }
        var host = authority
        if host.hasPrefix("[") {
            host = host.dropFirst().prefix { $0 != "]" }
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) || host.hasPrefix("127.")
        if isHTTP, !loopback, !allowInsecure {
            return .failure(
                .usage(
                    "--url '\(text)' uses plain http:// to a host that is not loopback; use https:// "
                        + "or pass --allow-insecure-http"))
        }
        return .success(ServerURL(text: trimmed))
    }
}
