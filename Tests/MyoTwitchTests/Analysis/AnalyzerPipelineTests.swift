import Testing
@testable import MyoTwitch

/// The conditioning/detection pipeline (`ChannelWork.pipeline`: a block's parts conditioned and
/// cleaned of crosstalk on one core while earlier parts are detected on another) gives exactly
/// the result of doing each step over the whole block on one thread, for any block sizes, with a
/// gap that falls inside a tile.
@Suite struct AnalyzerPipelineTests {
    /// Simulated recordings with every kind of event; `.mixed` on eight channels has crosstalk.
    static func recording(channels: Int, rate: Double, seed: UInt64) -> SimulatedRecording {
        Simulator.generate(SimulationScenario(sampleRateHz: rate, durationSeconds: 120,
                                              channelCount: channels, preset: .mixed, seed: seed))
    }

    /// Analyses `recording` in blocks of `blockSizes(k)` rows; the time axis jumps by 7.0123 s
    /// after `gapAfter` rows when given.
    static func analyse(_ recording: SimulatedRecording, parallel: Bool, gapAfter: Int? = nil,
                        blockSizes: (Int) -> Int) -> (result: AnalysisResult, pipelinedRows: Int) {
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
        return (analyzer.finish().result, analyzer.pipelinedRows)
    }

    @Test(arguments: [(8, 2000.0, UInt64(71)), (4, 1000, 72), (3, 4000, 73)])
    func pipelinedEqualsOneThread(channels: Int, rate: Double, seed: UInt64) {
        let recording = Self.recording(channels: channels, rate: rate, seed: seed)
        let gap = recording.sampleCount / 3 + 17
        let serial = Self.analyse(recording, parallel: false, gapAfter: gap) { _ in 4096 }
        #expect(serial.pipelinedRows == 0)
        #expect(serial.result.events.count > 20)
        var state: UInt64 = seed
        let sizes: [(Int) -> Int] = [
            { _ in 4096 },
            { _ in 20_000 },
            { _ in  // random sizes, most large enough to pipeline
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 52) * 4 + 1
            },
        ]
        for (k, blockSizes) in sizes.enumerated() {
            let piped = Self.analyse(recording, parallel: true, gapAfter: gap, blockSizes: blockSizes)
            // Large blocks go through the pipeline (the warm-up and small blocks do not).
            if k == 1 { #expect(piped.pipelinedRows > recording.sampleCount / 2) }
            let same = piped.result == serial.result  // outside #expect: a mismatch prints both
            #expect(same)
        }
    }
}
