/// Simulated 3-axis accelerometer on a muscle, synthesised in g.
///
/// Gravity (1 g) turns slowly (orientation angles drifting over minutes); sensor noise is white,
/// 2–8 mg per axis. Labelled, on the one analysed channel `"accelerometer"`:
/// - `twitch`: a damped 10–40 Hz oscillation (capped at 0.4 × rate) along the muscle's normal,
///   decay τ = 50–300 ms, labelled over min(3 τ, 0.95 s); peak SNR 3–30 × the noise RMS of the
///   vector (σ √3);
/// - `cramp`: sustained narrow-band 8–30 Hz vibration, ramp–plateau–ramp, 3 s–2 min;
/// - `activity`: gross movements (1–8 s, 0.2–2.5 Hz, 0.05–0.4 g) and walking (10 s–2 min of
///   heel strikes at 1.6–2.0 Hz with sway);
/// - `artifact`: single-sample spikes (knocks on the sensor's bus).
struct AccelerometerSimulation {
    let rate: Double
    let count: Int
    let phenomena: SimulationPhenomena
    /// Per-axis noise σ, g.
    let sigma: Double
    /// Axes x, y, z of the dynamic (non-gravity) acceleration, g.
    var axes: [[Double]]
    var timeline: SimulationTimeline
    var events: [TruthEvent] = []
    /// Unit vector of the skin normal, along which twitches and cramps vibrate.
    let normal: (Double, Double, Double)

    var duration: Double { Double(count) / rate }
    /// The background RMS of the acceleration vector, g: the unit of every SNR.
    var noiseRMS: Double { sigma * 3.0.squareRoot() }

    static func render(_ scenario: SimulationScenario, random: inout SimulationRandom) -> SimulatedSignals {
        let rate = scenario.sampleRateHz
        let count = max(2, Int((scenario.durationSeconds * rate).rounded()))
        var sim = AccelerometerSimulation(rate: rate, count: count, phenomena: scenario.phenomena,
                                          random: &random)
        var planRandom = random.fork(1), gravityRandom = random.fork(2), noiseRandom = random.fork(3)
        sim.plan(density: scenario.preset.density, random: &planRandom)
        let gravity = sim.gravity(random: &gravityRandom)
        let scale = scenario.unit.scaleFromSynthesis
        let token = scenario.unit == .g ? "g" : "ms2"
        let names = scenario.accelerometerLongNames
            ? ["acc_x_\(token)", "acc_y_\(token)", "acc_z_\(token)"] : ["ax_\(token)", "ay_\(token)", "az_\(token)"]
        var samples: [[Double]] = []
        for axis in 0..<3 {
            var column = [Double](repeating: 0, count: count)
            for i in 0..<count {
                column[i] = (gravity[axis][i] + sim.axes[axis][i] + sim.sigma * noiseRandom.normal()) * scale
            }
            samples.append(column)
        }
        let resolution = sim.sigma * scale / 200
        let decimals = min(12, max(0, Int((-resolution.log() / 10.0.log()).rounded(.up))))
        let events = sim.events.map {
            DetectedEvent(kind: $0.kind, channel: "accelerometer", start: $0.start, end: $0.end,
                          peak: $0.peak * scale, peakTime: $0.peakTime, snr: $0.snr, reason: "simulated")
        }
        return SimulatedSignals(columns: names, samples: samples, decimals: [Int](repeating: decimals, count: 3),
                                channels: ["accelerometer"], events: events)
    }

    init(rate: Double, count: Int, phenomena: SimulationPhenomena, random: inout SimulationRandom) {
        self.rate = rate
        self.count = count
        self.phenomena = phenomena
        sigma = random.uniform(0.002, 0.008)
        axes = [[Double]](repeating: [Double](repeating: 0, count: count), count: 3)
        timeline = SimulationTimeline(duration: Double(count) / rate)
        normal = Self.unitVector(random: &random)
    }

    static func unitVector(random: inout SimulationRandom) -> (Double, Double, Double) {
        let x = random.normal(), y = random.normal(), z = random.normal()
        let n = max(1e-9, (x * x + y * y + z * z).squareRoot())
        return (x / n, y / n, z / n)
    }

