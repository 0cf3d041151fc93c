import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// KMFDDM's API as sync and status use it (the same under NanoHUB's `/api/v1/ddm` prefix). Every change carries
/// `nonotify=1`: sync sends one notify at the end.
struct DDMServerAPI: Sendable {
    let client: HTTPClient
    let prefix: String

    /// Every declaration Identifier on the server.
    func declarationIDs() -> Result<[String], SyncRequestError> {
        list(HTTPRequest(method: "GET", path: "\(prefix)/declarations"))
    }

    /// A declaration's JSON as stored, or nil when the server has none by that Identifier.
    func declaration(_ identifier: String) -> Result<[UInt8]?, SyncRequestError> {
        let request = HTTPRequest(method: "GET", path: "\(prefix)/declarations/\(identifier.urlComponentEncoded)")
        return client.send(request, accept: [404]).map { $0.status == 404 ? nil : $0.body }
    }

    /// Uploads a declaration; true when the server changed (204), false when it already held it (304).
    func putDeclaration(_ body: [UInt8]) -> Result<Bool, SyncRequestError> {
        let request = HTTPRequest(
            method: "PUT", path: "\(prefix)/declarations?nonotify=1", body: body, contentType: "application/json")
        return client.send(request).map { $0.status != 304 }
    }

    /// Deletes a declaration (the server refuses while a set holds it).
    func deleteDeclaration(_ identifier: String) -> Result<Bool, SyncRequestError> {
        change("DELETE", "\(prefix)/declarations/\(identifier.urlComponentEncoded)?nonotify=1")
    }

    /// Every set name (a set exists while it has members).
    func sets() -> Result<[String], SyncRequestError> {
        list(HTTPRequest(method: "GET", path: "\(prefix)/sets"))
    }

    /// A set's declaration Identifiers.
    func setDeclarations(_ set: String) -> Result<[String], SyncRequestError> {
        list(HTTPRequest(method: "GET", path: "\(prefix)/set-declarations/\(set.urlComponentEncoded)"))
    }

    /// Adds (`PUT`) or removes (`DELETE`) a declaration from a set.
    func setMember(_ method: String, set: String, declaration: String) -> Result<Bool, SyncRequestError> {
        change(
            method,
            "\(prefix)/set-declarations/\(set.urlComponentEncoded)?declaration=\(declaration.urlComponentEncoded)"
                + "&nonotify=1")
    }

    /// The sets an enrollment is assigned to.
    func enrollmentSets(_ enrollment: String) -> Result<[String], SyncRequestError> {
        list(HTTPRequest(method: "GET", path: "\(prefix)/enrollment-sets/\(enrollment.urlComponentEncoded)"))
    }

    /// Assigns (`PUT`) or unassigns (`DELETE`) an enrollment to a set.
    func enrollmentSet(_ method: String, enrollment: String, set: String) -> Result<Bool, SyncRequestError> {
        change(
            method,
            "\(prefix)/enrollment-sets/\(enrollment.urlComponentEncoded)?set=\(set.urlComponentEncoded)&nonotify=1")
    }

    /// One `DeclarativeManagement` command to everything the sets and enrollments reach.
    func notify(sets: [String], enrollments: [String]) -> Result<Bool, SyncRequestError> {
        let query =
            sets.map { "set=\($0.urlComponentEncoded)" } + enrollments.map { "id=\($0.urlComponentEncoded)" }
        return change("POST", "\(prefix)/notify?" + query.joined(separator: "&"))
    }

    /// The raw `status-values` or `declaration-status` answer for one enrollment.
    func status(_ endpoint: String, enrollment: String) -> Result<[UInt8], SyncRequestError> {
        client.send(HTTPRequest(method: "GET", path: "\(prefix)/\(endpoint)/\(enrollment.urlComponentEncoded)"))
            .map(\.body)
    }

    private func change(_ method: String, _ path: String) -> Result<Bool, SyncRequestError> {
        client.send(HTTPRequest(method: method, path: path)).map { $0.status != 304 }
    }

    /// A JSON array of strings (`null` is empty).
    private func list(_ request: HTTPRequest) -> Result<[String], SyncRequestError> {
        client.send(request).flatMap { response in
            let value = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
            if value is NSNull || response.body.isEmpty { return .success([]) }
            guard let array = value as? [Any], let strings = array as? [String] else {
                return .failure(
                    .init(request: request.line, reason: "expected a JSON array of strings", status: response.status))
            }
            return .success(strings)
        }
    }
}

/// NanoMDM's command queue API.
struct CommandQueueAPI: Sendable {
    let client: HTTPClient
    let prefix: String

    /// What enqueueing one command did.
    enum Outcome: Sendable, Hashable {
        case enqueued
        /// NanoMDM refused the CommandUUID as stored before: the command was sent by an earlier run.
        case alreadySent
    }

    /// Enqueues a command plist for one enrollment without a push (`nopush=1`); sync pushes once afterwards.
    func enqueue(_ plist: [UInt8], enrollment: String) -> Result<Outcome, SyncRequestError> {
        let request = HTTPRequest(
            method: "PUT", path: "\(prefix)/enqueue/\(enrollment.urlComponentEncoded)?nopush=1", body: plist,
            contentType: "application/xml")
        return client.send(request, accept: [500]).flatMap { response in
            guard response.status == 500 else { return .success(.enqueued) }
            if String(decoding: response.body, as: UTF8.self).contains("command already exists") {
                return .success(.alreadySent)
            }
            // Any other 500 is the server's failure: retried like every 5xx.
            return client.send(request).map { _ in .enqueued }
        }
    }

    /// One APNs push to each enrollment.
    func push(_ enrollments: [String]) -> Result<Bool, SyncRequestError> {
        let ids = enrollments.map(\.urlComponentEncoded).joined(separator: ",")
        return client.send(HTTPRequest(method: "GET", path: "\(prefix)/push/\(ids)")).map { _ in true }
    }
}
