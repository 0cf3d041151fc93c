import CCurl
import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// One request to an MDM server's API: the path (with its query) is relative to the server's base URL.
struct HTTPRequest: Sendable, Hashable {
    var method: String
    var path: String
    var body: [UInt8]?
    var contentType: String?

    /// How the request is shown in messages and the request log: method and path, never a header.
    var line: String { "\(method) \(path)" }
}

/// A response: status code and body.
struct HTTPResponse: Sendable, Hashable {
    var status: Int
    var body: [UInt8]

    /// The body as text, cut short for messages.
    var snippet: String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// Why a request failed after its retries.
public struct SyncRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request, as `METHOD path`.
    public var request: String
    /// What went wrong, never holding the API key.
    public var reason: String
    /// The HTTP status, when the server answered.
    public var status: Int?

    /// `PUT /v1/declarations: HTTP 400 …`.
    public var description: String { "\(request): \(reason)" }
}

/// How requests are sent: time-outs, retries and how many are in flight.
public struct HTTPPolicy: Sendable, Hashable {
    /// Seconds a request may take before it fails.
    public var timeout: Double = 30
    /// Attempts per request (5xx and connection errors are retried; 4xx never).
    public var attempts = 3
    /// The first back-off in seconds; doubled after each failed attempt.
    public var backoff: Double = 0.5
    /// Requests in flight at once.
    public var concurrency = 6

    /// The defaults.
    public init() {}
}

/// A blocking HTTP client for one server over libcurl, which is loaded on first use (`CCurl`) so that commands
/// without HTTP never load it: Basic authentication, no redirects followed, bounded time-outs and answer sizes,
/// retries with back-off on 5xx and connection errors only. It counts the requests it sends.
final class HTTPClient: Sendable {
    /// The base URL, without a trailing slash.
    let base: String
    private let authorization: String
    let policy: HTTPPolicy
    private let handles = HandlePool()
    private let counter = LockedCounter()

    /// The largest answer read (a status list of a large fleet is a few MB).
    static let maximumBodySize = 256 << 20

    /// A client for `base` authenticating as `user` with `key` (the key is kept in the header only).
    init(base: String, user: String, key: String, policy: HTTPPolicy) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.authorization = "Authorization: Basic " + Data("\(user):\(key)".utf8).base64EncodedString()
        self.policy = policy
    }

    /// The requests sent so far (each attempt counts).
    var requestCount: Int { counter.value }

    /// Sends `request`, retrying 5xx answers (except `accept`ed ones) and connection errors with back-off.
    /// - Parameter accept: Statuses the caller handles itself (never retried, never an error).
    func send(_ request: HTTPRequest, accept: Set<Int> = []) -> Result<HTTPResponse, SyncRequestError> {
        var delay = policy.backoff
        var last = SyncRequestError(request: request.line, reason: "not sent", status: nil)
        for attempt in 1...max(1, policy.attempts) {
            if attempt > 1 {
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
            switch once(request) {
            case .success(let response):
                if accept.contains(response.status) || (200..<300).contains(response.status)
                    || response.status == 304
                {
                    return .success(response)
                }
                last = SyncRequestError(
                    request: request.line, reason: "HTTP \(response.status) \(response.snippet)",
                    status: response.status)
                if (300..<400).contains(response.status) {
                    last.reason = "HTTP \(response.status): the server redirects; mosc does not follow redirects"
                    return .failure(last)
                }
                if response.status == 401 || response.status == 403 {
                    last.reason = "HTTP \(response.status): the server refused the API key"
                    return .failure(last)
                }
                if response.status < 500 { return .failure(last) }
            case .failure(let error):
                last = error
                // libcurl missing is not a passing network fault: retrying cannot help.
                if error.status == nil, error.reason.hasPrefix("libcurl") { return .failure(last) }
            }
        }
        return .failure(last)
    }

    /// One attempt, on a pooled handle (so connections to the server are reused).
    private func once(_ request: HTTPRequest) -> Result<HTTPResponse, SyncRequestError> {
        var errorText = [CChar](repeating: 0, count: 256)
        guard let handle = handles.take(&errorText) else {
            return .failure(.init(request: request.line, reason: text(errorText), status: nil))
        }
        defer { handles.give(handle) }
        var headers = [authorization]
        if let contentType = request.contentType { headers.append("Content-Type: \(contentType)") }
        counter.increment()
        var response = mosc_curl_response()
        let timeout = Int(max(1, policy.timeout * 1000))
        let code = withCStrings(headers) { headerPointers in
            withOptionalBytes(request.body) { body, count in
                mosc_curl_perform(
                    handle, request.method, base + request.path, headerPointers, headers.count, body, count, timeout,
                    Self.maximumBodySize, &response, &errorText, errorText.count)
            }
        }
        guard code == 0 else {
            let reason = text(errorText)
            return .failure(.init(request: request.line, reason: "connection failed: \(reason)", status: nil))
        }
        defer { mosc_curl_response_free(&response) }
        let body = response.body.map { [UInt8](UnsafeBufferPointer(start: $0, count: response.body_size)) } ?? []
        return .success(HTTPResponse(status: response.status, body: body))
    }
}

/// libcurl handles kept for reuse, one per request in flight.
private final class HandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []

    /// An idle handle or a new one; nil (with the reason in `error`) when libcurl cannot be loaded.
    func take(_ error: inout [CChar]) -> UnsafeMutableRawPointer? {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        if let reused { return reused }
        guard mosc_curl_load(&error, error.count) == 0 else { return nil }
        return mosc_curl_handle_new()
    }

    /// Returns a handle to the pool.
    func give(_ handle: UnsafeMutableRawPointer) {
        lock.lock()
        idle.append(handle)
        lock.unlock()
    }

    deinit { idle.forEach(mosc_curl_handle_free) }
}

/// The text of a NUL-terminated C buffer.
private func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `body` with C strings of `strings`, valid for the call.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress) }
}

/// `body` with the bytes of `bytes` (nil and 0 without a body; an empty body is still a body).
private func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafePointer<UInt8>?, Int) -> R) -> R {
    guard let bytes else { return body(nil, 0) }
    let padded = bytes.isEmpty ? [0] : bytes
    return padded.withUnsafeBufferPointer { body($0.baseAddress, bytes.count) }
}

/// A counter shared by threads.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// `body` applied to each job `0..<count` with at most `width` running at once (on their own threads, since each
/// blocks on the network), results in job order.
func inFlight<Result: Sendable>(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    guard width > 1, count > 1 else { return (0..<count).map(body) }
    let slots = Slots<Result>(count)
    let group = DispatchGroup()
    for _ in 0..<min(width, count) {
        group.enter()
        Thread.detachNewThread {
            while let job = slots.take() { slots.store(body(job), at: job) }
            group.leave()
        }
    }
    group.wait()
    return slots.results
}

/// Jobs handed out one at a time and their results, under a lock.
private final class Slots<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var values: [Result?]

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: Result, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var results: [Result] { values.compactMap { $0 } }
}

extension String {
    /// The text percent-encoded for one path segment or query value (only unreserved characters stay).
    var urlComponentEncoded: String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
