import Foundation
import Testing
@testable import MyoTwitch

@Suite struct AnalyzerTests {
    static let signal: [Double] = {
        var s = SyntheticSignal(rate: 1000, seconds: 90, noise: 1, seed: 9)
        s.addSine(frequency: 50, amplitude: 4)
        for t in stride(from: 5.0, to: 40, by: 3.1) { s.addSpike(at: t, amplitude: 15) }
        s.addBurst(start: 50, duration: 12, amplitude: 10)
        s.addSpike(at: 70, amplitude: 20)
        return s.samples
    }()

    /// The same samples give the same result whatever the block sizes.
    @Test(arguments: [1, 7, 333, 4096, 100_000])
    func blockSizeDoesNotChangeTheResult(blockSize: Int) throws {
        let reference = Analyzer.run(Self.signal, rate: 1000, blockSize: 1024)
        let chunked = Analyzer.run(Self.signal, rate: 1000, blockSize: blockSize)
        let same = chunked == reference  // (not inside #expect: a mismatch would print both results)
        #expect(same, "block size \(blockSize) changed the result")
        #expect(reference.events.filter { $0.kind == .twitch }.count == 13)
        #expect(reference.events.filter { $0.kind == .cramp }.count == 1)
        #expect(reference.summary.mainsHz == 50)
    }

    @Test func gapsRestartTheFiltersAndShiftTime() {
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: 1000, columns: ["emg"], units: [nil],
                                     dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test")
        var first = SyntheticSignal(rate: 1000, seconds: 10, noise: 1)
        first.addSpike(at: 6, amplitude: 15)
        _ = analyzer.process(SampleBlock(columns: [first.samples]))
        _ = analyzer.gap(Gap(start: 9.999, end: 100, line: 10_002))
        var second = SyntheticSignal(rate: 1000, seconds: 10, noise: 1, seed: 2)
        second.addSpike(at: 5, amplitude: 15)
        _ = analyzer.process(SampleBlock(columns: [second.samples.map { $0 + 500 }]))
        let result = analyzer.finish().result
        let twitches = result.events.filter { $0.kind == .twitch }
        #expect(twitches.count == 2)
        #expect(twitches.contains { abs($0.start - 105) < 0.01 })
        #expect(abs(result.source.durationSeconds - 109.999) < 1e-6)
        #expect(result.source.gaps.count == 1)
    }

    @Test func crosstalkOnANeighbourIsDropped() {
        var a = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 3)
        var b = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 4)
        for t in [8.0, 14, 21] {
            a.addSpike(at: t, amplitude: 40)
            b.addSpike(at: t, amplitude: 8)  // 20 % crosstalk
        }
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: 2000, columns: ["a", "b"],
                                     units: [nil, nil], dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test")
        _ = analyzer.process(SampleBlock(columns: [a.samples, b.samples]))
        let events = analyzer.finish().result.events
        #expect(events.filter { $0.channel == "a" && $0.kind == .twitch }.count == 3)
        #expect(events.filter { $0.channel == "b" }.isEmpty)
    }

    @Test func constantSignalGivesNoEventsAndNoCrash() {
        let result = Analyzer.run([Double](repeating: 3, count: 20_000), rate: 1000)
        #expect(result.events.isEmpty)
    }

    @Test func veryShortInputIsAnalysed() {
        let result = Analyzer.run([0, 1, 0, -1, 0], rate: 1000)
        #expect(result.source.sampleCount == 5)
        #expect(result.events.isEmpty)
    }
}
