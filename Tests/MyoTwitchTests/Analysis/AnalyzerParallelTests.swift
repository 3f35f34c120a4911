import Testing
@testable import MyoTwitch

/// Channels conditioned and detected on several cores (`AnalyzerOptions.parallel`) give exactly
/// the result of one thread, for any block sizes, with a gap that falls inside a crosstalk tile
/// and with the held rows of an incomplete tile completed from the next block.
@Suite struct AnalyzerParallelTests {
    /// Simulated recordings with every kind of event; `.mixed` on eight channels has crosstalk.
    static func recording(channels: Int, rate: Double, seed: UInt64) -> SimulatedRecording {
        Simulator.generate(SimulationScenario(sampleRateHz: rate, durationSeconds: 120,
                                              channelCount: channels, preset: .mixed, seed: seed))
    }

    /// Analyses `recording` in blocks of `blockSizes(k)` rows; the time axis jumps by 7.0123 s
    /// after `gapAfter` rows when given.
    static func analyse(_ recording: SimulatedRecording, parallel: Bool, gapAfter: Int? = nil,
                        blockSizes: (Int) -> Int) -> AnalysisResult {
        let rate = recording.scenario.sampleRateHz
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: rate, columns: recording.columns,
                                     units: recording.columns.map { _ in nil }, dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test", options: AnalyzerOptions(parallel: parallel))
        var start = 0, k = 0
        let count = recording.sampleCount
        while start < count {
            var end = min(count, start + max(1, blockSizes(k)))
            if let gap = gapAfter, start < gap, end > gap { end = gap }
            _ = analyzer.process(SampleBlock(columns: recording.samples.map { Array($0[start..<end]) }))
            if end == gapAfter {
                let last = Double(end - 1) / rate
                _ = analyzer.gap(Gap(start: last, end: last + 7.0123, line: end + 2))
            }
            start = end
            k += 1
        }
        return analyzer.finish().result
    }

    @Test(arguments: [(8, 2000.0, UInt64(71)), (4, 1000, 72), (3, 4000, 73)])
    func severalCoresEqualOneThread(channels: Int, rate: Double, seed: UInt64) {
        let recording = Self.recording(channels: channels, rate: rate, seed: seed)
        let gap = recording.sampleCount / 3 + 17
        let serial = Self.analyse(recording, parallel: false, gapAfter: gap) { _ in 4096 }
        #expect(serial.events.count > 20)
        var state: UInt64 = seed
        let sizes: [(Int) -> Int] = [
            { _ in 4096 },
            { _ in 20_000 },
            { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 52) * 4 + 1  // up to 16 k rows
            },
        ]
        for blockSizes in sizes {
            let parallel = Self.analyse(recording, parallel: true, gapAfter: gap, blockSizes: blockSizes)
            let same = parallel == serial  // outside #expect: a mismatch prints both
            #expect(same)
        }
    }
}
