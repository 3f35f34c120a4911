/// One-to-one greedy matching of true and detected intervals of one kind on one channel.
enum IntervalMatcher {
    struct Interval {
        var start: Double
        var end: Double
    }

    enum Criterion {
        /// Closed-interval overlap after widening the true interval by `tolerance` seconds each
        /// side; scored by the overlap length with the unwidened true interval.
        case overlap(tolerance: Double)
        /// Intersection over union at least `minimum`; scored by IoU.
        case iou(minimum: Double)
    }

    /// Pairs `(truthIndex, detectionIndex)` of the matching, in the order taken.
    static func match(truth: [Interval], detected: [Interval], criterion: Criterion) -> [(Int, Int)] {
        guard !truth.isEmpty, !detected.isEmpty else { return [] }
        let order = detected.indices.sorted { detected[$0].start < detected[$1].start }
        let starts = order.map { detected[$0].start }
        let longest = detected.reduce(0) { max($0, $1.end - $1.start) }
        let widen: Double
        if case .overlap(let tolerance) = criterion { widen = tolerance } else { widen = 0 }
        var candidates: [(score: Double, onset: Double, t: Int, d: Int)] = []
        for (t, truthInterval) in truth.enumerated() {
            let low = truthInterval.start - widen, high = truthInterval.end + widen
            // Detections starting after `high` cannot overlap; scan back from there until no
            // detection (at most `longest` long) can reach `low` any more.
            var k = upperBound(starts, high) - 1
            while k >= 0 && starts[k] + longest >= low {
                let d = order[k]
                let det = detected[d]
                k -= 1
                guard det.start <= high && det.end >= low else { continue }
                let score: Double
                switch criterion {
                case .overlap:
                    // Eligibility uses the widened interval; the score is the overlap with the
                    // true interval itself, so a long detection that merely reaches into the
                    // tolerance does not beat one that sits on the event.
                    score = max(0, min(truthInterval.end, det.end) - max(truthInterval.start, det.start))
                case .iou(let minimum):
                    let intersection = min(truthInterval.end, det.end) - max(truthInterval.start, det.start)
                    let union = max(truthInterval.end, det.end) - min(truthInterval.start, det.start)
                    let iou = union > 0 ? max(0, intersection) / union : 1
                    guard iou >= minimum else { continue }
                    score = iou
                }
                candidates.append((score, abs(det.start - truthInterval.start), t, d))
            }
        }
        candidates.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.onset != $1.onset { return $0.onset < $1.onset }
            if $0.t != $1.t { return $0.t < $1.t }
            return $0.d < $1.d
        }
        var truthTaken = [Bool](repeating: false, count: truth.count)
        var detectedTaken = [Bool](repeating: false, count: detected.count)
        var pairs: [(Int, Int)] = []
        for c in candidates where !truthTaken[c.t] && !detectedTaken[c.d] {
            truthTaken[c.t] = true
            detectedTaken[c.d] = true
            pairs.append((c.t, c.d))
        }
        return pairs
    }

    /// The first index whose value is greater than `value` (values sorted ascending).
    static func upperBound(_ values: [Double], _ value: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
