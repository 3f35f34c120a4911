import Foundation
import Testing
@testable import MyoTwitch

/// `HeartbeatCanceller`: the ECG comes out, everything else goes through untouched.
@Suite struct HeartbeatCancellerTests {
    /// Runs `signal` through a canceller in blocks of `block` samples; returns the output (the
    /// input delayed by `delay`, then the held samples) and the canceller.
    static func cancel(_ signal: [Double], rate: Double, block: Int = 4096) -> ([Double], HeartbeatCanceller) {
        var canceller = HeartbeatCanceller(sampleRate: rate)
        canceller.restart(first: signal[0])
        var out = [Double](repeating: .nan, count: signal.count)
        var written = 0
        var start = 0
        signal.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                while start < signal.count {
                    let n = min(block, signal.count - start)
                    written += canceller.process(input.baseAddress! + start, count: n, into: output.baseAddress! + written)
                    start += n
                }
                written += canceller.finish(into: output.baseAddress! + written)
            }
        }
        #expect(written == signal.count)
        return (out, canceller)
    }

    /// Energy of the 20 Hz high-passed signal within ±60 ms of the given times (after `from` s).
    static func qrsEnergy(_ x: [Double], rate: Double, beats: [Double], from: Double) -> Double {
        var filter = Biquad.highPass(cutoff: 20, q: 0.7071, sampleRate: rate)
        let y = x.map { filter.process($0) }
        var sum = 0.0
        for b in beats where b >= from {
            let lo = max(0, Int((b - 0.06) * rate)), hi = min(x.count - 1, Int((b + 0.06) * rate))
            for i in lo...hi { sum += y[i] * y[i] }
        }
        return sum
    }

    /// Without ECG nothing is subtracted: noise, twitches at irregular intervals (as
    /// fasciculations come) and a burst come out bit for bit.
    @Test(arguments: [250.0, 1000, 2000])
    func passesSignalWithoutECG(rate: Double) {
        var s = SyntheticSignal(rate: rate, seconds: 60, noise: 1, seed: 7)
        var t = 1.3
        while t < 58 {
            s.addSpike(at: t, amplitude: 12)
            t += 0.4 + 2.5 * s.uniform()
        }
        s.addBurst(start: 30, duration: 4, amplitude: 6)
        let (out, canceller) = Self.cancel(s.samples, rate: rate)
        #expect(canceller.subtractedBeats == 0)
        #expect(out == s.samples)
    }

    /// With ECG, at least 80 % of the beats after the first seconds are subtracted and ≥ 90 % of
    /// the QRS energy above 20 Hz is gone.
    @Test(arguments: [(rate: 250.0, bpm: 72.0), (rate: 1000, bpm: 60), (rate: 4000, bpm: 95)])
    func removesECG(rate: Double, bpm: Double) {
        var s = SyntheticSignal(rate: rate, seconds: 60, noise: 1, seed: 3)
        let beats = s.addHeartbeats(bpm: bpm, amplitude: 40)
        let (out, canceller) = Self.cancel(s.samples, rate: rate)
        #expect(Double(canceller.subtractedBeats) >= 0.8 * Double(beats.count - 8))
        let before = Self.qrsEnergy(s.samples, rate: rate, beats: beats, from: 10)
        let after = Self.qrsEnergy(out, rate: rate, beats: beats, from: 10)
        #expect(after <= 0.1 * before, "QRS energy kept: \(after / before)")
    }

    /// After a contraction that hid a few beats, the rhythm held before it carries on: only the
    /// first beat after it goes unsubtracted (its timing unconfirmed), not the three or four it
    /// took for the gap to leave the last four intervals.
    @Test(arguments: [250.0, 1000])
    func rhythmBridgesAContraction(rate: Double) {
        var s = SyntheticSignal(rate: rate, seconds: 70, noise: 1, seed: 9)
        let beats = s.addHeartbeats(bpm: 70, amplitude: 30)
        let bursts = [25.0, 45.0]
        for b in bursts { s.addBurst(start: b, duration: 2, amplitude: 25) }
        var canceller = Self.cancel(s.samples, rate: rate).1
        let removed = canceller.takeRemovedSpans().map { Double($0.span.lowerBound + $0.span.upperBound) / 2 / rate }
        for b in bursts {
            let after = beats.filter { $0 > b + 2.3 && $0 < b + 6 }
            let kept = after.filter { r in !removed.contains { abs($0 - r) < 0.05 } }
            #expect(kept.count <= 1, "after the burst at \(b) s: \(kept.count) of \(after.count) beats left")
        }
    }

    /// Any chunking gives the same output.
    @Test func chunkingDoesNotMatter() {
        var s = SyntheticSignal(rate: 1000, seconds: 30, noise: 1, seed: 5)
        s.addHeartbeats(bpm: 70, amplitude: 30)
        let whole = Self.cancel(s.samples, rate: 1000, block: s.samples.count).0
        for block in [1, 37, 1000] { #expect(Self.cancel(s.samples, rate: 1000, block: block).0 == whole) }
    }

    /// A twitch between two beats is untouched, and one on a beat keeps most of its energy.
    @Test func twitchesSurvive() {
        let rate = 1000.0
        var ecg = SyntheticSignal(rate: rate, seconds: 60, noise: 1, seed: 9)
        let beats = ecg.addHeartbeats(bpm: 66, amplitude: 40)
        var with = ecg
        let onBeat = beats[40] + 0.01, between = beats[41] + 0.45
        with.addSpike(at: onBeat, amplitude: 15)
        with.addSpike(at: between, amplitude: 15)
        let a = Self.cancel(ecg.samples, rate: rate).0, b = Self.cancel(with.samples, rate: rate).0
        // What the twitches added to the output, against what they added to the input.
        func energy(_ x: [Double], _ y: [Double], at t: Double) -> Double {
            let lo = Int(t * rate), hi = Int((t + 0.012) * rate)
            return (lo...hi).reduce(0) { $0 + (x[$1] - y[$1]) * (x[$1] - y[$1]) }
        }
        let added = energy(with.samples, ecg.samples, at: between)
        #expect(abs(energy(b, a, at: between) - added) <= 1e-9 * added)
        #expect(energy(b, a, at: onBeat) >= 0.7 * energy(with.samples, ecg.samples, at: onBeat))
    }

    /// End to end: twitches beside a strong ECG are found with the canceller and mostly missed
    /// without it (the beats lift the noise tail); no beat is reported as a twitch either way.
    @Test func analyzerFindsTwitchesBesideECG() {
        let rate = 1000.0
        var s = SyntheticSignal(rate: rate, seconds: 120, noise: 1, seed: 11)
        let beats = s.addHeartbeats(bpm: 70, amplitude: 12)
        var twitches: [Double] = []
        var t = 6.3
        while t < 115 {
            // Between beats: at least 0.2 s from any R wave.
            if beats.allSatisfy({ abs($0 - t) > 0.2 }) { s.addSpike(at: t, amplitude: 7); twitches.append(t) }
            t += 2.7
        }
        func found(_ options: AnalyzerOptions) -> (hits: Int, onBeats: Int) {
            let events = Analyzer.run(s.samples, rate: rate, options: options).events.filter { $0.kind == .twitch }
            let hits = twitches.filter { tw in events.contains { abs($0.start - tw) < 0.05 } }.count
            let onBeats = events.filter { e in beats.contains { abs($0 - e.peakTime) < 0.06 } }.count
            return (hits, onBeats)
        }
        let on = found(AnalyzerOptions()), off = found(AnalyzerOptions(cancelsHeartbeats: false))
        #expect(Double(on.hits) >= 0.9 * Double(twitches.count), "found \(on.hits) of \(twitches.count)")
        #expect(off.hits < on.hits)
        #expect(on.onBeats <= 1)
    }

    /// End to end with ECG, the analyzer's events do not depend on the block size: the spans the
    /// canceller subtracted reach the detector's noise tail (`noteSubtractedSpans`) before the samples
    /// they cover, however the input is cut.
    @Test(arguments: [333, 1000, 65_536])
    func analyzerWithECGIgnoresChunking(blockSize: Int) {
        var s = SyntheticSignal(rate: 1000, seconds: 60, noise: 1, seed: 17)
        let beats = s.addHeartbeats(bpm: 75, amplitude: 12)
        for (i, r) in beats.enumerated() where i % 3 == 0 && r > 6 { s.addSpike(at: r + 0.35, amplitude: 8) }
        let reference = Analyzer.run(s.samples, rate: 1000, blockSize: 4096).events
        #expect(reference.contains { $0.kind == .twitch })
        #expect(Analyzer.run(s.samples, rate: 1000, blockSize: blockSize).events == reference)
    }

    /// End to end: a potential on a subtracted beat's QRS (within 0.05 s of the R wave) is
    /// found as a twitch when it is far above what the subtraction leaves on other beats
    /// (`DetectorProfile.HeartbeatThresholds.residueFactor`); the beats themselves still give no twitch.
    @Test func twitchesOnBeatsAreFound() {
        let rate = 1000.0
        var s = SyntheticSignal(rate: rate, seconds: 120, noise: 1, seed: 13)
        let beats = s.addHeartbeats(bpm: 70, amplitude: 12)
        var twitches: [Double] = []
        for (i, r) in beats.enumerated() where r > 8 && r < 115 && i % 4 == 0 {
            let t = r + (i % 8 == 0 ? 0.03 : -0.04)
            s.addSpike(at: t, amplitude: 10)
            twitches.append(t)
        }
        let all = Analyzer.run(s.samples, rate: rate).events
        let events = all.filter { $0.kind == .twitch }
        let hits = twitches.filter { tw in events.contains { abs($0.start - tw) < 0.05 } }.count
        let beatsAlone = beats.filter { r in !twitches.contains { abs($0 - r) < 0.2 } }
        let onBeats = events.filter { e in beatsAlone.contains { abs($0 - e.peakTime) < 0.06 } }.count
        #expect(Double(hits) >= 0.8 * Double(twitches.count), "found \(hits) of \(twitches.count)")
        #expect(onBeats <= 1)
    }

    /// A beat with a broad potential on it (30 ms, 20–30 × the noise, 20 ms from the R wave) is
    /// still subtracted: the largest QRS-band value is then the potential's or the S wave's, that
    /// candidate does not match, and the beat is found by its shape within ±30 ms
    /// (`HeartbeatCanceller.realign`). Without that, nearly none of them were.
    @Test(arguments: [(rate: 250.0, offset: 0.02, amplitude: 20.0), (rate: 1000, offset: -0.02, amplitude: 30)])
    func beatsWithPotentialsOnThemAreSubtracted(rate: Double, offset: Double, amplitude: Double) {
        var s = SyntheticSignal(rate: rate, seconds: 120, noise: 1, seed: 5)
        let beats = s.addHeartbeats(bpm: 70, amplitude: 20)
        var carrying: [Double] = []
        for (i, r) in beats.enumerated() where r > 8 && i % 4 == 0 {
            s.addSpike(at: r + offset, amplitude: amplitude, width: 0.03)
            carrying.append(r)
        }
        func subtracted(realigning: Bool) -> (carrying: Int, others: Int) {
            var canceller = HeartbeatCanceller(sampleRate: rate)
            canceller.realigns = realigning
            canceller.restart(first: s.samples[0])
            var out = [Double](repeating: 0, count: s.samples.count)
            var removed: [HeartbeatCanceller.RemovedBeat] = []
            s.samples.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { output in
                    _ = canceller.process(input.baseAddress!, count: input.count, into: output.baseAddress!)
                    removed = canceller.takeRemovedSpans()
                }
            }
            // The canceller's beat is the QRS band's peak, a few ms after the R wave.
            func isRemoved(_ r: Double) -> Bool { removed.contains { abs(Double($0.peak) / rate - r - 0.015) < 0.03 } }
            let others = beats.filter { $0 > 8 && !carrying.contains($0) }
            return (carrying.filter(isRemoved).count, others.filter(isRemoved).count)
        }
        let with = subtracted(realigning: true), without = subtracted(realigning: false)
        let others = beats.filter { $0 > 8 }.count - carrying.count
        #expect(Double(with.carrying) >= 0.9 * Double(carrying.count), "\(with.carrying) of \(carrying.count)")
        #expect(Double(without.carrying) < 0.5 * Double(carrying.count))
        #expect(Double(with.others) >= 0.98 * Double(others))
    }

    /// End to end: potentials between beats in the first 25 s of a recording with ECG are found.
    /// The canceller subtracts none of the first beats (no template yet); the detector's quiet
    /// level is seeded without the warm-up's beats (`HeartbeatCanceller.heartbeats(in:)`), where
    /// with them the noise tail sat high for 20 s (1 of 8 found at 1 kHz, 4 of 8 at 250 Hz).
    @Test(arguments: [250.0, 1000])
    func twitchesInTheFirstSecondsBesideECG(rate: Double) {
        var s = SyntheticSignal(rate: rate, seconds: 60, noise: 1, seed: 29)
        let beats = s.addHeartbeats(bpm: 70, amplitude: 12)
        var twitches: [Double] = []
        var t = 4.6
        while t < 25 {
            if beats.allSatisfy({ abs($0 - t) > 0.2 }) { s.addSpike(at: t, amplitude: 8); twitches.append(t) }
            t += 1.3
        }
        let events = Analyzer.run(s.samples, rate: rate).events
        let hits = twitches.filter { tw in events.contains { $0.kind == .twitch && abs($0.peakTime - tw) < 0.03 } }.count
        #expect(Double(hits) >= 0.75 * Double(twitches.count), "found \(hits) of \(twitches.count)")
    }
}
