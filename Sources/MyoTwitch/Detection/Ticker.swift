/// The multiples of `period` among sample indices that advance one at a time: `pass(n)` is
/// `n % period == 0` without the division, for callers that show it every index in order (or
/// skip only indices before `next`).
struct Ticker {
    let period: Int
    /// The next multiple of `period` to come (the smallest not yet passed).
    private(set) var next = 0

    init(period: Int) {
        precondition(period > 0)
        self.period = period
    }

    /// Whether `n` is a multiple of `period`; `n` must not lie beyond `next`.
    @inline(__always)
    mutating func pass(_ n: Int) -> Bool {
        guard n == next else { return false }
        next += period
        return true
    }
}
