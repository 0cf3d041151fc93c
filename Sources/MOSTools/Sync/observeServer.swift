import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// How the owned state was read: trusted from the state record, or read in full.
enum Observation: String, Sendable {
    case record, full
}

/// Reads what mosc owns on the server. With a state record whose owned declarations and sets match the server's
/// lists (two requests), the record stands for the rest; otherwise every owned set's members, every owned
/// declaration (compared with the compiled one) and every candidate enrollment's sets are read.
/// - Parameters:
///   - desired: The compiled declarations by Identifier, to compare what the server holds against.
///   - enrollments: The enrollments to read when observing in full.
func observeServer(
    api: DDMServerAPI, record: SyncRecord?, trustRecord: Bool, identifierPrefix: String, setPrefix: String,
    desired: [String: SyncCohort.DeclarationFile], enrollments: [String], read: @escaping @Sendable (String) -> [UInt8]?
) -> Result<(ServerState, Observation), SyncRequestError> {
    let ownedIDs: [String]
    let ownedSets: [String]
    switch (api.declarationIDs(), api.sets()) {
    case (.success(let ids), .success(let sets)):
        ownedIDs = ids.filter { $0.hasPrefix(identifierPrefix + ".") }.sorted()
        ownedSets = sets.filter { $0.hasPrefix(setPrefix) }.sorted()
    case (.failure(let error), _), (_, .failure(let error)):
        return .failure(error)
    }
    if trustRecord, let record, record.state.declarations.keys.sorted() == ownedIDs,
        record.state.sets.keys.sorted() == ownedSets
    {
        return .success((record.state, .record))
    }
    enum Job: Sendable {
        case set(String)
        case declaration(String)
        case enrollment(String)
    }
    enum Answer: Sendable {
        case members([String])
        case declaration(ServerState.Declaration)
        case sets([String])
    }
    let jobs = ownedSets.map(Job.set) + ownedIDs.map(Job.declaration) + enrollments.map(Job.enrollment)
    let answers = inFlight(jobs.count, width: api.client.policy.concurrency) {
        index -> Result<Answer, SyncRequestError> in
        switch jobs[index] {
        case .set(let name):
            return api.setDeclarations(name).map { .members($0.sorted()) }
        case .declaration(let identifier):
            return api.declaration(identifier).map { body in
                let held = body.flatMap(DeclarationEnvelope.decode)
                var sha = ""
                if let held, let file = desired[identifier], let bytes = read(file.path),
                    DeclarationEnvelope.decode(bytes) == held
                {
                    sha = file.sha256
                }
                return .declaration(ServerState.Declaration(sha256: sha, type: held?.type))
            }
        case .enrollment(let id):
            return api.enrollmentSets(id).map { .sets($0.filter { $0.hasPrefix(setPrefix) }.sorted()) }
        }
    }
    var state = ServerState()
    state.sent = record?.state.sent ?? []
    for (job, answer) in zip(jobs, answers) {
        switch (job, answer) {
        case (_, .failure(let error)): return .failure(error)
        case (.set(let name), .success(.members(let members))): state.sets[name] = members
        case (.declaration(let id), .success(.declaration(let declaration))): state.declarations[id] = declaration
        case (.enrollment(let id), .success(.sets(let sets))): if !sets.isEmpty { state.enrollments[id] = sets }
        default: break
        }
    }
    return .success((state, .full))
}

/// A declaration as the server serves it: what a device sees is its Type, Identifier and Payload (the server
/// computes its own ServerToken).
struct DeclarationEnvelope: Sendable, Hashable, Decodable {
    var type: String
    var identifier: String
    var payload: JSONValue?

    enum CodingKeys: String, CodingKey {
        case type = "Type"
        case identifier = "Identifier"
        case payload = "Payload"
    }

    /// The envelope of JSON bytes, or nil when they are not a declaration.
    static func decode(_ bytes: [UInt8]) -> DeclarationEnvelope? {
        try? JSONDecoder().decode(DeclarationEnvelope.self, from: Data(bytes))
    }
}
