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
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: history[0..<filled])
        let n = scratch.count
        let rank30 = (n * 30) / 100
        let p30 = Self.select(&scratch, rank: rank30)
        // After the first selection everything below rank30 is ≤ p30: look for p5 there only.
        let p5 = Self.select(&scratch, rank: (n * 5) / 100, upTo: rank30)
        spread = (p30 - p5) / 1.121
        median = p30 + 0.524 * spread
    }

    /// The `rank`-th smallest element (Hoare's quickselect with median-of-three pivots);
    /// reorders `values`.
    static func select(_ values: inout [Double], rank: Int, upTo last: Int? = nil) -> Double {
        var lo = 0, hi = last ?? values.count - 1
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if values[mid] < values[lo] { values.swapAt(mid, lo) }
            if values[hi] < values[lo] { values.swapAt(hi, lo) }
            if values[hi] < values[mid] { values.swapAt(hi, mid) }
            let pivot = values[mid]
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
        }
        return values[rank]
    }
}
