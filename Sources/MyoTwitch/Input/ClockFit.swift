/// A running least-squares fit of a time column's stamps against the row number within one run
/// (the rows between two gaps): the line `t(n) = a + s·n` that the stamps scatter around.
///
/// Why a fit and not the median step: printed stamps are rounded (1/1024 s printed as 0.000977,
/// 1/1500 s as 0.000667) or quantised to whole milliseconds (rows repeat a stamp), so every single
/// step is off while the line through all of them converges on the real clock: after n rows the
/// slope is off by about quantum / n^1.5. Only two sums per row; the row number's sums are known
/// in closed form.
struct ClockFit {
    /// Rows added in this run.
    private(set) var rows = 0
    /// The first stamp of the run, seconds; sums are taken relative to it, so they stay small.
    private(set) var origin = 0.0
    private var sumT = 0.0
    private var sumNT = 0.0
    /// The interval used until the run has `minimumRows` rows (the previous run's, or the rate
    /// estimated from the first rows).
    private(set) var prior: Double

    /// Rows before the run's own slope is trusted: 256 rows resolve a whole-millisecond quantum to
    /// a few parts in 10⁵ of the interval.
    static let minimumRows = 256

    init(prior: Double) { self.prior = prior }

    /// Starts a new run at stamp `time`, carrying `prior` as its interval until it has its own.
    mutating func start(at time: Double, prior: Double) {
        rows = 0
        origin = time
        sumT = 0
        sumNT = 0
        self.prior = prior
    }

    @inline(__always)
    mutating func add(_ time: Double) {
        let d = time - origin
        sumT += d
        sumNT += Double(rows) * d
        rows += 1
    }

    /// The least-squares slope, seconds per row, however few the rows (NaN below two).
    var slope: Double {
        let n = Double(rows)
        let meanN = (n - 1) / 2
        let covariance = sumNT - meanN * sumT
        let variance = n * (n * n - 1) / 12
        return covariance / variance
    }

    /// The fitted seconds per row (the prior while the run is short or the stamps do not rise).
    var interval: Double {
        guard rows >= Self.minimumRows else { return prior }
        let slope = slope
        return slope > 0 && slope.isFinite ? slope : prior
    }

    /// The fitted stamp of row `k` of the run, seconds.
    func time(ofRow k: Int) -> Double {
        guard rows >= Self.minimumRows else { return origin + Double(k) * prior }
        let n = Double(rows)
        return origin + sumT / n + interval * (Double(k) - (n - 1) / 2)
    }
}
