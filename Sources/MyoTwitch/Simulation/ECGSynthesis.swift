/// The electrocardiogram as it reaches EMG electrodes on the leg or trunk
/// (`SimulationPhenomena.ecg`): background, never labelled.
///
/// Each beat is a sum of Gaussians, P (−160 ms, 0.10, σ 20 ms), Q (−25 ms, −0.12, σ 8 ms),
/// R (0, 1, σ 6–10 ms), S (+25 ms, −0.30, σ 9 ms), T (+220–300 ms, 0.25, σ 40 ms), so the QRS
/// has its energy at 10–40 Hz and leaks into the EMG band, as on real recordings. The heart
/// rate is 50–90 beats/min with 4 % slow (AR(1), ρ 0.9) and 2 % beat-to-beat variability;
/// beat amplitudes vary by ±5 %.
struct ECGSynthesis {
    let rate: Double
    /// Beat times (R peaks), seconds.
    let beats: [Double]
    private let rWidth: Double
    private let tDelay: Double
    private let amplitudes: [Double]

    init(rate: Double, duration: Double, random: inout SimulationRandom) {
        self.rate = rate
        let meanRR = 60 / random.uniform(50, 90)
        rWidth = random.uniform(0.006, 0.010)
        tDelay = random.uniform(0.22, 0.30)
        var beats: [Double] = [], amplitudes: [Double] = []
        var t = random.uniform(0, meanRR), slow = 0.0
        while t < duration + 0.5 {
            beats.append(t)
            amplitudes.append(random.uniform(0.95, 1.05))
            slow = 0.9 * slow + 0.436 * random.normal()  // unit-variance AR(1)
            t += meanRR * max(0.5, 1 + 0.04 * slow + 0.02 * random.normal())
        }
        self.beats = beats
        self.amplitudes = amplitudes
    }

    /// The waveform over `count` samples, R peaks of height ≈ 1 (before the ±5 % variation).
    func render(count: Int) -> [Double] {
        let waves: [(offset: Double, height: Double, sigma: Double)] = [
            (-0.160, 0.10, 0.020), (-0.025, -0.12, 0.008), (0, 1, rWidth), (0.025, -0.30, 0.009),
            (tDelay, 0.25, 0.040),
        ]
        var out = [Double](repeating: 0, count: count)
        for (beat, scale) in zip(beats, amplitudes) {
            for wave in waves {
                let centre = beat + wave.offset
                let first = max(0, Int((centre - 4 * wave.sigma) * rate))
                let last = min(count - 1, Int((centre + 4 * wave.sigma) * rate) + 1)
                guard first <= last else { continue }
                for i in first...last {
                    let x = (Double(i) / rate - centre) / wave.sigma
                    out[i] += scale * wave.height * (-0.5 * x * x).exp()
                }
            }
        }
        return out
    }
}
