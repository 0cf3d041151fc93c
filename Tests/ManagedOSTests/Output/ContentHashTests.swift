import Foundation
import ManagedOSTestSupport
import Testing

@testable import ManagedOS

/// The hashes behind ServerTokens, DeclarationsTokens and CommandUUIDs, and the output path check.
@Suite struct ContentHashTests {
    @Test func hexIsSHA256() {
        // FIPS 180-2's test vectors.
        #expect(ContentHash.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(ContentHash.hex(text) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Contiguous bytes, a string and a sequence without contiguous storage agree.
        #expect(ContentHash.hex(Array(text.utf8)) == ContentHash.hex(text))
        #expect(ContentHash.hex(text.utf8.lazy.map { $0 }) == ContentHash.hex(text))
    }

    @Test(arguments: ["", "abc", "a longer command text with ünïcode", String(repeating: "x", count: 1000)])
    func uuidIsTheHashShapedAsVersion8(_ text: String) {
        let uuid = ContentHash.uuid(text)
        // The same bytes written the long way: the hash's first 16 bytes, version and variant bits set.
        var digits = Array(ContentHash.hex(text).uppercased().prefix(32))
        digits[12] = "8"
        let variant = Int(String(digits[16]), radix: 16) ?? 0
        digits[16] = Character(String((variant & 0x3) | 0x8, radix: 16).uppercased())
        var expected = ""
        for (index, digit) in digits.enumerated() {
            if [8, 12, 16, 20].contains(index) { expected += "-" }
            expected.append(digit)
        }
        #expect(uuid == expected)
        #expect(ContentHash.uuid(text) == uuid)
    }

    /// The split-based check `isSafe` replaced, kept here as the reference.
    static func referenceIsSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    @Test func isSafeAgreesWithTheReferenceOnEveryShortPath() {
        var generator = SeededGenerator(seed: 42)
        let alphabet: [Character] = ["a", ".", "/", "b", "\\"]
        var checked = 0
        for length in 0...7 {
            for _ in 0..<(length < 4 ? 200 : 3000) {
                let path = String(
                    (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
                #expect(OutputTree.isSafe(path) == Self.referenceIsSafe(path), "\(path)")
                checked += 1
            }
        }
        for path in [
            "cohorts/a/ddm/set.json", "./a", "a/./b", "a/../b", "a//b", "a/", "...", "a/.../b", ".a/b.", "..a",
        ] {
            #expect(OutputTree.isSafe(path) == Self.referenceIsSafe(path), "\(path)")
        }
        #expect(checked > 10_000)
    }
}

/// Manifests hold each file's hash as its bytes; the text goes in and comes out unchanged, whatever it is.
@Suite struct HexDigestTests {
    @Test(arguments: [
        ContentHash.hex("abc"), ContentHash.hex(""), String(repeating: "f", count: 64),
        String(repeating: "0", count: 64),
        // Not a lowercase 64-digit hash: kept as written.
        ContentHash.hex("abc").uppercased(), String(ContentHash.hex("abc").dropLast()), ContentHash.hex("abc") + "0",
        "", "not a hash", "g" + String(repeating: "0", count: 63),
    ])
    func textRoundTrips(_ text: String) {
        #expect(HexDigest(text).text == text)
        var artifact = OutputManifest.Artifact(path: "cohorts/a/ddm/x.json", sha256: text, minimumOS: "14.0")
        #expect(artifact.sha256 == text)
        artifact.sha256 = ContentHash.hex("other")
        #expect(artifact.sha256 == ContentHash.hex("other"))
    }

    @Test func equalTextsAreEqualValues() {
        let texts = ["", "abc", ContentHash.hex("a"), ContentHash.hex("b"), ContentHash.hex("a").uppercased()]
        for a in texts {
            for b in texts {
                #expect((HexDigest(a) == HexDigest(b)) == (a == b), "\(a) \(b)")
            }
        }
        #expect(HexDigest(ContentHash.hex("a")).hashValue == HexDigest(String(ContentHash.hex("a"))).hashValue)
    }

    @Test func artifactsEncodeTheHashAsText() throws {
        let artifact = OutputManifest.Artifact(path: "a.json", sha256: ContentHash.hex("abc"), minimumOS: "14.0")
        let data = Data(CanonicalJSON.compactBytes(artifact.jsonValue))
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"minimumOS":"14.0","path":"a.json","sha256":"\#(ContentHash.hex("abc"))"}"#)
        #expect(try JSONDecoder().decode(OutputManifest.Artifact.self, from: data) == artifact)
    }
}
