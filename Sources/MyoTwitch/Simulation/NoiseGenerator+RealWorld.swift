/// Background noise as real surface-EMG floors have it (`SimulationPhenomena.colouredNoise`,
/// `.heavyTailedNoise`), where the standard simulator's is 85 % white and Gaussian.
///
/// Real floors are coloured inside the EMG band (distant muscles, electrode impedance) and
/// heavy-tailed and non-stationary (skin contact, movement of cables): a detector whose false-alarm
/// level assumes white Gaussian noise crosses it far more often than designed on them.
extension NoiseGenerator {
    /// Unit-RMS background of `count` samples at `rate` Hz.
    ///
    /// - coloured: 40 % of the power white (band-limited at 500 Hz), 35 % white through a
    ///   resonance (band-pass, Q 0.7) centred log-uniformly at 40–150 Hz (at most 0.35 × rate),
    ///   25 % 1/f; otherwise 85 % white and 15 % 1/f as in the standard background.
    /// - heavy-tailed: the white innovations are Student-t with ν = 5…12 degrees of freedom
    ///   (log-uniform per recording; excess kurtosis 6 / (ν − 4)), the background's standard
    ///   deviation follows exp(d g(t)), g a unit-variance Gaussian process low-passed at 0.3–1 Hz
    ///   and d = 0.03–0.1, and distant motor units add sporadic potentials (5–20 ms, peak
    ///   1–2.5 × the noise RMS, below every labelled twitch's 3 ×) at 0–60 per minute, unlabelled.
    ///
    /// Calibration (band 20–450 Hz, 2 s windows of rest): the real recordings of
    /// ../shared/realdata have a median excess kurtosis of 0.1–1.9 per file (ECG-free; 90th
    /// percentile 1–16) and an SD of log 250 ms RMS of 0.07 at 1 kHz to 0.15 at 200 Hz, barely
    /// above its estimation noise (hence the small d). This background (coloured and heavy,
    /// mains 1×, 1 kHz, seeds 1–8) measures −0.24…0.07 (90th percentile ≤ 0.33) and 0.05–0.07:
    /// no heavier than the real floors, yet the standard detector reports 3–34 false twitches
    /// per minute on it (the real rest recordings give it 2.8–22 outside the Myo files).
    static func realWorld(count: Int, rate: Double, coloured: Bool, heavyTailed: Bool,
                          random: inout SimulationRandom) -> [Double] {
        var whiteRandom = random.fork(1), bandRandom = random.fork(2), pinkRandom = random.fork(3)
        var envelopeRandom = random.fork(4)
        let nu = Int(random.logUniform(5, 13)), depth = random.uniform(0.03, 0.1)
        let white = heavyTailed ? studentT(count: count, rate: rate, cutoff: 500, nu: nu, random: &whiteRandom)
            : Self.white(count: count, rate: rate, cutoff: 500, random: &whiteRandom)
        let pink = Self.pink(count: count, random: &pinkRandom)
        var out = [Double](repeating: 0, count: count)
        if coloured {
            var band = heavyTailed ? studentT(count: count, rate: rate, cutoff: 0.45 * rate, nu: nu, random: &bandRandom)
                : Self.white(count: count, rate: rate, cutoff: 0.45 * rate, random: &bandRandom)
            let centre = min(bandRandom.logUniform(40, 150), 0.35 * rate)
            var filter = BandPass(centre: centre, q: 0.7, rate: rate)
            for i in 0..<count { band[i] = filter.step(band[i]) }
            normalise(&band)
            let gw = 0.40.squareRoot(), gb = 0.35.squareRoot(), gp = 0.25.squareRoot()
            for i in 0..<count { out[i] = gw * white[i] + gb * band[i] + gp * pink[i] }
        } else {
            let gw = 0.85.squareRoot(), gp = 0.15.squareRoot()
            for i in 0..<count { out[i] = gw * white[i] + gp * pink[i] }
        }
        if heavyTailed {
            var g = [Double](repeating: 0, count: count)
            for i in 0..<count { g[i] = envelopeRandom.normal() }
            var smooth = LowPass(cutoff: envelopeRandom.uniform(0.3, 1), rate: rate)
            // Run the low-pass once over the first second to start in its steady state.
            for i in 0..<min(count, Int(rate)) { _ = smooth.step(g[i]) }
            for i in 0..<count { g[i] = smooth.step(g[i]) }
            normalise(&g)
            for i in 0..<count { out[i] *= (depth * g[i]).exp() }
        }
        normalise(&out)
        if heavyTailed {
            var unitRandom = random.fork(6)
            let perMinute = unitRandom.uniform(0, 60)
            var t = unitRandom.exponential(mean: 60 / max(perMinute, 1e-9))
            let duration = Double(count) / rate
            while t < duration {
                let shape = MUAPShape(durationSeconds: unitRandom.uniform(0.005, 0.02), sampleRate: rate,
                                      random: &unitRandom)
                shape.add(to: &out, centre: t, amplitude: unitRandom.uniform(1, 2.5), rate: rate)
                t += unitRandom.exponential(mean: 60 / perMinute)
            }
        }
        return out
    }

    /// Student-t noise with `nu` (≥ 3) degrees of freedom, band-limited like `white`, unit RMS.
    static func studentT(count: Int, rate: Double, cutoff: Double, nu: Int,
                         random: inout SimulationRandom) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let z = random.normal()
            var chi = 0.0
            for _ in 0..<nu { let g = random.normal(); chi += g * g }
            // t = z / √(χ²/ν); normalise() below removes its variance ν / (ν − 2).
            out[i] = z / max(chi / Double(nu), 1e-12).squareRoot()
        }
        if cutoff < 0.45 * rate {
            var filter = LowPass(cutoff: cutoff, rate: rate)
            for i in 0..<count { out[i] = filter.step(out[i]) }
        }
        normalise(&out)
        return out
    }

    /// A second-order band-pass (RBJ, constant 0 dB peak gain) centred at `centre` Hz.
    struct BandPass {
        private let b0, b2, a1, a2: Double
        private var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0

        init(centre: Double, q: Double, rate: Double) {
            let w = 2 * Double.pi * centre / rate
            let alpha = w.sine() / (2 * q)
            let a0 = 1 + alpha
            b0 = alpha / a0; b2 = -alpha / a0
            a1 = -2 * w.cosine() / a0; a2 = (1 - alpha) / a0
        }

        mutating func step(_ x: Double) -> Double {
            let y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2
            x2 = x1; x1 = x; y2 = y1; y1 = y
            return y
        }
    }
}
