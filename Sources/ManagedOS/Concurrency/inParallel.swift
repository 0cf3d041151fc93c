import Dispatch
import Foundation

/// How many threads the pipeline's parallel steps use: one per core this process may run on.
let defaultWorkerCount = ProcessInfo.processInfo.activeProcessorCount

/// `body` applied to each job `0..<count`, on every core when `workers` > 1, with the results in job order.
///
/// With one worker, or one job, everything runs on the calling thread, in order.
func inParallel<Result: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
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

/// `transform` applied to every element, in contiguous chunks on every core (a few per worker, so a core taken by
/// another process leaves less to wait for), with the results in element order.
func inParallelChunks<Element: Sendable, Result: Sendable>(
    _ elements: [Element], workers: Int, _ transform: @Sendable (Element) -> Result
) -> [Result] {
    let chunks = workers > 1 ? min(elements.count, workers * 4) : 1
    guard chunks > 1 else { return elements.map(transform) }
    return inParallel(chunks, workers: workers) { chunk in
        elements[(elements.count * chunk / chunks)..<(elements.count * (chunk + 1) / chunks)].map(transform)
    }.flatMap { $0 }
}
