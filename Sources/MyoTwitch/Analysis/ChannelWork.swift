import Dispatch

/// Runs the channel detectors over one block, in parallel when it pays.
///
/// Channels are independent until the crosstalk stage, so each detector can take its own core.
/// Below `parallelThreshold` samples × channels the hand-off costs more than it saves.
enum ChannelWork {
    static let parallelThreshold = 16_384

    static func run(detectors: [ChannelDetector], columns: [[Int]],
                    pointers: [UnsafePointer<Double>], count: Int,
                    parallel: Bool = true) -> [[SegmentGroup]] {
        let results = GroupSlots(count: detectors.count)
        let work = { (d: Int) in
            var groups: [SegmentGroup] = []
            detectors[d].process(columns: columns[d].map { pointers[$0] }, count: count,
                                 finished: &groups)
            results.set(d, groups)
        }
        if parallel && detectors.count > 1 && count * detectors.count >= parallelThreshold {
            let unsafeWork = UnsafeSendable(work)
            DispatchQueue.concurrentPerform(iterations: detectors.count) { unsafeWork.value($0) }
        } else {
            for d in detectors.indices { work(d) }
        }
        return results.slots
    }
}

/// One result slot per channel in raw storage, so that workers writing different slots never
/// touch shared array bookkeeping; each slot is written by exactly one worker.
private final class GroupSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<[SegmentGroup]>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: [], count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ index: Int, _ groups: [SegmentGroup]) { storage[index] = groups }
    var slots: [[SegmentGroup]] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}

/// Wraps a value whose concurrent use the caller has made safe (here: each detector and each
/// result slot is touched by exactly one worker).
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
