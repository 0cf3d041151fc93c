import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// The bundled examples: the fleet validates clean, and every invalid case yields exactly the codes its
/// `# expect: MOSnnn line N` comments state, at those lines.
@Suite struct ExamplesTests {
    static let options = CompilerOptions(now: .testingNow)

    @Test func fleetValidatesClean() throws {
        let loaded = try RepositoryLoader().load(RepositoryPaths.examples.appendingPathComponent("fleet").path)
        let result = Compiler.validate(loaded, options: Self.options)
        // The bundled catalog (2026-08-22) is 95 days old at the examples' --now: the fleet's afterRelease and
        // latest-15 get exactly one MOS281.
        #expect(result.diagnostics.filter { $0.code == .catalogStale }.count == 1)
        let problems = result.diagnostics.filter { $0.severity != .note && $0.code != .catalogStale }
        #expect(
            problems.isEmpty,
            "\(problems.map { "\($0.location?.description ?? "") \($0.code.rawValue) \($0.message)" })")
        #expect(result.repository.cohorts.count >= 5)
        // Every platform mosc knows, so each is compiled and checked by Apple's checker (PlatformConformanceTests).
        #expect(Set(result.repository.cohorts.compactMap { $0.platform?.value }) == Set(Platform.allCases))
    }

    static let invalidCases = RepositoryPaths.subfolders(of: RepositoryPaths.examples.appendingPathComponent("invalid"))
        .map(\.lastPathComponent)

    @Test func thereAreInvalidCases() {
        #expect(Self.invalidCases.count >= 20)
    }

    @Test(arguments: invalidCases) func invalidCaseYieldsItsCodes(_ name: String) throws {
        let folder = RepositoryPaths.examples.appendingPathComponent("invalid").appendingPathComponent(name)
        let loaded = try RepositoryLoader().load(folder.path)
        var expected: [String] = []
        for file in loaded.files {
            let text = String(decoding: file.contents, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("# expect: ") {
                let words = line.split(separator: " ")
                guard words.count == 5, words[3] == "line" else {
                    Issue.record("malformed expectation '\(line)' in \(file.path)")
                    continue
                }
                expected.append("\(file.path):\(words[4]) \(words[2])")
            }
        }
        #expect(!expected.isEmpty, "case \(name) states no '# expect:' line")
        let result = Compiler.validate(loaded, options: Self.options)
        // A case about the catalog's age says so; the others' latest and afterRelease forms meet a stale catalog
        // (95 days old at the examples' --now) only by accident.
        let stale = expected.contains { $0.hasSuffix(" MOS281") }
        let actual = result.diagnostics.filter { $0.severity != .note && (stale || $0.code != .catalogStale) }.map {
            "\($0.location?.file ?? ""):\($0.location?.line ?? 0) \($0.code.rawValue)"
        }
        #expect(actual.sorted() == expected.sorted())
    }
}
