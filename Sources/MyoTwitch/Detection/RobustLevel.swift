/// A robust, adaptive estimate of a signal's quiet level and spread from its lower tail.
///
/// Level and spread come from the 5th and 30th percentiles of a sliding history, scaled as for a
/// Gaussian (`spread = (p30 − p5) / 1.121`, `median ≈ p30 + 0.524 × spread`): unlike the plain
/// median and MAD, this stays right while up to about 70 % of the history is activity, as in
/// cyclic exercise that starts with the recording.
///
/// Only values the caller marks as quiet enter the history, so a minute-long cramp does not lift
/// the floor it is measured against; every `leakInterval`-th value enters regardless, so that a
/// lasting change of gain or noise is followed within `capacity × leakInterval` values.
/// Estimates are refreshed every `refreshInterval` accepted values (not on every value) to keep the
/// cost per sample small; refresh points depend only on the count of values, never on how the
/// input was chunked, so results are reproducible.
public struct RobustLevel: Sendable {
    public let capacity: Int
    public let refreshInterval: Int
    public let leakInterval: Int
    private var history: [Double]
    private var next = 0
    private var filled = 0
    private var offered = 0
    private var sinceRefresh = 0
    private var scratch: [Double] = []
    /// Where the next refresh looks for the 30th and 5th percentiles first (see `refresh`).
    private var band30 = Band(), band5 = Band()
    /// The quiet level (an estimate of the median of quiet values).
    public private(set) var median = 0.0
    /// Robust standard deviation from the lower tail (equals σ for Gaussian data).
    public private(set) var spread = 0.0

    public init(capacity: Int, refreshInterval: Int, leakInterval: Int = 20) {
        self.capacity = max(8, capacity)
        self.refreshInterval = max(1, refreshInterval)
        self.leakInterval = max(1, leakInterval)
        history = [Double](repeating: 0, count: self.capacity)
    }

    /// Whether any value has been taken in yet.
    public var isPrimed: Bool { filled > 0 }

    /// Offers `value`; it is taken when `quiet` or when the leak comes round.
    public mutating func offer(_ value: Double, quiet: Bool) {
        offered &+= 1
        guard quiet || offered % leakInterval == 0 else { return }
        history[next] = value
        next = next + 1 == capacity ? 0 : next + 1
        filled = min(filled + 1, capacity)
        sinceRefresh += 1
        if sinceRefresh >= refreshInterval || filled <= refreshInterval {
            refresh()
        }
    }

    /// Sets the estimate from a batch of values (start-up). The lower-tail estimate tolerates
    /// activity in most of them.
    public mutating func seed(with values: [Double]) {
        guard !values.isEmpty else { return }
        for v in values.suffix(capacity) {
            history[next] = v
            next = next + 1 == capacity ? 0 : next + 1
            filled = min(filled + 1, capacity)
        }
        refresh()
    }

