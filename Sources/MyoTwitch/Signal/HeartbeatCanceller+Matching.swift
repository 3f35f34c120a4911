/// How `HeartbeatCanceller` matches a candidate beat: by shape (correlation with the template's
/// QRS band, aligned within ±3 ms, or found within ±30 ms when the candidate is not the R wave)
/// and by rhythm (intervals agreeing within ±25 %, a gap of several beats bridged).
extension HeartbeatCanceller {
    /// The best of the correlations with the template within ±`maxLag` of `r`: value, lag and all
    /// of them (for the sub-sample shift).
    func align(_ r: Int, span: Int) -> (Double, Int, [Double]) {
        var best = -2.0, bestLag = 0
        var scores = [Double](repeating: -2, count: 2 * maxLag + 1)
        for lag in -maxLag...maxLag {
            let c = correlation(r: r + lag, span: span)
            scores[lag + maxLag] = c
            if c > best { best = c; bestLag = lag }
        }
        return (best, bestLag, scores)
    }

    /// Where within ±`searchLag` of a candidate that does not match the template a window does
    /// (correlation ≥ `subtractCorrelation`, the best of them), or nil. On the emgGO background
    /// with potentials injected, six beats with a potential on them were left whole (and the
    /// potential lost with the beat as `low-frequency-power`): their candidates correlated at
    /// −0.6, the largest value having been the S wave or the potential's own negative phase.
    func realign(_ r: Int, span: Int) -> Int? {
        var best = Self.subtractCorrelation, found: Int? = nil
        for lag in -searchLag...searchLag where abs(lag) > maxLag {
            let c = correlation(r: r + lag, span: span)
            if c >= best { best = c; found = r + lag }
        }
        return found
    }

    /// The interval since the last matching beat, halved when one beat between went unmatched
    /// (a twitch on it, a movement), so that one miss does not break the rhythm.
    func rhythmInterval(_ interval: Int) -> Int {
        guard recentIntervals.count >= Self.establishedBeats - 1 else { return interval }
        let sorted = recentIntervals.sorted()
        let median = Double(sorted[sorted.count / 2])
        return Double(interval) > 1.5 * median && Double(interval) < 2.5 * median ? interval / 2 : interval
    }

    /// Whether `interval` since the last matching beat spans several beats of a rhythm held
    /// long (a contraction hid those between): more than 2.5 of the last `heldIntervals`
    /// intervals, which all agree within ±25 %. The beat after such a gap is not subtracted
    /// (nothing confirms its timing) but the gap does not join the rhythm either, so the next
    /// beat is judged by the beats before it: when every gap joined it, the three or four beats
    /// after each contraction of the emgGO tibialis went unsubtracted (78 beats at rest) while
    /// the gap stayed among the last four intervals. Eight agreeing intervals, not four: the
    /// irregular firing of one unit, whose potentials share a shape, can give four similar
    /// intervals by chance now and then, eight next to never (a third of its intervals fall
    /// within ±25 % of their median: 0.33⁸ ≈ 1e-4).
    func spansGap(_ interval: Int) -> Bool {
        guard heldIntervals.count >= Self.heldRhythm else { return false }
        let sorted = heldIntervals.sorted()
        let median = Double(sorted[sorted.count / 2])
        guard Double(interval) >= 2.5 * median else { return false }
        return heldIntervals.allSatisfy { abs(Double($0) - median) <= 0.25 * median }
    }

    /// Intervals of a rhythm that bridges gaps (`spansGap`).
    static let heldRhythm = 8

    /// Whether the intervals between the last matching beats agree within ±25 % (a heart
    /// rhythm), and `interval` since the last one with them.
    func fitsRhythm(_ interval: Int) -> Bool {
        guard recentIntervals.count >= Self.establishedBeats - 1 else { return false }
        let sorted = recentIntervals.sorted()
        let median = Double(sorted[sorted.count / 2])
        return (Array(recentIntervals) + [interval]).allSatisfy { abs(Double($0) - median) <= 0.25 * median }
    }

    /// Pearson correlation of the high-passed window starting `pre` before `r`, `span` samples
    /// long, with the template's first `span` values.
    func correlation(r: Int, span: Int) -> Double {
        var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        for k in 0..<span {
            let x = qrs[(r - pre + k) & mask], y = qrsTemplate[k]
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        }
        let n = Double(span)
        let vx = sxx - sx * sx / n, vy = syy - sy * sy / n
        guard vx > 0, vy > 0 else { return 0 }
        return (sxy - sx * sy / n) / (vx * vy).squareRoot()
    }
}
