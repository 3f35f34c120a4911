import Dispatch
import Foundation

extension ChannelWork {
    /// Conditions and detects the rows of one block in `parts`, on two cores at once: while one
    /// worker conditions part j+1 (and whatever `prepare` does across channels), the other detects
    /// part j, channel by channel; once the conditioning is done, both detect.
    ///
    /// Conditioning a block and working across its channels (crosstalk) run on one thread, as
    /// must be: the filters and the canceller are sequential. Run before detection, they left a
    /// core idle whenever the reader had filled its queue; overlapped, the analyzer keeps both
    /// cores busy. The results are those of `condition` then `detect` over the whole block, bit
    /// for bit: each detector sees its rows in order, and every part is conditioned before it
    /// is detected.
    ///
    /// - Parameters:
    ///   - parts: consecutive row ranges that cover the block, in order.
    ///   - prepare: conditions one part (`condition` with those rows) and works across the
    ///     channels on it. Called once per part, in order, on one thread at a time.
    /// - Returns: the finished groups per channel, in the order detection found them.
    static func pipeline(detectors: [ChannelDetector], columns: [[Int]],
                         pointers: [UnsafePointer<Double>], parts: [Range<Int>],
                         prepare: @escaping (Range<Int>) -> Void) -> [[SegmentGroup]] {
        guard let last = parts.last else { return Array(repeating: [], count: detectors.count) }
        // Room for the whole block first: `condition` must not move buffers detection reads.
        for detector in detectors { detector.reserve(last.upperBound) }
        let board = PipelineBoard(parts: parts.count, channels: detectors.count)
        let inputs = columns.map { $0.map { pointers[$0] } }
        let prepare = UnsafeSendable(prepare), work = UnsafeSendable((detectors, inputs, parts))
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let (detectors, inputs, parts) = work.value
            // Whichever worker starts first conditions: if the two run one after the other on
            // one thread, the first has conditioned everything before the second waits.
            if board.claimConditioning() {
                for (j, part) in parts.enumerated() {
                    prepare.value(part)
                    board.markConditioned(through: j)
                }
            }
            while let (j, d) = board.nextDetection() {
                var groups: [SegmentGroup] = []
                detectors[d].detect(columns: inputs[d], rows: parts[j], finished: &groups)
                board.markDetected(part: j, channel: d, groups: groups)
            }
        }
        return board.groups
    }
}

/// The pipeline's shared progress: which part is conditioned, which detection comes next (part
/// by part, channel by channel) and how far each channel's detection has got. Every field is
/// read and written under `condition`.
private final class PipelineBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private let parts: Int, channels: Int
    private var conditionerClaimed = false
    /// Parts whose conditioning is done.
    private var conditioned = 0
    /// The next detection to hand out, numbered part-major (`part * channels + channel`).
    private var next = 0
    /// Per channel: parts detected.
    private var detected: [Int]
    private(set) var groups: [[SegmentGroup]]

    init(parts: Int, channels: Int) {
        self.parts = parts
        self.channels = channels
        detected = Array(repeating: 0, count: channels)
        groups = Array(repeating: [], count: channels)
    }

    /// True for the first caller only: it conditions every part.
    func claimConditioning() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let first = !conditionerClaimed
        conditionerClaimed = true
        return first
    }

    func markConditioned(through part: Int) {
        condition.lock()
        conditioned = part + 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next detection (part, channel), once its part is conditioned and the channel's
    /// previous part detected; nil when every detection has been handed out.
    func nextDetection() -> (part: Int, channel: Int)? {
        condition.lock()
        defer { condition.unlock() }
        guard next < parts * channels else { return nil }
        let (part, channel) = next.quotientAndRemainder(dividingBy: channels)
        next += 1
        // Both are in the hands of a running worker: the conditioner claimed before anyone
        // waits, and the channel's previous part was handed out before this one.
        while conditioned <= part || detected[channel] < part { condition.wait() }
        return (part, channel)
    }

    func markDetected(part: Int, channel: Int, groups found: [SegmentGroup]) {
        condition.lock()
        groups[channel] += found
        detected[channel] = part + 1
        condition.broadcast()
        condition.unlock()
    }
}
