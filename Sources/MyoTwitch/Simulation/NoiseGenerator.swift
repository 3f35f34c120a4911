/// Background noise and slow drifts for simulated signals.
enum NoiseGenerator {
    /// White Gaussian noise of unit RMS, band-limited by a second-order low-pass at `cutoff` Hz
    /// (the device's anti-alias filter; skipped when the cutoff is at or above 0.45 × rate).
    /// Band-limiting makes the noise in the EMG band comparable at 200 Hz and at 10 kHz.
    static func white(count: Int, rate: Double, cutoff: Double,
                      random: inout SimulationRandom) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = random.normal() }
        if cutoff < 0.45 * rate {
            var filter = LowPass(cutoff: cutoff, rate: rate)
            for i in 0..<count { out[i] = filter.step(out[i]) }
        }
        normalise(&out)
        return out
    }

    /// 1/f ("pink") noise of unit RMS: Paul Kellet's three-pole approximation, accurate within
    /// about ±0.5 dB over three decades below a fifth of the rate.
    static func pink(count: Int, random: inout SimulationRandom) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        var b0 = 0.0, b1 = 0.0, b2 = 0.0
        for i in 0..<count {
            let w = random.normal()
            b0 = 0.99765 * b0 + w * 0.0990460
            b1 = 0.96300 * b1 + w * 0.2965164
            b2 = 0.57000 * b2 + w * 1.0526913
            out[i] = b0 + b1 + b2 + w * 0.1848
        }
        normalise(&out)
        return out
    }

    /// Scales `values` to unit RMS (after removing the mean).
    static func normalise(_ values: inout [Double]) {
        guard !values.isEmpty else { return }
        let mean = values.reduce(0, +) / Double(values.count)
        var power = 0.0
        for v in values { power += (v - mean) * (v - mean) }
        let scale = power > 0 ? 1 / (power / Double(values.count)).squareRoot() : 0
        for i in values.indices { values[i] = (values[i] - mean) * scale }
    }

    /// A sum of three sinusoids between 0.03 and 0.8 Hz with total peak about `amplitude`
    /// (baseline wander: respiration, electrode drift).
    static func wander(count: Int, rate: Double, amplitude: Double,
                       random: inout SimulationRandom) -> [Double] {
        let parts = (0..<3).map { _ in
            (f: random.logUniform(0.03, 0.8), p: random.uniform(0, 2 * .pi), a: random.uniform(0.2, 0.5))
        }
        let total = parts.reduce(0) { $0 + $1.a }
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let t = Double(i) / rate
            var v = 0.0
            for part in parts { v += part.a * (2 * .pi * part.f * t + part.p).sine() }
            out[i] = amplitude * v / total
        }
        return out
    }

    /// A second-order Butterworth low-pass (RBJ biquad), for anti-alias band-limiting.
    struct LowPass {
        private let b0, b1, b2, a1, a2: Double
        private var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0

        init(cutoff: Double, rate: Double) {
            let w = 2 * Double.pi * cutoff / rate
            let alpha = w.sine() / (2 * 0.5.squareRoot())
            let c = w.cosine()
            let a0 = 1 + alpha
            b0 = (1 - c) / 2 / a0; b1 = (1 - c) / a0; b2 = b0
            a1 = -2 * c / a0; a2 = (1 - alpha) / a0
        }

        mutating func step(_ x: Double) -> Double {
            let y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            x2 = x1; x1 = x; y2 = y1; y1 = y
            return y
        }
    }
}
