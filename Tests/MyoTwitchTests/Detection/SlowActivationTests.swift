import Testing
@testable import MyoTwitch

/// When the slow (0.25 s) envelope's activation is a burst of its own, and when it is only the
/// spikes inside it seen through the slow window (`ChannelDetector.endSlowSegment`).
@Suite struct SlowActivationTests {
    /// Three isolated potentials 0.24 s apart keep the slow envelope up for 0.6 s (longer than
    /// `minBurstSeconds`) with nothing between them: they are three twitches, not a short burst.
    /// Before the rule, each trio was one `activity` (`short-burst`).
    @Test(arguments: [1000.0, 2000.0])
    func closeTwitchesAreNotABurst(rate: Double) {
        var signal = SyntheticSignal(rate: rate, seconds: 80, noise: 1, seed: 41)
        let trios = stride(from: 8.0, to: 75, by: 9.7).map { $0 }
        for t in trios {
            for k in 0..<3 { signal.addSpike(at: t + 0.24 * Double(k), amplitude: 20) }
        }
        let events = Analyzer.run(signal.samples, rate: rate).events
        for t in trios {
            let near = events.filter { $0.start < t + 0.6 && $0.end > t - 0.05 }
            #expect(near.filter { $0.kind == .twitch }.count == 3, "trio at \(t) s, \(rate) Hz: \(near.map { "\($0.kind) \($0.reason)" })")
            #expect(!near.contains { $0.kind == .activity }, "trio at \(t) s, \(rate) Hz")
        }
    }

    /// A brief contraction (0.9 s of interference pattern whose potentials reach 4 × the noise)
    /// with one large discharge in it stays `activity`: its potentials that cross the spike
    /// threshold do not stand out from their surroundings, and its span exceeds what the large
    /// spike explains.
    @Test func briefContractionWithOneLargeDischargeStaysActivity() {
        let rate = 1000.0
        var signal = SyntheticSignal(rate: rate, seconds: 80, noise: 1, seed: 42)
        let bursts = stride(from: 8.0, to: 75, by: 9.7).map { $0 }
        for t in bursts {
            signal.addBurst(start: t, duration: 0.9, amplitude: 4)
            signal.addSpike(at: t + 0.3, amplitude: 20)
        }
        let events = Analyzer.run(signal.samples, rate: rate).events
        for t in bursts {
            let near = events.filter { $0.start < t + 0.9 && $0.end > t }
            #expect(near.contains { $0.kind == .activity }, "burst at \(t) s: \(near.map { "\($0.kind) \($0.reason)" })")
            #expect(!near.contains { $0.kind == .twitch }, "burst at \(t) s: \(near.map { "\($0.kind) \($0.reason) \($0.start)" })")
        }
    }
}
