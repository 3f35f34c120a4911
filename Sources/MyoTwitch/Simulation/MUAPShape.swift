/// The waveform of one motor-unit action potential as seen on the skin: a mix of the first two
/// Hermite–Rodriguez functions (HR1 biphasic, HR2 triphasic), the standard surface-MUAP model.
///
/// `lambda` is the time scale in seconds; the potential lasts about `5 λ` (|t| ≤ 2.5 λ holds all
/// but ~1 % of its peak), so fasciculation potentials of 5–25 ms have λ = 1–5 ms. The shape is
/// normalised to a peak magnitude of 1.
struct MUAPShape: Sendable {
    let lambda: Double
    private let w1: Double
    private let w2: Double
    private let norm: Double

    /// A random shape lasting `durationSeconds` (≈ 5 λ), sampled at `sampleRate` Hz.
    ///
    /// λ is kept ≥ 0.7 samples: a device's anti-alias filter smears a potential shorter than
    /// that over a few samples, and an unsmeared one would be a single-sample spike, which is an
    /// artifact class of its own.
    init(durationSeconds: Double, sampleRate: Double, random: inout SimulationRandom) {
        lambda = max(durationSeconds / 5, 0.7 / sampleRate)
        let triphasic = random.unit()
        let sign: Double = random.chance(0.5) ? 1 : -1
        w1 = sign * (1 - triphasic)
        w2 = sign * triphasic * (random.chance(0.5) ? 1 : -1)
        var peak = 0.0
        for k in -300...300 {
            peak = max(peak, abs(Self.raw(Double(k) / 100, w1, w2)))
        }
        norm = 1 / peak
    }

    /// Duration represented by the shape, seconds (|t| ≤ 2.5 λ).
    var duration: Double { 5 * lambda }

    private static func raw(_ x: Double, _ w1: Double, _ w2: Double) -> Double {
        let g = (-x * x).exp()
        // HR1 peaks at 0.4289 (x = ±1/√2); divide so that both terms have unit peak.
        return w1 * x * g / 0.428_881_942 + w2 * (1 - 2 * x * x) * g
    }

    /// The value at `t` seconds from the centre (peak-normalised).
    func value(at t: Double) -> Double {
        norm * Self.raw(t / lambda, w1, w2)
    }

    /// Adds `amplitude ×` the potential centred at `centre` seconds to `buffer` (sample i at time
    /// i / rate), over |t| ≤ 3 λ.
    func add(to buffer: inout [Double], centre: Double, amplitude: Double, rate: Double) {
        let first = max(0, Int((centre - 3 * lambda) * rate))
        let last = min(buffer.count - 1, Int((centre + 3 * lambda) * rate) + 1)
        guard first <= last else { return }
        for i in first...last {
            buffer[i] += amplitude * value(at: Double(i) / rate - centre)
        }
    }
}
