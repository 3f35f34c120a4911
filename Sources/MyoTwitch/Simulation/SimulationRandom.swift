/// The simulator's own pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// The system generator differs between platforms and runs; this one gives the same stream for
/// the same seed everywhere, which makes every simulated recording reproducible bit for bit.
/// Sub-streams (`fork(_:)`) let each channel and each phenomenon draw independently, so adding
/// one phenomenon does not shift the random numbers of the others.
struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64
    /// A second Gaussian from the last Box–Muller pair, if any.
    private var spareNormal: Double?

    init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// An independent generator for the sub-stream named `label` (e.g. a channel and a purpose).
    mutating func fork(_ label: UInt64) -> SimulationRandom {
        SimulationRandom(seed: next() ^ (label &* 0xD1B5_4A32_D192_ED03))
    }

    /// Uniform in [0, 1), 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// Log-uniform in [lower, upper): equal probability per octave, for quantities that span
    /// decades (SNR, durations).
    mutating func logUniform(_ lower: Double, _ upper: Double) -> Double {
        (lower.log() + (upper.log() - lower.log()) * unit()).exp()
    }

    /// Uniform integer in `range`.
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        if let spare = spareNormal { spareNormal = nil; return spare }
        let u1 = max(unit(), 0x1.0p-60), u2 = unit()
        let radius = (-2 * u1.log()).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * angle.sine()
        return radius * angle.cosine()
    }

    /// Exponential with the given mean (Poisson-process intervals).
    mutating func exponential(mean: Double) -> Double {
        -mean * max(1 - unit(), 0x1.0p-60).log()
    }

    /// A positive interval with the given mean and coefficient of variation (log-normal), for
    /// motor-unit firing: CV ≈ 0.45 for cramps, ≈ 0.15 for voluntary firing.
    mutating func interval(mean: Double, cv: Double) -> Double {
        let sigma2 = (1 + cv * cv).log()
        let mu = mean.log() - sigma2 / 2
        return (mu + sigma2.squareRoot() * normal()).exp()
    }
}