    /// The gravity vector per axis: 1 g whose direction drifts by up to ±0.3 rad over minutes.
    func gravity(random: inout SimulationRandom) -> [[Double]] {
        let theta0 = random.uniform(0.2, 1.3), phi0 = random.uniform(0, 2 * .pi)
        let f1 = random.logUniform(0.0005, 0.005), f2 = random.logUniform(0.0005, 0.005)
        let p1 = random.uniform(0, 2 * .pi), p2 = random.uniform(0, 2 * .pi)
        var g = [[Double]](repeating: [Double](repeating: 0, count: count), count: 3)
        for i in 0..<count {
            let t = Double(i) / rate
            let theta = theta0 + 0.3 * (2 * .pi * f1 * t + p1).sine()
            let phi = phi0 + 0.3 * (2 * .pi * f2 * t + p2).sine()
            g[0][i] = theta.sine() * phi.cosine()
            g[1][i] = theta.sine() * phi.sine()
            g[2][i] = theta.cosine()
        }
        return g
    }

    func occurrences(_ perMinute: Double, random: inout SimulationRandom) -> Int {
        guard perMinute > 0 else { return 0 }
        return max(1, Int(perMinute * duration / 60 + random.unit()))
    }

    mutating func plan(density: SimulationDensity, random: inout SimulationRandom) {
        var crampRandom = random.fork(1), moveRandom = random.fork(2), boutRandom = random.fork(3)
        var twitchRandom = random.fork(4), spikeRandom = random.fork(5)
        if phenomena.contains(.cramps) {
            for _ in 0..<occurrences(density.cramps, random: &crampRandom) { addCramp(random: &crampRandom) }
        }
        if phenomena.contains(.movement) {
            for _ in 0..<occurrences(density.movement, random: &moveRandom) {
                if moveRandom.chance(0.4) { addWalking(random: &moveRandom) } else { addMovement(random: &moveRandom) }
            }
        }
        if phenomena.contains(.twitchEpisodes) {
            for _ in 0..<occurrences(density.twitchEpisodes, random: &boutRandom) {
                let length = min(boutRandom.logUniform(20, 300), duration / 2)
                let perMinute = boutRandom.uniform(5, 60)
                guard duration - 2 * timeline.margin > length else { break }
                var t = boutRandom.uniform(timeline.margin, duration - timeline.margin - length)
                let end = t + length
                while true {
                    t += max(0.3, boutRandom.exponential(mean: 60 / perMinute))
                    guard t < end else { break }
                    addTwitch(onset: t, random: &boutRandom)
                }
            }
        }
        if phenomena.contains(.isolatedTwitches) {
            for _ in 0..<occurrences(density.isolatedTwitches, random: &twitchRandom) {
                for _ in 0..<40 where addTwitch(onset: twitchRandom.uniform(0.5, duration - 0.5),
                                                random: &twitchRandom) { break }
            }
        }
        if phenomena.contains(.spikes) {
            for _ in 0..<occurrences(density.artifacts * 0.3, random: &spikeRandom) { addSpike(random: &spikeRandom) }
        }
    }

    /// Adds `value(t)` (t from `start`, g) along `direction` over [start, start + length] and
    /// records the event over [start, labelEnd].
    mutating func add(kind: EventKind, start: Double, length: Double, labelEnd: Double,
                      direction: (Double, Double, Double), value: (Double) -> Double) {
        let first = Int((start * rate).rounded(.up)), last = min(count - 1, Int((start + length) * rate))
        guard first <= last else { return }
        var peak = 0.0, peakTime = start
        for i in first...last {
            let v = value(Double(i) / rate - start)
            axes[0][i] += v * direction.0
            axes[1][i] += v * direction.1
            axes[2][i] += v * direction.2
            if abs(v) > peak { peak = abs(v); peakTime = Double(i) / rate }
        }
        events.append(TruthEvent(kind: kind, start: start, end: labelEnd, peak: peak, peakTime: peakTime,
                                 snr: peak / noiseRMS))
    }

    /// A mechanical twitch: a damped oscillation, rising within ~8 ms.
    @discardableResult
    mutating func addTwitch(onset: Double, random: inout SimulationRandom) -> Bool {
        let tau = random.uniform(0.05, 0.3)
        let frequency = random.uniform(10, max(10.5, min(40, 0.4 * rate)))
        let labelEnd = onset + min(3 * tau, 0.95)
        guard timeline.place(start: onset, end: labelEnd, kind: .twitch) else { return false }
        let phase = random.uniform(0, 0.5)
        let shape: (Double) -> Double = { t in
            (1 - (-t / 0.008).exp()) * (2 * .pi * frequency * t + phase).sine() * (-t / tau).exp()
        }
        // Scale so that the sampled peak is exactly SNR × noise RMS.
        var sampledPeak = 0.0
        let first = Int((onset * rate).rounded(.up)), last = min(count - 1, Int((onset + 6 * tau) * rate))
        if first <= last { for i in first...last { sampledPeak = max(sampledPeak, abs(shape(Double(i) / rate - onset))) } }
        guard sampledPeak > 0 else { return true }
        let amplitude = random.logUniform(3, 30) * noiseRMS / sampledPeak
        add(kind: .twitch, start: onset, length: 6 * tau, labelEnd: labelEnd, direction: jittered(normal, &random)) {
            amplitude * shape($0)
        }
        return true
    }

