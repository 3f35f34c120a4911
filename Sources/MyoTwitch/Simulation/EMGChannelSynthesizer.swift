/// Plans and renders the labelled muscle activity of one simulated EMG channel, in µV.
///
/// Twitches are single motor-unit potentials (5–25 ms, bi- to triphasic) with peak SNR
/// log-uniform in 3…30 × the background RMS, 20 % of them doublets (second discharge 10–110 ms
/// later, one event). Cramps are pools of 10–40 units with short potentials (5–10 ms) firing
/// irregularly (CV 0.45) at 6–25 pulses/s under a ramp–plateau–ramp drive, 3 s–2 min.
///
/// Voluntary activity is told apart from cramps the way physiology does, and by duration:
/// sustained voluntary contractions last **under 3 s** (1–2.8 s) *and* use longer potentials
/// (15–25 ms, i.e. a lower spectrum) firing regularly (CV 0.15); exercise bursts (0.3–1.5 s at
/// 0.5–1.5 Hz with real pauses) use the same voluntary units. With
/// `SimulationPhenomena.voluntaryHolds` (`simulate --real-world`) that duration cue is gone:
/// holds of 3–60 s are voluntary too (`EMGChannelSynthesizer+Holds.swift`).
struct EMGChannelSynthesizer {
    let rate: Double
    let count: Int
    /// Background-noise RMS, µV: the unit of every SNR.
    let noiseRMS: Double
    let phenomena: SimulationPhenomena
    var timeline: SimulationTimeline
    /// Labelled muscle activity (what crosstalk copies to neighbours), µV.
    var muscle: [Double]
    /// Artifacts except clipping (motion, pops, spikes), µV; not copied to neighbours.
    var artifacts: [Double]
    /// Planned clipping excursions: start, length (s) and sign; rendered once the rails are known.
    var clipExcursions: [(start: Double, length: Double, sign: Double)] = []
    var events: [TruthEvent] = []

    init(rate: Double, count: Int, noiseRMS: Double, phenomena: SimulationPhenomena) {
        self.rate = rate
        self.count = count
        self.noiseRMS = noiseRMS
        self.phenomena = phenomena
        timeline = SimulationTimeline(duration: Double(count) / rate)
        muscle = [Double](repeating: 0, count: count)
        artifacts = [Double](repeating: 0, count: count)
    }

    var duration: Double { Double(count) / rate }

    /// How many of something at `perMinute` fit this recording: stochastic rounding, at least one
    /// when the density is non-zero.
    func occurrences(_ perMinute: Double, random: inout SimulationRandom) -> Int {
        guard perMinute > 0 else { return 0 }
        return max(1, Int(perMinute * duration / 60 + random.unit()))
    }

    /// Plans and renders every muscle phenomenon of `density`, longest first so that short ones
    /// fill the gaps.
    mutating func planMuscle(density: SimulationDensity, random: inout SimulationRandom) {
        var crampRandom = random.fork(1), exerciseRandom = random.fork(2)
        var voluntaryRandom = random.fork(3), boutRandom = random.fork(4), twitchRandom = random.fork(5)
        if phenomena.contains(.cramps) {
            for _ in 0..<occurrences(density.cramps, random: &crampRandom) { addCramp(random: &crampRandom) }
        }
        if phenomena.contains(.exercise) {
            for _ in 0..<occurrences(density.exerciseBlocks, random: &exerciseRandom) {
                addExerciseBlock(random: &exerciseRandom)
            }
        }
        if phenomena.contains(.voluntaryHolds) {
            var holdRandom = random.fork(6)
            // Holds come on top of every preset, fewer at rest (small movements of a resting limb).
            let perMinute = density.voluntary > 0 || density.cramps > 0 ? 0.3 : 0.15
            for _ in 0..<occurrences(perMinute, random: &holdRandom) { addHold(random: &holdRandom) }
        }
        if phenomena.contains(.voluntary) {
            for _ in 0..<occurrences(density.voluntary, random: &voluntaryRandom) {
                addVoluntary(random: &voluntaryRandom)
            }
        }
        if phenomena.contains(.twitchEpisodes) {
            for _ in 0..<occurrences(density.twitchEpisodes, random: &boutRandom) { addBout(random: &boutRandom) }
        }
        if phenomena.contains(.isolatedTwitches) {
            for _ in 0..<occurrences(density.isolatedTwitches, random: &twitchRandom) {
                for _ in 0..<40 {
                    let onset = twitchRandom.uniform(timeline.margin, duration - timeline.margin)
                    if addTwitch(onset: onset, random: &twitchRandom) { break }
                }
            }
        }
    }

