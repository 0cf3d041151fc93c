import Foundation
import ManagedOSTestSupport
import Testing

@testable import ManagedOS

/// Swift Testing has a `SourceLocation` of its own.
private typealias SourceLocation = ManagedOS.SourceLocation

/// A run's marks name files by their ID in the run's `SourceTable`; a diagnostic's location names the file by
/// its path, so it stands on its own after the run.
@Suite struct SourceLocationTests {
    @Test func aTableGivesEachPathOneIDInTheOrderRead() {
        var table = SourceTable(["repo/a.yaml", "repo/b.yaml"])
        #expect(table.id(for: "repo/a.yaml") == 1)
        #expect(table.id(for: "repo/b.yaml") == 2)
        #expect(table.id(for: "repo/a.yaml") == 1)
        #expect(table.id(for: "repo/c.yaml") == 3)
        #expect(table.path(2) == "repo/b.yaml")
        #expect(table.path(0) == "")
        #expect(table.path(99) == "")
    }

    @Test func twoRunsHaveTheirOwnTables() {
        // The same ID names different files in two runs, and a mark is read with its own run's table.
        let first = SourceTable(["one/p.yaml"])
        let second = SourceTable(["two/q.yaml", "one/p.yaml"])
        let mark = SourceMark(fileID: 1, line: 3, column: 7)
        #expect(first.location(mark) == SourceLocation(file: "one/p.yaml", line: 3, column: 7))
        #expect(second.location(mark) == SourceLocation(file: "two/q.yaml", line: 3, column: 7))
    }

    @Test func aDiagnosticAtAMarkNamesItsFile() {
        var bag = DiagnosticBag(sources: SourceTable(["repo/policy.yaml"]))
        let mark = SourceMark(fileID: 1, line: 4, column: 2)
        bag.emit(.invalidValue, "bad", at: mark, notes: [bag.note("here", at: SourceMark(fileID: 1, line: 1))])
        let diagnostic = bag.diagnostics.first
        #expect(diagnostic?.location == SourceLocation(file: "repo/policy.yaml", line: 4, column: 2))
        #expect(diagnostic?.notes.first?.location?.description == "repo/policy.yaml:1")
    }

    @Test func validationNamesEveryFileOfItsRun() {
        // Two files parsed on two threads: each diagnostic names its own file.
        let files = (0..<8).map { index in
            SourceFile(
                path: "repo/p\(index).yaml",
                text: "apiVersion: mosc/v1\nkind: Cohort\nname: c\(index)\nplatfrm: macOS\n")
        }
        let result = Compiler.validate(root: "repo", files: files, options: .testing, workers: 2)
        let unknown = result.diagnostics.filter { $0.code == .unknownKey }
        #expect(unknown.map { $0.location?.file } == files.map(\.path))
        #expect(unknown.allSatisfy { $0.location?.line == 4 })
    }

    @Test func marksOrderAsTheirRunReadTheFiles() {
        let marks = [
            SourceMark(fileID: 2, line: 1, column: 1), SourceMark(fileID: 1, line: 9, column: 0),
            SourceMark(fileID: 1, line: 2, column: 5), SourceMark(fileID: 1, line: 2, column: 1),
        ]
        #expect(
            marks.sorted().map { [Int($0.fileID), $0.line, $0.column] } == [
                [1, 2, 1], [1, 2, 5], [1, 9, 0], [2, 1, 1],
            ])
    }

    @Test func locationsOrderByPathThenLineThenColumn() {
        var locations: [SourceLocation] = []
        for path in ["b.yaml", "a.yaml"] {
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
        #expect(SourceMark(fileID: 1, line: -1, column: Int.max).column == Int(UInt32.max))
    }

    @Test func encodesThePath() throws {
        let location = SourceLocation(file: "repo/p.yaml", line: 12, column: 3)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(location)
        #expect(String(decoding: data, as: UTF8.self) == #"{"column":3,"file":"repo\/p.yaml","line":12}"#)
        #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == location)
    }
}
