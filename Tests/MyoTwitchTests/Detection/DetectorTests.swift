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

    @Test func sustainedBurstIsACramp() {
        var signal = SyntheticSignal(rate: 2000, seconds: 40, noise: 1)
        signal.addBurst(start: 10, duration: 15, amplitude: 10)
        let result = Analyzer.run(signal.samples, rate: 2000)
        let cramps = result.events.filter { $0.kind == .cramp }
        #expect(cramps.count == 1)
        if let cramp = cramps.first {
            #expect(abs(cramp.start - 10) < 0.3 && abs(cramp.end - 25) < 0.5)
        }
        #expect(!result.events.contains { $0.kind == .twitch })
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