    /// Cramp vibration: six close sinusoids around f₀ (a narrow band), ramp–plateau–ramp.
    mutating func addCramp(random: inout SimulationRandom) {
        let length = min(random.logUniform(3, 120), max(3, duration * 0.4))
        guard let start = timeline.placeAnywhere(length: length, kind: .cramp, random: &random) else { return }
        let f0 = random.uniform(8, max(8.5, min(30, 0.4 * rate)))
        let parts = (0..<6).map { _ in (f: f0 + random.uniform(-1.5, 1.5), p: random.uniform(0, 2 * .pi)) }
        let rise = random.uniform(0.15, 0.3) * length, fall = random.uniform(0.15, 0.3) * length
        // Six unit sinusoids of random phase have an RMS of about √3.
        let amplitude = random.logUniform(3, 12) * noiseRMS / 3.0.squareRoot()
        let envelope = MotorUnitPool.trapezoid(length: length, rise: rise, fall: fall)
        add(kind: .cramp, start: start, length: length, labelEnd: start + length,
            direction: jittered(normal, &random)) { t in
            var v = 0.0
            for part in parts { v += (2 * .pi * part.f * t + part.p).sine() }
            return amplitude * envelope(t) * v
        }
    }

    /// A gross movement: one to a few slow swings in a random direction.
    mutating func addMovement(random: inout SimulationRandom) {
        let length = random.uniform(1, 8)
        guard let start = timeline.placeAnywhere(length: length, kind: .activity, random: &random) else { return }
        let f = random.uniform(0.2, 2.5), amplitude = random.uniform(0.05, 0.4), p = random.uniform(0, 2 * .pi)
        add(kind: .activity, start: start, length: length, labelEnd: start + length,
            direction: Self.unitVector(random: &random)) { t in
            amplitude * (0.5 - 0.5 * (2 * .pi * t / length).cosine()) * (2 * .pi * f * t + p).sine()
        }
    }

    /// Walking: heel strikes (short 12–20 Hz ringing, 0.2–0.6 g) at the step rate, with sway.
    mutating func addWalking(random: inout SimulationRandom) {
        let length = min(random.logUniform(10, 120), duration / 2)
        guard let start = timeline.placeAnywhere(length: length, kind: .activity, random: &random) else { return }
        let stepRate = random.uniform(1.6, 2.0)
        let ring = min(20, 0.4 * rate), sway = random.uniform(0.05, 0.15)
        let strikes = (0..<Int(length * stepRate)).map { k in
            (t: Double(k) / stepRate + random.uniform(-0.02, 0.02), a: random.uniform(0.2, 0.6))
        }
        add(kind: .activity, start: start, length: length, labelEnd: start + length,
            direction: jittered(normal, &random)) { t in
            var v = sway * (2 * .pi * stepRate / 2 * t).sine()
            // Only the latest two strikes still ring (0.03 s decay against ≥ 0.5 s between steps).
            let k = Int(t * stepRate)
            for j in [k - 1, k] where j >= 0 && j < strikes.count && t >= strikes[j].t {
                let dt = t - strikes[j].t
                v += strikes[j].a * (-dt / 0.03).exp() * (2 * .pi * ring * dt).sine()
            }
            return v * min(1, t / 0.5, (length - t) / 0.5)
        }
    }

    /// A single-sample knock, 20–100 × the noise, on one axis.
    mutating func addSpike(random: inout SimulationRandom) {
        guard let start = timeline.placeAnywhere(length: 1 / rate, kind: .artifact, random: &random) else { return }
        let index = min(count - 1, Int((start * rate).rounded(.up)))
        let amplitude = random.logUniform(20, 100) * noiseRMS * (random.chance(0.5) ? 1 : -1)
        axes[random.integer(0...2)][index] += amplitude
        let time = Double(index) / rate
        events.append(TruthEvent(kind: .artifact, start: time, end: time + 1 / rate, peak: abs(amplitude),
                                 peakTime: time, snr: abs(amplitude) / noiseRMS))
    }

    /// `v` tilted by a random 0.2-rad-ish deviation, renormalised.
    func jittered(_ v: (Double, Double, Double), _ random: inout SimulationRandom) -> (Double, Double, Double) {
        let x = v.0 + 0.2 * random.normal(), y = v.1 + 0.2 * random.normal(), z = v.2 + 0.2 * random.normal()
        let n = max(1e-9, (x * x + y * y + z * z).squareRoot())
        return (x / n, y / n, z / n)
    }
}
