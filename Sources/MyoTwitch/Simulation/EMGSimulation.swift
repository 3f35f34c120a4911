/// Simulated surface EMG: per channel, background noise (white band-limited at 500 Hz plus 1/f;
/// coloured and heavy-tailed with `SimulationPhenomena.realWorld`, plus ECG),
/// mains with harmonics, baseline wander and DC offset, labelled muscle activity with crosstalk
/// to neighbouring channels, artifacts, and finally amplifier or ADC rails and units.
enum EMGSimulation {
    static func render(_ scenario: SimulationScenario, random: inout SimulationRandom) -> SimulatedSignals {
        let rate = scenario.sampleRateHz
        let count = max(2, Int((scenario.durationSeconds * rate).rounded()))
        let channels = max(1, scenario.channelCount)
        // Background RMS 5–20 µV: typical surface-EMG noise floors with good skin preparation.
        let baseNoise = random.logUniform(5, 20)
        var synths: [EMGChannelSynthesizer] = []
        var bases: [[Double]] = []
        for channel in 0..<channels {
            var r = random.fork(UInt64(channel + 1) * 1000)
            let noise = baseNoise * r.uniform(0.8, 1.25)
            var synth = EMGChannelSynthesizer(rate: rate, count: count, noiseRMS: noise,
                                              phenomena: scenario.phenomena)
            var muscleRandom = r.fork(1), artifactRandom = r.fork(2), backgroundRandom = r.fork(3)
            synth.planMuscle(density: scenario.preset.density, random: &muscleRandom)
            synth.planArtifacts(perMinute: scenario.preset.density.artifacts, random: &artifactRandom)
            bases.append(background(scenario, count: count, noise: noise, random: &backgroundRandom))
            synths.append(synth)
        }
        // Crosstalk: 3–20 % of each neighbour's muscle activity, labelled only on its own channel.
        var signals = bases
        var crosstalkRandom = random.fork(99)
        for i in 0..<channels {
            for k in 0..<count { signals[i][k] += synths[i].muscle[k] + synths[i].artifacts[k] }
            guard scenario.phenomena.contains(.crosstalk) else { continue }
            for j in [i - 1, i + 1] where j >= 0 && j < channels {
                let gain = crosstalkRandom.uniform(0.03, 0.2)
                for k in 0..<count { signals[i][k] += gain * synths[j].muscle[k] }
            }
        }
        if scenario.phenomena.contains(.ecg) {
            addECG(to: &signals, scenario: scenario, baseNoise: baseNoise, random: &random)
        }
        var columns: [String] = [], decimals: [Int] = [], events: [DetectedEvent] = []
        var outputs: [[Double]] = []
        let unitToken = scenario.unit.adcBits == nil ? scenario.unit.rawValue : "adc"
        for i in 0..<channels {
            let name = channels == 1 ? "emg_\(unitToken)" : "EMG\(i + 1)_\(unitToken)"
            var r = random.fork(UInt64(i + 1) * 7777)
            let conversion = OutputConversion(unit: scenario.unit, signal: signals[i], random: &r)
            synths[i].renderClipping(into: &signals[i], low: conversion.lowRail, high: conversion.highRail,
                                     random: &r)
            outputs.append(signals[i].map(conversion.output))
            columns.append(name)
            decimals.append(conversion.decimals(noiseRMS: synths[i].noiseRMS))
            for e in synths[i].events {
                events.append(DetectedEvent(kind: e.kind, channel: name, start: e.start, end: e.end,
                                            peak: conversion.amplitude(e.peak), peakTime: e.peakTime,
                                            snr: e.snr, reason: "simulated"))
            }
        }
        return SimulatedSignals(columns: columns, samples: outputs, decimals: decimals, channels: columns,
                                events: events)
    }

    /// Noise, mains, wander and DC offset of one channel, µV.
    static func background(_ scenario: SimulationScenario, count: Int, noise: Double,
                           random: inout SimulationRandom) -> [Double] {
        let rate = scenario.sampleRateHz
        var whiteRandom = random.fork(1), pinkRandom = random.fork(2), mainsRandom = random.fork(3)
        var wanderRandom = random.fork(4)
        var out = [Double](repeating: 0, count: count)
        let coloured = scenario.phenomena.contains(.colouredNoise)
        let heavyTailed = scenario.phenomena.contains(.heavyTailedNoise)
        if coloured || heavyTailed {
            var realRandom = random.fork(5)
            let real = NoiseGenerator.realWorld(count: count, rate: rate, coloured: coloured,
                                                heavyTailed: heavyTailed, random: &realRandom)
            for i in 0..<count { out[i] = noise * real[i] }
        } else {
            let white = NoiseGenerator.white(count: count, rate: rate, cutoff: 500, random: &whiteRandom)
            let pink = NoiseGenerator.pink(count: count, random: &pinkRandom)
            // 85 % of the noise power white, 15 % 1/f: the 1/f part sits mostly below the EMG band.
            let whiteGain = noise * 0.85.squareRoot(), pinkGain = noise * 0.15.squareRoot()
            for i in 0..<count { out[i] = whiteGain * white[i] + pinkGain * pink[i] }
        }
        if let mains = scenario.mainsHz, scenario.mainsStrength > 0 {
            let f = mains + mainsRandom.uniform(-0.03, 0.03)
            var lines: [(f: Double, a: Double, p: Double)] = [(f, 1, mainsRandom.uniform(0, 2 * .pi))]
            for (h, range) in [(2.0, 0.0...0.15), (3.0, 0.1...0.4), (5.0, 0.0...0.15)] {
                lines.append((f * h, mainsRandom.uniform(range.lowerBound, range.upperBound),
                              mainsRandom.uniform(0, 2 * .pi)))
            }
            let amplitude = scenario.mainsStrength * noise
            for line in lines where line.f < 0.45 * rate {
                let w = 2 * Double.pi * line.f / rate
                for i in 0..<count { out[i] += amplitude * line.a * (w * Double(i) + line.p).sine() }
            }
        }
        if scenario.phenomena.contains(.baselineWander) {
            let wander = NoiseGenerator.wander(count: count, rate: rate,
                                               amplitude: wanderRandom.uniform(2, 15) * noise,
                                               random: &wanderRandom)
            let dc = wanderRandom.uniform(-30, 30) * noise
            for i in 0..<count { out[i] += wander[i] + dc }
        }
        return out
    }

    /// ECG on every channel (on 60 % of recordings): R peak 2–20 × the recording's base noise
    /// RMS, per channel a gain of 0.3–1 and either polarity (the heart's vector seen from
    /// different electrode pairs). Not labelled and not part of `muscle`, so crosstalk does not
    /// copy it again.
    static func addECG(to signals: inout [[Double]], scenario: SimulationScenario, baseNoise: Double,
                       random: inout SimulationRandom) {
        var r = random.fork(4242)
        guard r.chance(0.6), let count = signals.first?.count else { return }
        let ecg = ECGSynthesis(rate: scenario.sampleRateHz, duration: Double(count) / scenario.sampleRateHz,
                               random: &r)
        let wave = ecg.render(count: count)
        let height = r.logUniform(2, 20) * baseNoise
        for c in signals.indices {
            let gain = height * r.uniform(0.3, 1) * (r.chance(0.5) ? 1 : -1)
            for i in 0..<count { signals[c][i] += gain * wave[i] }
        }
    }
}
