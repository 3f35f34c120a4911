import Dispatch

/// Runs the channel detectors over one block, in parallel when it pays.
///
/// Channels are independent until the crosstalk stage, so each detector can take its own core.
/// Below `parallelThreshold` samples × channels the hand-off costs more than it saves.
enum ChannelWork {
    static let parallelThreshold = 16_384

    /// Conditions every channel's rows (filters into band and motion energies). Channels whose
    /// filters are alike (the EMG channels of a recording) run together in SIMD lanes
    /// (`laneGroups`), which gives the same energies, bit for bit, in about half the time.
    static func condition(detectors: [ChannelDetector], columns: [[Int]],
                          pointers: [UnsafePointer<Double>], count: Int, parallel: Bool = true) {
        let groups = laneGroups(detectors, columns: columns)
        forEach(groups.count, rows: count * detectors.count / max(1, groups.count), parallel: parallel) { g in
            let members = groups[g]
            let inputs = members.map { pointers[columns[$0][0]] }
            switch members.count {
            case 8:
                ChannelDetector.conditionTogether(members.map { detectors[$0] }, as: SIMD8<Double>.self,
                                                  columns: inputs, count: count)
            case 4:
                ChannelDetector.conditionTogether(members.map { detectors[$0] }, as: SIMD4<Double>.self,
                                                  columns: inputs, count: count)
            case 2:
                ChannelDetector.conditionTogether(members.map { detectors[$0] }, as: SIMD2<Double>.self,
                                                  columns: inputs, count: count)
            default:
                let d = members[0]
                detectors[d].condition(columns: columns[d].map { pointers[$0] }, count: count)
            }
        }
    }

    /// Detectors to condition together: eights from eight channels up, else fours, else pairs;
    /// the rest, and any detector unlike the others, alone. Wider is faster even though a group
    /// runs on one core (1 h, 2 kHz: 8 channels as one group of 8 1.60 s, as two of 4 on two
    /// cores 1.68 s; 4 channels as one group of 4 0.25 s, as two pairs 0.31 s): the reader
    /// thread has the other core meanwhile.
    static func laneGroups(_ detectors: [ChannelDetector], columns: [[Int]]) -> [[Int]] {
        let alike = detectors.count > 1 && detectors.indices.allSatisfy {
            columns[$0].count == 1 && detectors[$0].sharesLanes(with: detectors[0])
        }
        guard alike else { return detectors.indices.map { [$0] } }
        var groups: [[Int]] = [], next = 0
        let width = detectors.count >= 8 ? 8 : detectors.count >= 4 ? 4 : 2
        while detectors.count - next >= width { groups.append(Array(next..<next + width)); next += width }
        while detectors.count - next >= 2 { groups.append([next, next + 1]); next += 2 }
        if next < detectors.count { groups.append([next]) }
        return groups
    }

    /// Runs every channel's detection over the rows `condition` prepared; returns the finished
    /// groups per channel.
    static func detect(detectors: [ChannelDetector], columns: [[Int]],
                       pointers: [UnsafePointer<Double>], count: Int,
                       parallel: Bool = true) -> [[SegmentGroup]] {
        let results = GroupSlots(count: detectors.count)
        forEach(detectors.count, rows: count, parallel: parallel) { d in
            var groups: [SegmentGroup] = []
            detectors[d].detect(columns: columns[d].map { pointers[$0] }, count: count,
                                finished: &groups)
            results.set(d, groups)
        }
        return results.slots
    }

    /// Calls `work` for channels `0..<channels`, on several cores when the block is big enough.
    private static func forEach(_ channels: Int, rows: Int, parallel: Bool, _ work: @escaping (Int) -> Void) {
        if parallel && channels > 1 && rows * channels >= parallelThreshold {
            let unsafeWork = UnsafeSendable(work)
            DispatchQueue.concurrentPerform(iterations: channels) { unsafeWork.value($0) }
        } else {
            for d in 0..<channels { work(d) }
        }
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
