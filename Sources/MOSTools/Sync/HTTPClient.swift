import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

/// A blocking HTTP client over URLSession for one server: Basic authentication, no redirects followed, bounded
/// time-outs, retries with back-off on 5xx and connection errors only. It counts the requests it sends.
final class HTTPClient: Sendable {
    /// The base URL, without a trailing slash.
    let base: String
    private let authorization: String
    let policy: HTTPPolicy
    private let session: URLSession
    private let counter = LockedCounter()

    /// A client for `base` authenticating as `user` with `key` (the key is kept in the header only).
    init(base: String, user: String, key: String, policy: HTTPPolicy) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.authorization = "Basic " + Data("\(user):\(key)".utf8).base64EncodedString()
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout * 2
        configuration.httpMaximumConnectionsPerHost = max(1, policy.concurrency)
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

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
            }
        }
        return .failure(last)
    }

    /// One attempt.
    private func once(_ request: HTTPRequest) -> Result<HTTPResponse, SyncRequestError> {
        guard let url = URL(string: base + request.path) else {
            return .failure(.init(request: request.line, reason: "not a valid URL", status: nil))
        }
        var urlRequest = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        urlRequest.httpMethod = request.method
        urlRequest.setValue(authorization, forHTTPHeaderField: "Authorization")
        if let contentType = request.contentType {
            urlRequest.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        if let body = request.body { urlRequest.httpBody = Data(body) }
        counter.increment()
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let response = response as? HTTPURLResponse {
                box.result = .success(HTTPResponse(status: response.statusCode, body: [UInt8](data ?? Data())))
            } else {
                let reason = error.map { "connection failed: \($0.localizedDescription)" } ?? "no HTTP response"
                box.result = .failure(.init(request: request.line, reason: reason, status: nil))
            }
            done.signal()
        }
        task.resume()
        // The session's own time-out ends the task; this wait is a second bound in case it does not.
        if done.wait(timeout: .now() + policy.timeout * 2 + 5) == .timedOut {
            task.cancel()
            return .failure(.init(request: request.line, reason: "timed out", status: nil))
        }
        return box.result ?? .failure(.init(request: request.line, reason: "no response", status: nil))
    }
}

/// Declines every redirect, so the 3xx answer itself comes back (and is reported), never another host's.
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// The result a completion handler hands to the waiting thread (the semaphore orders the accesses).
private final class ResponseBox: @unchecked Sendable {
    var result: Result<HTTPResponse, SyncRequestError>?
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
