import Foundation

/// The upper tail of a channel's quiet envelope, measured on the recording itself, and the
/// envelope levels that its noise alone exceeds with a given probability.
///
/// The chi-square law of `FalseAlarmThreshold` holds for white Gaussian noise in the pass band.
/// Real backgrounds are coloured (1/f electrode noise, residual mains, ECG) and heavy-tailed:
/// on public rest recordings the 10 ms envelope crossed the chi-square 1e-7 level hundreds of
/// times an hour. The tail model here makes no such assumption. The energy (squared envelope)
/// of any noise whose tail is that of a sum of squares decays exponentially far out (the
/// limiting law of peaks over a threshold for chi-square, gamma and Gaussian-mixture energies),
/// so above its 90th percentile the quiet energy is modelled as
/// `P(E > x) = 0.1 × exp(−(x − E₉₀) / β)`, with the scale `β` read from the 90th and 98th
/// percentiles: `β = (E₉₈ − E₉₀) / ln 5`. Quantiles rather than a mean excess keep the fit
/// robust to the few twitches that reach the quiet history; percentiles this high keep it close
/// to the far tail. For white Gaussian noise the model is slightly conservative (simulated, 512
/// values of 8.6 degrees of freedom: median level 2.62 × the median envelope against the exact
/// chi-square 2.49, 10th–90th percentile 2.45–2.85); on public rest recordings whose 10 ms
/// envelope crossed the chi-square level twice a minute, the measured tail put it at 3.7 × and
/// nothing crossed.
///
/// `β` never falls below the white-noise value for the band (`2 × mean / dof`): quantised
/// signals (8-bit devices) have lumpy distributions whose percentiles can coincide.
/// Only quiet values enter (never the periodic leak of `RobustLevel`, which can carry
/// activity), and the levels are refreshed every `refreshInterval` values, so that they change
/// only at fixed sample counts (streaming equals batch).
struct NoiseTail: Sendable {
    let capacity: Int
    let refreshInterval: Int
    /// Degrees of freedom of the envelope of white noise in the band (the floor of `β`).
    let whiteDegreesOfFreedom: Double
    /// Tail probabilities per independent envelope window: strict and within an episode.
    let strictProbability: Double, episodeProbability: Double
    private var history: [Double]
    private var scratch: [Double]
    private var next = 0, filled = 0, sinceRefresh = 0
    /// Envelope levels (amplitude) exceeded by quiet noise with the strict and the episode
    /// probability; 0 until values have come.
    private(set) var strictLevel = 0.0
    private(set) var episodeLevel = 0.0
    /// The root of the mean quiet energy without its largest tenth, over the median envelope
    /// (the statistic `ChannelDetector.measureContrast` takes of a segment's surroundings).
    private(set) var trimmedPerMedian = 1.0
    /// The median quiet envelope (amplitude); 0 until values have come.
    private(set) var medianLevel = 0.0
    init(capacity: Int = 512, refreshInterval: Int, whiteDegreesOfFreedom: Double,
         strictProbability: Double, episodeProbability: Double) {
        self.capacity = max(32, capacity)
        self.refreshInterval = max(1, refreshInterval)
        self.whiteDegreesOfFreedom = max(1, whiteDegreesOfFreedom)
        self.strictProbability = strictProbability
        self.episodeProbability = episodeProbability
        history = [Double](repeating: 0, count: self.capacity)
        scratch = [Double](repeating: 0, count: self.capacity)
    }

    /// Takes one quiet envelope value.
    mutating func add(_ envelope: Double) {
        history[next] = envelope * envelope
        next = next + 1 == capacity ? 0 : next + 1
        filled = min(filled + 1, capacity)
        sinceRefresh += 1
        if sinceRefresh >= refreshInterval || (filled <= refreshInterval && filled >= 20) { refresh() }
    }

    /// Start-up: takes a batch of envelope values at once.
    mutating func seed(with values: [Double]) {
        for v in values.suffix(capacity) {
            history[next] = v * v
            next = next + 1 == capacity ? 0 : next + 1
            filled = min(filled + 1, capacity)
        }
        if filled >= 20 { refresh() }
    }

    private mutating func refresh() {
        sinceRefresh = 0
        let n = filled
        for i in 0..<n { scratch[i] = history[i] }
        // Largest rank first, each next selection within the part below the last: afterwards
        // the first 90 % of `scratch` hold exactly the values up to E₉₀.
        let r98 = min(n - 1, (n * 98) / 100), r90 = (n * 90) / 100
        let e98 = RobustLevel.select(&scratch, rank: r98, upTo: n - 1)
        let e90 = RobustLevel.select(&scratch, rank: r90, upTo: r98)
        let e50 = RobustLevel.select(&scratch, rank: n / 2, upTo: r90)
        // White noise's energy has the tail scale 2 × mean / dof; its mean from the median by
        // the Wilson–Hilferty median of the chi-square law.
        let k = whiteDegreesOfFreedom
        let whiteScale = 2 * e50 / (k * pow(max(1e-3, 1 - 2 / (9 * k)), 3))
        let beta = max((e98 - e90) / log(5.0), whiteScale, 1e-300)
        strictLevel = (e90 + beta * log(0.1 / strictProbability)).squareRoot()
        episodeLevel = (e90 + beta * log(0.1 / episodeProbability)).squareRoot()
        medianLevel = max(0, e50).squareRoot()
        let kept = r90
        var sum = 0.0
        for i in 0..<max(1, kept) { sum += scratch[i] }
        trimmedPerMedian = e50 > 0 ? (sum / Double(max(1, kept)) / e50).squareRoot() : 1
    }
}
