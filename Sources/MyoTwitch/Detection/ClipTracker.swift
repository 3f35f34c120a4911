/// One column's clipping evidence: the run of identical samples ending at the latest one and the
/// extremes seen so far. A rail is a value held at an extreme for `ChannelDetector.clipRun`
/// samples or more.
struct ClipTracker {
    /// Identical samples ending at the latest (0 before the first and after a restart).
    private(set) var run = 0
    private(set) var last = Double.nan
    private(set) var low = Double.infinity
    private(set) var high = -Double.infinity

    /// Takes the next sample. Without branches: in quantised noise equal neighbours are a coin
    /// toss. `last` takes `x` even when equal to it, which only a comparison can see.
    @inline(__always)
    mutating func add(_ x: Double) {
        run = x == last ? run + 1 : 1
        last = x
        low = x < low ? x : low
        high = x > high ? x : high
    }

    /// Whether the latest sample, `x`, sits on a rail held for at least `minimumRun` samples.
    @inline(__always)
    func isOnRail(_ x: Double, minimumRun: Int) -> Bool {
        run >= minimumRun && high > low && (x == high || x == low)
    }

    /// Forgets the run (a gap or a restart); the extremes stay.
    mutating func restartRun() {
        run = 0
        last = .nan
    }
}
