import Foundation
import Testing
@testable import MyoTwitch

@Suite struct DetectorTests {
    @Test(arguments: [500.0, 1000.0, 2000.0, 4000.0])
    func findsIsolatedTwitches(rate: Double) {
        var signal = SyntheticSignal(rate: rate, seconds: 60, noise: 1)
        let times = stride(from: 6.0, to: 58.0, by: 4.3).map { $0 }
        for t in times { signal.addSpike(at: t, amplitude: 12) }
        let result = Analyzer.run(signal.samples, rate: rate)
        let twitches = result.events.filter { $0.kind == .twitch }
        #expect(twitches.count == times.count)
        for t in times {
            #expect(twitches.contains { abs($0.start - t) < 0.008 })
        }
    }

    /// A lone one-sample outlier (a bus glitch) is an artifact, at every EMG rate, while
    /// potentials that span two samples or more stay twitches: from 6 ms at 500 Hz and up; at
    /// 250 Hz a 6 ms potential fills one sample and is told from a glitch no more, so there the
    /// shortest tested is 10 ms (a known limit of low rates, stated in the README).
    @Test(arguments: [250.0, 500.0, 1000.0, 4000.0])
    func oneSampleSpikesAreArtifactsAndPotentialsTwitches(rate: Double) {
        var signal = SyntheticSignal(rate: rate, seconds: 60, noise: 1, seed: 12)
        let twitchTimes = stride(from: 6.0, to: 56, by: 8.3).map { $0 }
        let shortest = rate < 400 ? 0.010 : 0.006
        for (k, t) in twitchTimes.enumerated() { signal.addSpike(at: t, amplitude: 14, width: k % 2 == 0 ? shortest : 0.012) }
        let spikeTimes = stride(from: 10.1, to: 58, by: 8.3).map { $0 }
        for t in spikeTimes { signal.samples[Int(t * rate)] += 40 }
        let events = Analyzer.run(signal.samples, rate: rate).events
        func kind(near t: Double) -> EventKind? { events.first { abs($0.start - t) < 0.05 }?.kind }
        for t in twitchTimes { #expect(kind(near: t) == .twitch, "potential at \(t) s, \(rate) Hz") }
        for t in spikeTimes { #expect(kind(near: t) == .artifact, "one-sample spike at \(t) s, \(rate) Hz") }
    }

    /// Faint glitches (25 × the noise; the simulator makes 20–100 ×) are artifacts at low rates
    /// too, where the noise's own second differences come within a sixth of the glitch's (the
    /// earlier 0.15 dominance read 2 of these 82 as twitches). At 20 × about 1 in 20 still is:
    /// there the noise moves the glitch's neighbours as much as a potential's shoulders would.
    @Test(arguments: [200.0, 500.0])
    func faintOneSampleSpikesAtLowRatesAreArtifacts(rate: Double) {
        var signal = SyntheticSignal(rate: rate, seconds: 200, noise: 1, seed: 31)
        let spikeTimes = stride(from: 5.05, to: 195, by: 4.7).map { $0 }
        for (k, t) in spikeTimes.enumerated() { signal.samples[Int(t * rate)] += k % 2 == 0 ? 25 : -25 }
        let events = Analyzer.run(signal.samples, rate: rate).events
        let twitches = spikeTimes.filter { t in events.contains { $0.kind == .twitch && abs($0.start - t) < 0.05 } }
        #expect(twitches.isEmpty, "one-sample spikes read as twitches at \(twitches) s, \(rate) Hz")
        #expect(spikeTimes.allSatisfy { t in events.contains { $0.kind == .artifact && abs($0.start - t) < 0.05 } })
    }

    /// On an accelerometer even at 100 Hz, a one-sample knock is an artifact and a mechanical
    /// twitch (a damped ring of 50 ms and more) is a twitch.
    @Test func oneSampleKnocksOnAnAccelerometerAreArtifacts() {
        let rate = 100.0
        var x = SyntheticSignal(rate: rate, seconds: 80, noise: 0.002, seed: 13).samples
        let y = SyntheticSignal(rate: rate, seconds: 80, noise: 0.002, seed: 14).samples
        let z = SyntheticSignal(rate: rate, seconds: 80, noise: 0.002, seed: 15).samples.map { $0 + 1 }
        let twitchTimes = stride(from: 8.0, to: 70, by: 9.1).map { $0 }
        for t in twitchTimes {
            for i in Int(t * rate)..<Int((t + 0.5) * rate) {
                let u = Double(i) / rate - t
                x[i] += 0.05 * exp(-u / 0.08) * sin(2 * .pi * 12 * u)
            }
        }
        let knockTimes = stride(from: 12.5, to: 75, by: 9.1).map { $0 }
        for t in knockTimes { x[Int(t * rate)] += 0.2 }
        let layout = RecordingLayout(sensor: .accelerometer, sampleRateHz: rate, columns: ["x", "y", "z"],
                                     units: ["g", "g", "g"], dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test")
        _ = analyzer.process(SampleBlock(columns: [x, y, z]))
        let events = analyzer.finish().result.events
        func kind(near t: Double) -> EventKind? { events.first { abs($0.start - t) < 0.1 }?.kind }
        for t in twitchTimes { #expect(kind(near: t) == .twitch, "twitch at \(t) s") }
        for t in knockTimes { #expect(kind(near: t) == .artifact, "knock at \(t) s") }
    }

    /// A sustained contraction with a cramp's spectrum (short potentials) is a cramp; the same
    /// hold made of voluntary potentials is activity (`sustained-contraction`): length is no
    /// evidence of a cramp. At 400 Hz the pass band ends at 180 Hz, where the shift cannot show:
    /// activity either way.
    @Test(arguments: [(2000.0, true, EventKind.cramp), (2000.0, false, .activity), (400.0, true, .activity)])
    func sustainedBurstNeedsACrampSpectrum(rate: Double, short: Bool, kind: EventKind) {
        var signal = SyntheticSignal(rate: rate, seconds: 40, noise: 1)
        if short { signal.addCramp(start: 10, duration: 15, amplitude: 10) }
        else { signal.addBurst(start: 10, duration: 15, amplitude: 10) }
        let result = Analyzer.run(signal.samples, rate: rate)
        let sustained = result.events.filter { $0.kind != .twitch && $0.end - $0.start > 10 }
        #expect(sustained.count == 1, "\(result.events)")
        if let event = sustained.first {
            #expect(event.kind == kind, "\(event)")
            if kind == .activity { #expect(event.reason == "sustained-contraction") }
            #expect(abs(event.start - 10) < 0.3 && abs(event.end - 25) < 0.5)
        }
        #expect(!result.events.contains { $0.kind == .twitch })
    }

    /// Two contractions 0.35 s apart merge into one group, but the slow envelope falls back to
    /// rest between them: two bursts (activity, one event each), not a 3.7 s cramp; one held
    /// burst of the same span is a cramp.
    @Test(arguments: [false, true])
    func burstsWithARestBetweenThemAreNoCramp(held: Bool) {
        var signal = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 31)
        if held {
            signal.addCramp(start: 10, duration: 3.7, amplitude: 25)
        } else {
            signal.addCramp(start: 10, duration: 1.7, amplitude: 25)
            signal.addCramp(start: 12.05, duration: 1.65, amplitude: 25)
        }
        let events = Analyzer.run(signal.samples, rate: 2000).events.filter { $0.kind != .twitch }
        if held {
            #expect(events.contains { $0.kind == .cramp && $0.start < 11 && $0.end > 13 }, "\(events)")
        } else {
            #expect(!events.contains { $0.kind == .cramp }, "\(events)")
            let bursts = events.filter { $0.kind == .activity }
            #expect(bursts.count == 2, "\(events)")
            #expect(bursts.contains { $0.start < 10.5 && $0.end > 11.3 && $0.end < 12.2 }, "\(events)")
            #expect(bursts.contains { $0.start > 11.6 && $0.start < 12.5 && $0.end > 13.3 }, "\(events)")
        }
    }

    /// Fasciculations come in episodes: once two twitches have come within 10 s, the false-alarm
    /// level is relaxed for 10 s, so faint potentials of an episode are found more often than the
    /// same faint potentials alone in quiet stretches (20 s apart, out of each other's window).
    @Test func faintTwitchesAreFoundMoreOftenWithinAnEpisode() {
        var signal = SyntheticSignal(rate: 2000, seconds: 800, noise: 1, seed: 51)
        var inEpisode: [Double] = []
        for start in stride(from: 10.0, to: 190, by: 30) {
            signal.addSpike(at: start, amplitude: 14)
            signal.addSpike(at: start + 0.5, amplitude: 14)
            inEpisode += (1...5).map { start + 0.5 + Double($0) }
        }
        let alone = stride(from: 200.0, to: 790, by: 20).map { $0 }
        for t in inEpisode + alone { signal.addSpike(at: t, amplitude: 2.4) }
        let twitches = Analyzer.run(signal.samples, rate: 2000).events.filter { $0.kind == .twitch }
        func recall(_ times: [Double]) -> Double {
            Double(times.filter { t in twitches.contains { abs($0.peakTime - t - 0.006) < 0.02 } }.count)
                / Double(times.count)
        }
        let (episode, quiet) = (recall(inEpisode), recall(alone))
        #expect(episode >= quiet + 0.15, "in episodes \(episode), alone \(quiet)")
    }

    @Test func mainsIsFoundAndRemoved() {
        var signal = SyntheticSignal(rate: 2000, seconds: 30, noise: 1)
        signal.addSine(frequency: 60, amplitude: 10)
        signal.addSpike(at: 12, amplitude: 12)
        let result = Analyzer.run(signal.samples, rate: 2000)
        #expect(result.summary.mainsHz == 60)
        #expect(result.events.filter { $0.kind == .twitch }.count == 1)
    }
}