    private mutating func refresh() {
        sinceRefresh = 0
        let n = filled
        let rank30 = (n * 30) / 100, rank5 = (n * 5) / 100
        if scratch.count < 2 * capacity { scratch = [Double](repeating: 0, count: 2 * capacity) }
        // Between refreshes only a few dozen of the values change, so the percentiles move
        // little: first look for each in a narrow band around its last value (one pass for both,
        // no branches), and select over the whole history only when one is not there. Either way
        // the results are the exact order statistics, as before; this was a tenth of the CPU time.
        let guess30 = median - 0.524 * spread
        var b30 = band30, b5 = band5
        b30.center(on: guess30)
        b5.center(on: guess30 - 1.121 * spread)
        var p30: Double? = nil, p5: Double? = nil
        history.withUnsafeBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { buffer in
                let source = values.baseAddress!, work = buffer.baseAddress!
                // NaN compares false with everything: it lies in no band, and the full selection
                // decides then.
                if Self.partition(source, n, &b30, &b5, into: work, and: work + n) {
                    p30 = b30.select(rank: rank30, in: work)
                    p5 = b5.select(rank: rank5, in: work + n)
                }
                b30.adapt(found: p30 != nil)
                b5.adapt(found: p5 != nil)
                if p30 == nil || p5 == nil {
                    work.update(from: source, count: n)
                    let full30 = Self.select(work, rank: rank30, lo: 0, hi: n - 1)
                    // After that selection everything below rank30 is ≤ p30: look for p5 there only.
                    p5 = Self.select(work, rank: rank5, lo: 0, hi: rank30)
                    p30 = full30
                }
            }
        }
        (band30, band5) = (b30, b5)
        spread = (p30! - p5!) / 1.121
        median = p30! + 0.524 * spread
    }

    /// Where a refresh looks for one percentile first: a closed interval `guess ± width × |guess|`
    /// around its last value (empty when a bound is NaN), and how the history fell about it.
    struct Band {
        /// Relative half-width; it adapts so that the band holds a few dozen values.
        var width = 0.05
        var low = 0.0, high = 0.0
        /// Values below the band and inside it, at the last `partition`.
        var below = 0, inside = 0

        mutating func center(on guess: Double) {
            let half = width * abs(guess)
            (low, high) = (guess - half, guess + half)
        }

        /// The `rank`-th smallest value of the history when it lies in the band (whose values
        /// `partition` put in `buffer`), else nil.
        func select(rank: Int, in buffer: UnsafeMutablePointer<Double>) -> Double? {
            guard rank >= below, rank < below + inside else { return nil }
            return RobustLevel.select(buffer, rank: rank - below, lo: 0, hi: inside - 1)
        }

        /// Twice as wide after a miss, half as wide when the band held more than 64 values (a
        /// band of a few dozen is found most times and costs little to search).
        mutating func adapt(found: Bool) {
            if !found { width = min(width * 2, 1e6) } else if inside > 64 { width = max(width / 2, 1e-9) }
        }
    }

    /// One pass over `values[0..<n]`: counts the values below and inside each band, and copies
    /// those inside to `first` and `second` (room for `n` each). Branch-free: each value is
    /// written and the write position advances only when it belongs. Returns false when a value
    /// is NaN (it is counted nowhere).
    static func partition(_ values: UnsafePointer<Double>, _ n: Int, _ a: inout Band, _ b: inout Band,
                          into first: UnsafeMutablePointer<Double>,
                          and second: UnsafeMutablePointer<Double>) -> Bool {
        var belowA = 0, insideA = 0, belowB = 0, insideB = 0, ordered = 0
        let (lowA, highA, lowB, highB) = (a.low, a.high, b.low, b.high)
        for i in 0..<n {
            let x = values[i]
            first[insideA] = x
            second[insideB] = x
            belowA &+= x < lowA ? 1 : 0
            insideA &+= x >= lowA && x <= highA ? 1 : 0
            belowB &+= x < lowB ? 1 : 0
            insideB &+= x >= lowB && x <= highB ? 1 : 0
            ordered &+= x == x ? 1 : 0
        }
        (a.below, a.inside, b.below, b.inside) = (belowA, insideA, belowB, insideB)
        return ordered == n
    }

    /// The `rank`-th smallest element (Hoare's quickselect with median-of-three pivots);
    /// reorders `values`.
    static func select(_ values: inout [Double], rank: Int, upTo last: Int? = nil) -> Double {
        let hi = last ?? values.count - 1
        return values.withUnsafeMutableBufferPointer { select($0.baseAddress!, rank: rank, lo: 0, hi: hi) }
    }

    private static func select(_ v: UnsafeMutablePointer<Double>, rank: Int, lo: Int, hi: Int) -> Double {
        var lo = lo, hi = hi
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if v[mid] < v[lo] { (v[mid], v[lo]) = (v[lo], v[mid]) }
            if v[hi] < v[lo] { (v[hi], v[lo]) = (v[lo], v[hi]) }
            if v[hi] < v[mid] { (v[hi], v[mid]) = (v[mid], v[hi]) }
            let pivot = v[mid]
            var i = lo, j = hi
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j { (v[i], v[j]) = (v[j], v[i]); i += 1; j -= 1 }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return v[rank] }
        }
        return v[rank]
    }
}
