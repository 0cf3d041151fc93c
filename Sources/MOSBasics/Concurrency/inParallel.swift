public import Dispatch
import Foundation

/// How many threads the pipeline's parallel steps use: one per core this process may run on.
package let defaultWorkerCount = ProcessInfo.processInfo.activeProcessorCount

/// `body` applied to each job `0..<count`, on every core when `workers` > 1, with the results in job order.
///
/// With one worker, or one job, everything runs on the calling thread, in order.
package func inParallel<Result: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    guard workers > 1, count > 1 else { return (0..<count).map(body) }
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
        // Each job initializes only its own element, so the threads share nothing mutable and need no lock.
        nonisolated(unsafe) let slots = buffer
        DispatchQueue.concurrentPerform(iterations: count) { job in
            slots.initializeElement(at: job, to: body(job))
        }
        initialized = count
    }
}

/// `body` applied to contiguous ranges that cover `0..<count`, on every core (sixteen ranges per worker, so the
/// last range to finish, or a core taken by another process, leaves little to wait for), with the results in range
/// order.
package func inParallelRanges<Result: Sendable>(
    _ count: Int, workers: Int, _ body: @Sendable (Range<Int>) -> Result
) -> [Result] {
    let chunks = workers > 1 ? min(count, workers * 16) : 1
    guard chunks > 1 else { return [body(0..<count)] }
    return inParallel(chunks, workers: workers) { body(chunkRange($0, of: chunks, covering: count)) }
}

/// The `chunk`th of `chunks` contiguous ranges that split `0..<count` as evenly as whole indices allow.
package func chunkRange(_ chunk: Int, of chunks: Int, covering count: Int) -> Range<Int> {
    (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
}

/// `transform` applied to every element, in contiguous chunks on every core, with the results in element order.
package func inParallelChunks<Element: Sendable, Result: Sendable>(
    _ elements: [Element], workers: Int, _ transform: @Sendable (Element) -> Result
) -> [Result] {
    guard workers > 1, elements.count > 1 else { return elements.map(transform) }
    return joined(inParallelRanges(elements.count, workers: workers) { elements[$0].map(transform) }, workers: workers)
}

/// The arrays of `parts` joined in order, moved on every core.
///
/// Each part's elements are moved, not copied, by the thread that takes it: a copy of an array of large structs
/// costs a reference count per stored reference, and freeing the part another, which on one thread was a serial
/// step of every validation.
@inlinable package func joined<Element: Sendable>(_ parts: consuming [[Element]], workers: Int) -> [Element] {
    var parts = parts
    var offsets: [Int] = []
    offsets.reserveCapacity(parts.count)
    var total = 0
    for part in parts {
        offsets.append(total)
        total += part.count
    }
    guard workers > 1, parts.count > 1 else {
        var result: [Element] = []
        result.reserveCapacity(total)
        for index in parts.indices {
            result += parts[index]
            parts[index] = []
        }
        return result
    }
    return parts.withUnsafeMutableBufferPointer { partsBuffer in
        [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            // Job i reads and clears only part i and writes only its own range of the result: nothing is shared.
            nonisolated(unsafe) let sources = partsBuffer
            nonisolated(unsafe) let slots = buffer
            let offsets = offsets
            DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                var part: [Element] = []
                swap(&part, &sources[index])
                // The part is the only reference to its storage now, so popping moves each element out.
                var end = offsets[index] + part.count
                while let element = part.popLast() {
                    end -= 1
                    slots.initializeElement(at: end, to: element)
                }
            }
            initialized = total
        }
    }
}
