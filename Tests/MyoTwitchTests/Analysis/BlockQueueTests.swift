import Foundation
import Testing
@testable import MyoTwitch

/// The bounded hand-off between the reading thread and the analysing one. A lost wake-up would
/// hang rather than fail, so each test has a time limit.
@Suite(.timeLimit(.minutes(1))) struct BlockQueueTests {
    static func item(_ k: Int) -> BlockQueue.Item {
        .output(.warning(InputWarning(line: k, column: 0, code: "test", message: "")))
    }

    /// Everything pushed arrives once, in order, whether the queue is mostly full (a slow
    /// consumer, capacity 1) or mostly empty (a slow producer).
    @Test(arguments: [(1, true), (1, false), (8, true), (8, false)])
    func itemsArriveInOrder(capacity: Int, slowConsumer: Bool) {
        let queue = BlockQueue(capacity: capacity)
        let count = 20_000
        let producer = Thread {
            for k in 0..<count {
                if !slowConsumer && k % 1000 == 0 { usleep(200) }
                queue.push(Self.item(k))
            }
            queue.push(.end(nil))
        }
        producer.start()
        var lines: [Int] = []
        loop: while true {
            switch queue.pop() {
            case .output(.warning(let w)): lines.append(w.line)
            case .output: Issue.record("unexpected item")
            case .end: break loop
            }
            if slowConsumer && lines.count % 1000 == 0 { usleep(200) }
        }
        #expect(lines == Array(0..<count))
    }

    /// A producer asleep on a full queue wakes and stops when the consumer cancels.
    @Test func cancelWakesABlockedProducer() {
        let queue = BlockQueue(capacity: 1)
        let stopped = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let producer = Thread {
            queue.push(Self.item(0))
            result.value = queue.push(Self.item(1))  // blocks: the queue is full
            stopped.signal()
        }
        producer.start()
        usleep(50_000)
        queue.cancel()
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        #expect(result.value == false)
    }

    final class ResultBox: @unchecked Sendable { var value: Bool? }
}
