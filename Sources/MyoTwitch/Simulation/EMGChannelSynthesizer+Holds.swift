/// Voluntary holds with weak recruitment at their onsets and incomplete relaxation after them
/// (`SimulationPhenomena.voluntaryHolds`, `.recruitmentOnsets`, `.tonicActivity`), and twitch
/// triplets (`.triplets`): what real recordings hold and the standard presets do not.
///
/// A hold is voluntary, so its truth is `activity` however long it lasts: its onset units, its
/// plateau and its tonic tail are one event, from the first potential to the last.
extension EMGChannelSynthesizer {
    /// One hold of 3–60 s (log-uniform, at most 40 % of the recording), if it fits.
    ///
    /// Pool: 8–30 units of 8–25 ms potentials firing at 8–30 pulses/s with CV 0.10–0.25 (regular,
    /// as voluntary units are; shorter potentials than the standard voluntary pool, so the spectrum
    /// alone cannot tell it from a cramp); drive: rise and fall of 0.3–1.5 s, plateau fluctuating
    /// by ±10 % at 0.2–1 Hz (holding a force is never perfectly steady); RMS 2–12 × the noise.
    mutating func addHold(random: inout SimulationRandom) {
        let length = min(random.logUniform(3, 60), max(3, duration * 0.4))
        let lead = phenomena.contains(.recruitmentOnsets) ? random.uniform(0.3, 2) : 0
        let tail = phenomena.contains(.tonicActivity) && random.chance(0.5) ? random.uniform(2, 15) : 0
        let total = lead + length + tail
        guard let spanStart = timeline.placeAnywhere(length: total, kind: .activity, random: &random) else {
            return
        }
        let poolStart = spanStart + lead, poolEnd = poolStart + length
        let first = max(0, Int(spanStart * rate) - Int(0.05 * rate))
        let last = min(count - 1, Int((spanStart + total) * rate) + Int(0.05 * rate))
        var local = [Double](repeating: 0, count: last - first + 1)
        var onset = Double.infinity, offset = -Double.infinity

        // Onset: 1–3 single units firing alone, each potential 3–8 × the noise (peak).
        if lead > 0 {
            for _ in 0..<random.integer(1...3) {
                let shape = MUAPShape(durationSeconds: random.uniform(0.008, 0.02), sampleRate: rate, random: &random)
                let amplitude = random.uniform(3, 8) * noiseRMS
                let meanInterval = 1 / random.uniform(6, 35)
                var t = spanStart + random.uniform(0, min(0.2, lead / 2))
                while t + 5 * shape.lambda < poolStart + 0.3 {
                    shape.add(to: &local, centre: t + 2.5 * shape.lambda - Double(first) / rate,
                              amplitude: amplitude, rate: rate)
                    onset = min(onset, t)
                    offset = max(offset, t + 5 * shape.lambda)
                    t += random.interval(mean: meanInterval, cv: 0.15)
                }
            }
        }

        let rise = random.uniform(0.3, min(1.5, length / 3)), fall = random.uniform(0.3, min(1.5, length / 3))
        let wobble = random.uniform(0.2, 1), phase = random.uniform(0, 2 * .pi)
        let ramp = MotorUnitPool.trapezoid(length: length, rise: rise, fall: fall)
        let drive: (Double) -> Double = { t in ramp(t) * (0.9 + 0.1 * (2 * .pi * wobble * t + phase).sine()) }
        let pool = MotorUnitPool(count: random.integer(8...30), durations: 0.008...0.025, minRate: 8,
                                 maxRate: 30, cv: random.uniform(0.1, 0.25), maxThreshold: 0.6,
                                 sampleRate: rate, random: &random)
        let level = random.logUniform(2, 12) * noiseRMS
        if let r = pool.render(start: poolStart, end: poolEnd, rate: rate, drive: drive, random: &random) {
            mix(r, into: &local, first: first, rms: level, plateau: (poolStart + rise, poolEnd - fall))
            onset = min(onset, r.onset)
            offset = max(offset, r.offset)
        }

        // Tonic tail: a few units that do not switch off, at 1.5–3 × the noise RMS.
        if tail > 0 {
            let tonic = MotorUnitPool(count: random.integer(1...4), durations: 0.008...0.02, minRate: 6,
                                      maxRate: 12, cv: 0.2, maxThreshold: 0, sampleRate: rate, random: &random)
            let tailStart = poolEnd, tailEnd = poolEnd + tail
            if let r = tonic.render(start: tailStart, end: tailEnd, rate: rate, drive: { _ in 0.5 },
                                    random: &random) {
                mix(r, into: &local, first: first, rms: random.uniform(1.5, 3) * noiseRMS,
                    plateau: (tailStart, tailEnd))
                offset = max(offset, r.offset)
            }
        }
        guard onset.isFinite else { return }
        add(local, at: first, kind: .activity, start: onset, end: offset, scaleTo: 1, usingPeak: false)
    }

    /// Adds a rendered pool to `local` (which starts at sample `first`), scaled to `rms` over
    /// `plateau` (seconds).
    private func mix(_ r: (first: Int, samples: [Double], onset: Double, offset: Double), into local: inout [Double],
                     first: Int, rms: Double, plateau: (Double, Double)) {
        let a = max(0, Int(plateau.0 * rate) - r.first), b = min(r.samples.count, Int(plateau.1 * rate) - r.first)
        var power = 0.0
        if b > a { for i in a..<b { power += r.samples[i] * r.samples[i] } }
        guard b > a, power > 0 else { return }
        let scale = rms / (power / Double(b - a)).squareRoot()
        for (i, v) in r.samples.enumerated() {
            let k = r.first + i - first
            if k >= 0 && k < local.count { local[k] += v * scale }
        }
    }

    /// Three discharges of one unit, the last centre at most 120 ms after the first, each
    /// interval at least 5 ms and the potentials never overlapping by more than half.
    static func triplet(first: Double, lambda: Double, random: inout SimulationRandom)
        -> [(centre: Double, amplitude: Double)] {
        let minimum = max(0.005, 2.5 * lambda)
        let span = random.uniform(2 * minimum, max(2 * minimum, 0.12))
        let second = first + random.uniform(minimum, span - minimum)
        return [(first, 1), (second, random.uniform(0.6, 1)), (first + span, random.uniform(0.6, 1))]
    }
}
