import Foundation

/// A bounded first-in-first-out hand-off between the thread that reads and decodes and the thread
/// that analyses, so parsing and signal processing run on two cores at once.
///
/// Bounded (a few blocks of about 4096 rows) so memory stays flat when the reader is faster.
final class BlockQueue: @unchecked Sendable {
    enum Item {
        case output(DecoderOutput)
        /// The reader is done: end of input, an interrupt, or the error it hit.
        case end(Error?)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Adds an item, waiting while the queue is full. Returns false once the consumer has
    /// cancelled (the producer should stop).
    @discardableResult
    func push(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the next item, waiting while the queue is empty.
    func pop() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count { condition.wait() }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// The consumer gives up (e.g. its handler threw): wakes and stops the producer.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