    /// One fasciculation (maybe a doublet) starting at `onset` seconds, if it fits the timeline.
    @discardableResult
    mutating func addTwitch(onset: Double, random: inout SimulationRandom) -> Bool {
        let shape = MUAPShape(durationSeconds: random.uniform(0.005, 0.025), sampleRate: rate, random: &random)
        var discharges = [(centre: onset + 2.5 * shape.lambda, amplitude: 1.0)]
        if phenomena.contains(.doublets) && random.chance(0.2) {
            discharges.append((discharges[0].centre + random.uniform(0.010, 0.110), random.uniform(0.6, 1)))
        }
        if phenomena.contains(.triplets) && random.chance(0.1) {
            discharges = Self.triplet(first: discharges[0].centre, lambda: shape.lambda, random: &random)
        }
        let end = discharges.last!.centre + 2.5 * shape.lambda
        let snr = random.logUniform(3, 30)
        guard timeline.place(start: onset, end: end, kind: .twitch) else { return false }
        let first = max(0, Int(onset * rate) - 2)
        let last = min(count - 1, Int(end * rate) + 2)
        var local = [Double](repeating: 0, count: last - first + 1)
        for d in discharges {
            shape.add(to: &local, centre: d.centre - Double(first) / rate, amplitude: d.amplitude, rate: rate)
        }
        add(local, at: first, kind: .twitch, start: onset, end: end, scaleTo: snr * noiseRMS, usingPeak: true)
        return true
    }

    /// A bout of twitches at 5–60 per minute lasting 20 s–5 min (at most half the recording).
    mutating func addBout(random: inout SimulationRandom) {
        let length = min(random.logUniform(20, 300), duration / 2)
        let perMinute = random.uniform(5, 60)
        guard duration - 2 * timeline.margin > length else { return }
        var t = random.uniform(timeline.margin, duration - timeline.margin - length)
        let end = t + length
        while true {
            t += max(0.3, random.exponential(mean: 60 / perMinute))
            guard t < end else { break }
            addTwitch(onset: t, random: &random)
        }
    }

    mutating func addCramp(random: inout SimulationRandom) {
        let length = min(random.logUniform(3, 120), max(3, duration * 0.4))
        guard let start = timeline.placeAnywhere(length: length, kind: .cramp, random: &random) else { return }
        let rise = random.uniform(0.15, 0.3) * length, fall = random.uniform(0.15, 0.3) * length
        let pool = MotorUnitPool(count: random.integer(10...40), durations: 0.005...0.010, minRate: 6,
                                 maxRate: 25, cv: 0.45, maxThreshold: 0.7, sampleRate: rate, random: &random)
        renderPool(pool, kind: .cramp, start: start, length: length,
                   drive: MotorUnitPool.trapezoid(length: length, rise: rise, fall: fall),
                   plateau: (start + rise, start + length - fall),
                   rms: random.logUniform(3, 15) * noiseRMS, random: &random)
    }

