extension EMGChannelSynthesizer {
    /// Plans electrode artifacts in the gaps the muscle activity left: motion bumps (100–500 ms,
    /// power mostly below 20 Hz), electrode pops (a step of 15–80 × noise decaying with τ =
    /// 50–300 ms; labelled over 3 τ), single-sample spikes (20–100 × noise) and clipping
    /// excursions (0.1–1 s beyond a rail; rendered later, when the rails are known).
    mutating func planArtifacts(perMinute: Double, random: inout SimulationRandom) {
        var kinds: [(SimulationPhenomena, Double)] = []
        for (phenomenon, weight) in [(SimulationPhenomena.motionArtifacts, 0.4), (.electrodePops, 0.25),
                                     (.spikes, 0.25), (.clipping, 0.1)] where phenomena.contains(phenomenon) {
            kinds.append((phenomenon, weight))
        }
        guard !kinds.isEmpty else { return }
        let total = kinds.reduce(0) { $0 + $1.1 }
        for _ in 0..<occurrences(perMinute, random: &random) {
            var pick = random.uniform(0, total)
            var chosen = kinds[0].0
            for (phenomenon, weight) in kinds {
                if pick < weight { chosen = phenomenon; break }
                pick -= weight
            }
            switch chosen {
            case .motionArtifacts: addMotion(random: &random)
            case .electrodePops: addPop(random: &random)
            case .spikes: addSpike(random: &random)
            default: addClipExcursion(random: &random)
            }
        }
    }

    /// A smooth bump (Hann window times a slow mono- or biphasic shape).
    mutating func addMotion(random: inout SimulationRandom) {
        let length = random.uniform(0.1, 0.5)
        guard let start = timeline.placeAnywhere(length: length, kind: .artifact, random: &random) else { return }
        let amplitude = random.logUniform(8, 60) * noiseRMS * (random.chance(0.5) ? 1 : -1)
        let biphasic = random.uniform(0, 1)
        let first = Int((start * rate).rounded(.up)), last = min(count - 1, Int((start + length) * rate))
        guard first <= last else { return }
        var peak = 0.0, peakTime = start
        for i in first...last {
            let x = (Double(i) / rate - start) / length
            let window = 0.5 - 0.5 * (2 * Double.pi * x).cosine()
            let v = amplitude * window * ((1 - biphasic) + biphasic * 1.5 * (2 * Double.pi * x).sine())
            artifacts[i] += v
            if abs(v) > peak { peak = abs(v); peakTime = Double(i) / rate }
        }
        events.append(TruthEvent(kind: .artifact, start: start, end: start + length, peak: peak,
                                 peakTime: peakTime, snr: peak / noiseRMS))
    }

    /// A step that decays exponentially (the electrode–skin contact breaking and recovering).
    mutating func addPop(random: inout SimulationRandom) {
        let tau = random.uniform(0.05, 0.3)
        guard let start = timeline.placeAnywhere(length: 3 * tau, kind: .artifact, random: &random) else { return }
        let amplitude = random.logUniform(15, 80) * noiseRMS * (random.chance(0.5) ? 1 : -1)
        let first = Int((start * rate).rounded(.up)), last = min(count - 1, Int((start + 8 * tau) * rate))
        guard first <= last else { return }
        for i in first...last {
            artifacts[i] += amplitude * (-(Double(i) / rate - start) / tau).exp()
        }
        let peakTime = Double(first) / rate
        events.append(TruthEvent(kind: .artifact, start: start, end: start + 3 * tau, peak: abs(amplitude),
                                 peakTime: peakTime, snr: abs(amplitude) / noiseRMS))
    }

    /// One sample far off the signal (a bit error or static discharge); labelled as one sample.
    mutating func addSpike(random: inout SimulationRandom) {
        guard let start = timeline.placeAnywhere(length: 1 / rate, kind: .artifact, random: &random) else { return }
        let index = min(count - 1, Int((start * rate).rounded(.up)))
        let amplitude = random.logUniform(20, 100) * noiseRMS * (random.chance(0.5) ? 1 : -1)
        artifacts[index] += amplitude
        let time = Double(index) / rate
        events.append(TruthEvent(kind: .artifact, start: time, end: time + 1 / rate, peak: abs(amplitude),
                                 peakTime: time, snr: abs(amplitude) / noiseRMS))
    }

    mutating func addClipExcursion(random: inout SimulationRandom) {
        let length = random.uniform(0.1, 1)
        guard let start = timeline.placeAnywhere(length: length, kind: .artifact, random: &random) else { return }
        clipExcursions.append((start, length, random.chance(0.5) ? 1 : -1))
    }

    /// Renders the clipping excursions into `signal` (µV) so that they pass the rails
    /// (`low`…`high`) by 1.5–3 × and clips there; each excursion becomes an `artifact` over the
    /// samples that sit on a rail. Edges rise within 5–15 ms, so the clipped stretch is nearly
    /// the whole excursion.
    mutating func renderClipping(into signal: inout [Double], low: Double, high: Double,
                                 random: inout SimulationRandom) {
        for excursion in clipExcursions {
            let rail = excursion.sign > 0 ? high : low
            let level = rail * random.uniform(1.5, 3)
            let edge = random.uniform(0.005, 0.015)
            let wobble = random.uniform(0.5, 3)
            let first = Int((excursion.start * rate).rounded(.up))
            let last = min(count - 1, Int((excursion.start + excursion.length) * rate))
            guard first <= last else { continue }
            var clippedFirst: Int?, clippedLast = first
            for i in first...last {
                let t = Double(i) / rate - excursion.start
                let rise = min(1, t / edge, (excursion.length - t) / edge)
                let target = level * max(0, rise) * (1 + 0.1 * (2 * Double.pi * wobble * t).sine())
                signal[i] += target
                if signal[i] >= high || signal[i] <= low {
                    if clippedFirst == nil { clippedFirst = i }
                    clippedLast = i
                }
            }
            guard let cf = clippedFirst else { continue }
            events.append(TruthEvent(kind: .artifact, start: Double(cf) / rate,
                                     end: Double(clippedLast + 1) / rate, peak: abs(rail),
                                     peakTime: Double(cf) / rate, snr: abs(rail) / noiseRMS))
        }
        for i in signal.indices { signal[i] = min(high, max(low, signal[i])) }
    }
}
