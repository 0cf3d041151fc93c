import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Python stand-in for KMFDDM, NanoMDM and NanoHUB (`Tests/MockMDM/mock_mdm.py`), started on 127.0.0.1 with
/// a port the OS chooses. `stop()` kills it; it also exits on its own when the test process goes away.
public final class MockMDMServer: @unchecked Sendable {
    /// Why the server could not be used.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String

        /// A failure saying `description`.
        public init(description: String) { self.description = description }
    }

    /// The base URL, `http://127.0.0.1:<port>`.
    public let url: String
    /// The API key it accepts.
    public let key: String
    private let process: Process

    /// Starts the server in `mode` (`kmfddm` or `nanohub`), waiting at most 10 seconds for its port.
    public init(mode: String = "kmfddm", key: String = "test-api-key", checkInvariants: Bool = true) throws {
        let script = RepositoryPaths.root.appendingPathComponent("Tests/MockMDM/mock_mdm.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script, "--mode", mode, "--key", key, "--lifetime", "900"]
            + (checkInvariants ? [] : ["--no-invariants"])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = LineBox()
        let ready = DispatchSemaphore(value: 0)
        let handle = out.fileHandleForReading
        Thread.detachNewThread {
            var text = ""
            while !text.contains("\n") {
                let data = handle.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            port.value = text
            ready.signal()
        }
        guard ready.wait(timeout: .now() + 10) == .success, let line = port.value,
            let number = line.split(separator: " ").last.flatMap({
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            })
        else {
            process.terminate()
            throw Failure(description: "the mock server did not start")
        }
        self.process = process
        self.key = key
        self.url = "http://127.0.0.1:\(number)"
    }

    deinit { stop() }

    /// Kills the server (SIGTERM, then SIGKILL after a second) and waits for it.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Calls a control endpoint (`/_mock/…`) and returns its JSON.
    @discardableResult
    public func control(_ path: String, body: Any? = nil) throws -> Any {
        guard let target = URL(string: url + path) else { throw Failure(description: "bad path \(path)") }
        var request = URLRequest(url: target, timeoutInterval: 10)
        request.httpMethod = body == nil ? "GET" : "POST"
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let box = DataBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in
            box.value = data
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 15) == .success, let data = box.value else {
            throw Failure(description: "no answer from \(path)")
        }
        return try JSONSerialization.jsonObject(with: data)
    }

    /// Sends one API request authenticated as `user` with the server's key; returns the HTTP status.
    public func api(_ method: String, _ path: String, user: String) throws -> Int {
        guard let target = URL(string: url + path) else { throw Failure(description: "bad path \(path)") }
        var request = URLRequest(url: target, timeoutInterval: 10)
        request.httpMethod = method
        request.setValue(
            "Basic " + Data("\(user):\(key)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let box = StatusBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, response, _ in
            box.value = (response as? HTTPURLResponse)?.statusCode
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 15) == .success, let status = box.value else {
            throw Failure(description: "no answer from \(path)")
        }
        return status
    }

    /// The server's state: declarations, sets, enrollment sets, what each enrollment is served, command queues,
    /// notifies, pushes and invariant violations.
    public func state() throws -> [String: Any] {
        try control("/_mock/state") as? [String: Any] ?? [:]
    }

    /// Every API request since the last `resetLog()`, as `METHOD /path?query`, with its status.
    public func requests() throws -> [(line: String, status: Int)] {
        let list = try control("/_mock/requests") as? [[String: Any]] ?? []
        return list.map { ($0["line"] as? String ?? "", $0["status"] as? Int ?? 0) }
    }

    /// Forgets the request log, notifies and pushes.
    public func resetLog() throws {
        try control("/_mock/reset-log", body: [String: Any]())
    }
}

private final class LineBox: @unchecked Sendable {
    var value: String?
}

private final class StatusBox: @unchecked Sendable {
    var value: Int?
}

private final class DataBox: @unchecked Sendable {
    var value: Data?
}