    mutating func addVoluntary(random: inout SimulationRandom) {
        let length = random.uniform(1, 2.8)
        guard let start = timeline.placeAnywhere(length: length, kind: .activity, random: &random) else { return }
        let pool = Self.voluntaryPool(rate: rate, random: &random)
        renderPool(pool, kind: .activity, start: start, length: length,
                   drive: MotorUnitPool.trapezoid(length: length, rise: 0.2 * length, fall: 0.2 * length),
                   plateau: (start + 0.2 * length, start + 0.8 * length),
                   rms: random.logUniform(3, 12) * noiseRMS, random: &random)
    }

    /// A block of rhythmic strokes (20 s–2 min) at 0.5–1.5 Hz; every stroke is one `activity`.
    mutating func addExerciseBlock(random: inout SimulationRandom) {
        let blockLength = min(random.logUniform(20, 120), duration / 2)
        let frequency = random.uniform(0.5, 1.5)
        let period = 1 / frequency
        guard duration - 2 * timeline.margin > blockLength else { return }
        let blockStart = random.uniform(timeline.margin, duration - timeline.margin - blockLength)
        let pool = Self.voluntaryPool(rate: rate, random: &random)
        let level = random.logUniform(3, 12) * noiseRMS
        var k = 0.0
        while true {
            let start = blockStart + k * period + random.uniform(-0.03, 0.03) * period
            k += 1
            let length = random.uniform(0.3, min(1.5, period - 0.25))
            guard start + length < blockStart + blockLength else { break }
            guard timeline.place(start: start, end: start + length, kind: .activity) else { continue }
            renderPool(pool, kind: .activity, start: start, length: length,
                       drive: MotorUnitPool.hann(length: length),
                       plateau: (start + 0.25 * length, start + 0.75 * length),
                       rms: level * random.uniform(0.8, 1.2), random: &random)
        }
    }

    /// Voluntary units: long potentials (15–25 ms, a lower spectrum than cramps), regular firing.
    static func voluntaryPool(rate: Double, random: inout SimulationRandom) -> MotorUnitPool {
        MotorUnitPool(count: random.integer(8...25), durations: 0.015...0.025, minRate: 8, maxRate: 22,
                      cv: 0.15, maxThreshold: 0.6, sampleRate: rate, random: &random)
    }

    mutating func renderPool(_ pool: MotorUnitPool, kind: EventKind, start: Double, length: Double,
                                     drive: (Double) -> Double, plateau: (Double, Double), rms: Double,
                                     random: inout SimulationRandom) {
        guard let r = pool.render(start: start, end: start + length, rate: rate, drive: drive,
                                  random: &random) else { return }
        let a = max(0, Int(plateau.0 * rate) - r.first), b = min(r.samples.count, Int(plateau.1 * rate) - r.first)
        var power = 0.0
        if b > a { for i in a..<b { power += r.samples[i] * r.samples[i] } }
        let measured = b > a ? (power / Double(b - a)).squareRoot() : 0
        guard measured > 0 else { return }
        add(r.samples, at: r.first, kind: kind, start: r.onset, end: r.offset, scaleTo: rms / measured,
            usingPeak: false)
    }

    /// Adds `local` (samples from `first`) to `muscle`, scaled so that its sampled peak is
    /// `scaleTo` (`usingPeak`) or by the factor `scaleTo`, and records the event.
    mutating func add(_ local: [Double], at first: Int, kind: EventKind, start: Double, end: Double,
                              scaleTo: Double, usingPeak: Bool) {
        var peakIndex = 0, peak = 0.0
        for (i, v) in local.enumerated() where abs(v) > peak { peak = abs(v); peakIndex = i }
        guard peak > 0 else { return }
        let scale = usingPeak ? scaleTo / peak : scaleTo
        for (i, v) in local.enumerated() where first + i < count { muscle[first + i] += v * scale }
        events.append(TruthEvent(kind: kind, start: start, end: end, peak: peak * scale,
                                 peakTime: Double(first + peakIndex) / rate,
                                 snr: peak * scale / noiseRMS))
    }
}
