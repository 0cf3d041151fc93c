import Foundation
public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// Reads what KMFDDM stored of each device's DDM status reports (`status-values` and `declaration-status`) and
/// rebuilds one status report per device from it, so `mosc status --server` maps server data exactly as it maps
/// report files.
public enum ServerStatusReports {
    /// Enrollments asked for in one request (both endpoints take a comma-separated list).
    static let batch = 50

    /// One report per listed enrollment the server holds status for, named `<url>/status/<enrollment>.json`.
    public static func fetch(
        enrollments: [String], server: MDMServerKind, url: ServerURL, apiKey: String, http: HTTPPolicy = HTTPPolicy()
    ) -> Result<[SourceFile], SyncFailure> {
        let client = HTTPClient(base: url.text, user: server.ddmUser, key: apiKey, policy: http)
        let api = DDMServerAPI(client: client, prefix: server.ddmPrefix)
        let ids = Array(Set(enrollments)).sorted()
        let batches = stride(from: 0, to: ids.count, by: batch).map { Array(ids[$0..<min(ids.count, $0 + batch)]) }
        let answers = inFlight(batches.count, width: http.concurrency) {
            index -> Result<[SourceFile], SyncRequestError> in
            // Each id is encoded on its own, so the commas between them stay commas.
            let path = batches[index].map(\.urlComponentEncoded).joined(separator: ",")
            let values = api.client.send(HTTPRequest(method: "GET", path: "\(api.prefix)/status-values/\(path)"))
            let declarations = api.client.send(
                HTTPRequest(method: "GET", path: "\(api.prefix)/declaration-status/\(path)"))
            switch (values, declarations) {
            case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
            case (.success(let values), .success(let declarations)):
                let valueMap = decodeMap(values.body)
                let declarationMap = decodeMap(declarations.body)
                return .success(
                    batches[index].compactMap { enrollment in
                        let report = statusReport(
                            values: valueMap[enrollment] ?? [], declarations: declarationMap[enrollment] ?? [])
                        return report.map { SourceFile(path: "\(url.text)/status/\(enrollment).json", contents: $0) }
                    })
            }
        }
        var files: [SourceFile] = []
        for answer in answers {
            switch answer {
            case .success(let batch): files += batch
            case .failure(let error): return .failure(.request(error))
            }
        }
        return .success(files)
    }

    /// `{enrollment: [item]}` as the API answers, items as dictionaries.
    static func decodeMap(_ bytes: [UInt8]) -> [String: [[String: Any]]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [:] }
        var result: [String: [[String: Any]]] = [:]
        for (key, value) in object { result[key] = value as? [[String: Any]] ?? [] }
        return result
    }

    /// A status report as the device sent it, rebuilt from KMFDDM's flattened values (`path` like
    /// `.StatusItems.softwareupdate.install-state`; the latest `timestamp` per path wins, repeated paths of one
    /// report are an array) and its declaration status; nil when the server holds nothing for the device.
    static func statusReport(values: [[String: Any]], declarations: [[String: Any]]) -> [UInt8]? {
        guard !values.isEmpty || !declarations.isEmpty else { return nil }
        var latest: [String: (stamp: String, values: [String])] = [:]
        for item in values {
            guard let path = item["path"] as? String ?? item["Path"] as? String, path.hasPrefix(".StatusItems.")
            else { continue }
            let value = item["value"] as? String ?? item["Value"] as? String ?? ""
            let stamp = item["timestamp"] as? String ?? ""
            let key = String(path.dropFirst(".StatusItems.".count))
            if let held = latest[key], held.stamp > stamp { continue }
            if let held = latest[key], held.stamp == stamp {
                latest[key]?.values.append(value)
            } else {
                latest[key] = (stamp, [value])
            }
        }
        var items: [String: Any] = [:]
        for (path, entry) in latest.sorted(by: { $0.key < $1.key }) {
            let keys = path.split(separator: ".").map(String.init)
            let leaf: Any =
                entry.values.count > 1 || isList(path)
                ? entry.values : typed(entry.values.first ?? "", key: keys.last ?? "")
            insert(leaf, at: keys[...], into: &items)
        }
        var byKind: [String: [[String: Any]]] = [:]
        for item in declarations {
            var status: [String: Any] = [:]
            for key in ["identifier", "valid", "server-token", "active"] where item[key] != nil {
                status[key] = item[key]
            }
            if let reasons = item["reasons"] as? [Any] { status["reasons"] = reasons }
            let kind = (item["ManifestType"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "configurations"
            byKind[kind, default: []].append(status)
        }
        if !byKind.isEmpty {
            var management = items["management"] as? [String: Any] ?? [:]
            management["declarations"] = byKind
            items["management"] = management
        }
        let report: [String: Any] = ["StatusItems": items, "Errors": [Any]()]
        return (try? JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])).map { [UInt8]($0) }
    }

    /// Status items Apple defines as lists of strings.
    private static func isList(_ path: String) -> Bool {
        path == "softwareupdate.install-reason.reason"
    }

    /// KMFDDM stores every value as text: numbers Apple defines as integers become integers again.
    private static func typed(_ value: String, key: String) -> Any {
        if key == "count", let number = Int(value) { return number }
        if value == "true" || value == "false", key.hasPrefix("is-") || key == "active" { return value == "true" }
        return value
    }

    private static func insert(_ value: Any, at keys: ArraySlice<String>, into dictionary: inout [String: Any]) {
        guard let first = keys.first else { return }
        if keys.count == 1 {
            dictionary[first] = value
            return
        }
        var child = dictionary[first] as? [String: Any] ?? [:]
        insert(value, at: keys.dropFirst(), into: &child)
        dictionary[first] = child
    }
}
