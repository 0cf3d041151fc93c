import Testing

@testable import ManagedOS

/// The parallel helpers give what a plain loop gives, in the same order, whatever the number of workers.
@Suite struct InParallelTests {
    /// Part sizes that include empty parts, one long part and more parts than workers.
    static let partSizes: [[Int]] = [
        [], [0], [3], [0, 0, 0], [2, 0, 5, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 40], [17, 0],
    ]

    @Test(arguments: partSizes) func joinedKeepsEveryElementInOrder(_ sizes: [Int]) {
        // Strings with heap storage, so a lost or doubled copy would show as a wrong value, not pass silently.
        var next = 0
        let parts = sizes.map { size in
            (0..<size).map { _ in
                defer { next += 1 }
                return "element number \(next) with a string too long to be stored inline"
            }
        }
        let expected = parts.flatMap { $0 }
        for workers in [1, 2, 3, 8] {
            #expect(joined(parts, workers: workers) == expected)
        }
    }

    @Test func chunksAndRangesCoverEveryIndexOnce() {
        for count in [0, 1, 2, 7, 100] {
            for workers in [1, 2, 3, 8] {
                let ranges = inParallelRanges(count, workers: workers) { $0 }
                #expect(ranges.flatMap { Array($0) } == Array(0..<count))
                #expect(inParallelChunks(Array(0..<count), workers: workers) { $0 * 2 } == (0..<count).map { $0 * 2 })
            }
        }
    }
}
