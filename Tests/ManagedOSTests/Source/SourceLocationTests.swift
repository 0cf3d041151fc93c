import Foundation
import Testing

@testable import ManagedOS

/// Swift Testing has a `SourceLocation` of its own.
private typealias SourceLocation = ManagedOS.SourceLocation

/// Locations store their path as an index into `FilePaths`; they must behave exactly as if they held the path.
@Suite struct SourceLocationTests {
    @Test func equalPathsShareOneIndex() {
        let path = "repo/policies/" + String(repeating: "long-name-", count: 4) + ".yaml"
        let a = SourceLocation(file: path, line: 3, column: 7)
        let b = SourceLocation(file: String(path.utf8.map { Character(UnicodeScalar($0)) }), line: 3, column: 7)
        #expect(a.fileID == b.fileID)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.file == path)
        #expect(SourceLocation(file: "repo/other.yaml", line: 3, column: 7) != a)
    }

    @Test func ordersByPathThenLineThenColumn() {
        // Interned in the reverse of their order, so an order by index would come out wrong.
        let paths = ["zz-\(UUID())/b.yaml", "zz-\(UUID())/a.yaml"].sorted().reversed()
        var locations: [SourceLocation] = []
        for path in paths {
            for line in [2, 1] {
                for column in [9, 0] { locations.append(SourceLocation(file: path, line: line, column: column)) }
            }
        }
        let byValue = locations.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        #expect(locations.sorted() == byValue)
    }

    @Test func settingTheFileMovesTheLocation() {
        var location = SourceLocation(file: "a.yaml", line: 4, column: 2)
        location.file = "b.yaml"
        location.line = 5
        #expect(location == SourceLocation(file: "b.yaml", line: 5, column: 2))
        #expect(location.description == "b.yaml:5:2")
    }

    @Test func clampsNumbersOutsideItsRange() {
        #expect(SourceLocation(file: "a.yaml", line: -1, column: Int.max).line == 0)
        #expect(SourceLocation(file: "a.yaml", line: -1, column: Int.max).column == Int(UInt32.max))
    }

    @Test func encodesThePathNotTheIndex() throws {
        let location = SourceLocation(file: "repo/p.yaml", line: 12, column: 3)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(location)
        #expect(String(decoding: data, as: UTF8.self) == #"{"column":3,"file":"repo\/p.yaml","line":12}"#)
        #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == location)
    }

    @Test func concurrentInterningGivesOneIndexPerPath() {
        let paths = (0..<64).map { "concurrent-\($0)-\(UUID()).yaml" }
        let ids = inParallel(512, workers: 8) { job in FilePaths.shared.id(paths[job % paths.count]) }
        for (job, id) in ids.enumerated() {
            #expect(id == ids[job % paths.count])
            #expect(FilePaths.shared.path(id) == paths[job % paths.count])
        }
    }
}
