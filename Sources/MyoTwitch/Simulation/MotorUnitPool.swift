/// A pool of motor units recruited by a common drive: the source of cramps and voluntary
/// contractions in simulated EMG.
///
/// Each unit starts firing when the drive (0…1) exceeds its recruitment threshold; its mean rate
/// then rises linearly from `minRate` to `maxRate` pulses/s as the drive reaches 1. Intervals are
/// log-normal with coefficient of variation `cv`: ≈ 0.45 in cramps (Minetto 2009), ≈ 0.15 in
/// voluntary contractions, which are more regular.
struct MotorUnitPool {
    struct Unit {
        var shape: MUAPShape
        var amplitude: Double
        var threshold: Double
    }

    var units: [Unit]
    var minRate: Double
    var maxRate: Double
    var cv: Double

    /// `count` units whose potentials last `durations` seconds (5 λ), amplitudes log-uniform in
    /// 0.3…1, thresholds spread over 0…`maxThreshold` with the first unit at 0 (so firing starts
    /// as soon as the drive does).
    init(count: Int, durations: ClosedRange<Double>, minRate: Double, maxRate: Double, cv: Double,
         maxThreshold: Double, sampleRate: Double, random: inout SimulationRandom) {
        var units: [Unit] = []
        for index in 0..<count {
            let shape = MUAPShape(durationSeconds: random.uniform(durations.lowerBound, durations.upperBound),
                                  sampleRate: sampleRate, random: &random)
            let threshold = index == 0 ? 0 : random.uniform(0, maxThreshold)
            units.append(Unit(shape: shape, amplitude: random.logUniform(0.3, 1), threshold: threshold))
        }
        self.units = units
        self.minRate = minRate
        self.maxRate = maxRate
        self.cv = cv
    }

    /// The summed potentials of the pool for `drive(t)` (t in seconds from `start`, 0…1) over
    /// [start, end], as samples `first ..< first + samples.count` of the recording; also the
    /// first potential's onset and the last one's end (seconds), or `nil` when no unit fired.
    func render(start: Double, end: Double, rate: Double, drive: (Double) -> Double,
                random: inout SimulationRandom)
        -> (first: Int, samples: [Double], onset: Double, offset: Double)? {
        let first = max(0, Int(start * rate) - Int(0.05 * rate))
        let last = Int(end * rate) + Int(0.05 * rate)
        var samples = [Double](repeating: 0, count: last - first + 1)
        var onset = Double.infinity, offset = -Double.infinity
        for unit in units {
            // A random phase so that the units do not all fire at the drive's first instant.
            var t = start + random.uniform(0, 1 / maxRate)
            while t < end {
                let level = drive(t - start)
                guard level > unit.threshold else { t += 0.02; continue }
                let fraction = (level - unit.threshold) / max(1e-9, 1 - unit.threshold)
                let meanRate = minRate + (maxRate - minRate) * fraction
                let centre = t + 2.5 * unit.shape.lambda
                if centre + 2.5 * unit.shape.lambda > end { break }
                unit.shape.add(to: &samples, centre: centre - Double(first) / rate,
                               amplitude: unit.amplitude, rate: rate)
                onset = min(onset, t)
                offset = max(offset, centre + 2.5 * unit.shape.lambda)
                t += random.interval(mean: 1 / meanRate, cv: cv)
            }
        }
        guard onset.isFinite else { return nil }
        return (first, samples, onset, offset)
    }

    /// A trapezoid drive for an event of `length` seconds: linear rise over `rise`, plateau at 1,
    /// linear fall over `fall`.
    static func trapezoid(length: Double, rise: Double, fall: Double) -> (Double) -> Double {
        { t in
            if t < rise { return t / rise }
            if t > length - fall { return max(0, (length - t) / fall) }
            return 1
        }
    }

    /// A raised-cosine drive over `length` seconds (one exercise stroke).
    static func hann(length: Double) -> (Double) -> Double {
        { t in 0.5 - 0.5 * (2 * Double.pi * t / length).cosine() }
    }
}
