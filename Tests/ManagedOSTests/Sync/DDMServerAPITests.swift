import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

@testable import MOSTools

/// The API client against the mock: 204 and 304 read as changed and unchanged, `null` lists as empty, NanoMDM's
/// duplicate refusal as already sent.
@Suite(.timeLimit(.minutes(1))) struct DDMServerAPITests {
    @Test func changesUnchangedAndDuplicates() throws {
        let server = try MockMDMServer()
        defer { server.stop() }
        var policy = HTTPPolicy()
        policy.timeout = 5
        let client = HTTPClient(base: server.url, user: "kmfddm", key: server.key, policy: policy)
        let api = DDMServerAPI(client: client, prefix: "/v1")
        let declaration = Array(
            #"{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x.s","Payload":{"Notifications":true},"ServerToken":"a"}"#
                .utf8)
        #expect(try api.putDeclaration(declaration).get() == true)
        #expect(try api.putDeclaration(declaration).get() == false)  // 304
        #expect(try api.setDeclarations("nothing").get() == [])  // null
        #expect(try api.setMember("PUT", set: "s", declaration: "x.s").get() == true)
        #expect(try api.setMember("PUT", set: "s", declaration: "x.s").get() == false)
        // Refused while in a set: a 500, retried, then an error.
        #expect(throws: SyncRequestError.self) { try api.deleteDeclaration("x.s").get() }
        #expect(try api.setMember("DELETE", set: "s", declaration: "x.s").get() == true)
        #expect(try api.deleteDeclaration("x.s").get() == true)
        #expect(try api.declaration("x.s").get() == nil)  // 404
        let commandClient = HTTPClient(base: server.url, user: "nanomdm", key: server.key, policy: policy)
        let queue = CommandQueueAPI(client: commandClient, prefix: "/v1")
        let plist = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0"><dict><key>Command</key><dict><key>RequestType</key><string>OSUpdateStatus</string>
            </dict><key>CommandUUID</key><string>0001</string></dict></plist>
            """.utf8)
        #expect(try queue.enqueue(plist, enrollment: "E1").get() == .enqueued)
        #expect(try queue.enqueue(plist, enrollment: "E2").get() == .alreadySent)
        #expect(client.requestCount > 0)
    }
}
