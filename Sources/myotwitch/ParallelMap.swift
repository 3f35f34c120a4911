import Foundation

/// Shared state of one `parallelMap` run.
private final class ParallelResults<R>: @unchecked Sendable {
    let lock = NSLock()
    var values: [R?]
    var next = 0
    var done = 0
    init(count: Int) { values = Array(repeating: nil, count: count) }
}

/// Runs `body` over `items` on up to `jobs` threads and returns the results in input order.
/// `progress` is called under a lock (so never concurrently) each time an item finishes.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int,
                                           progress: @escaping @Sendable (Int) -> Void = { _ in },
                                           _ body: @escaping @Sendable (T) -> R) -> [R] {
    let results = ParallelResults<R>(count: items.count)
    let workers = max(1, min(jobs, items.count))
    let group = DispatchGroup()
    for _ in 0..<workers {
        group.enter()
        Thread.detachNewThread {
            while true {
                let index: Int = results.lock.withLock {
                    defer { results.next += 1 }
                    return results.next
                }
                guard index < items.count else { break }
                let value = body(items[index])
                results.lock.withLock {
                    results.values[index] = value
                    results.done += 1
                    progress(results.done)
                }
            }
            group.leave()
        }
    }
    group.wait()
    return results.values.map { $0! }
}
