import Foundation
import Testing
@testable import MyoTwitch

/// Batch equivalence at the byte level: the same CSV bytes, fed to the session in random chunk
/// sizes down to one byte at a time, give exactly the events, episodes and summary of feeding
/// them all at once.
@Suite struct SessionChunkingTests {
    static let csv: [UInt8] = {
        var s = SyntheticSignal(rate: 1000, seconds: 40, noise: 1, seed: 21)
        s.addSine(frequency: 50, amplitude: 3)
        for t in stride(from: 6.0, to: 24, by: 2.9) { s.addSpike(at: t, amplitude: 14) }
        s.addBurst(start: 28, duration: 6, amplitude: 9)
        var text = "time,emg_mV\n"
        for (i, x) in s.samples.enumerated() {
            text += String(format: "%.3f,%.5f\n", Double(i) / 1000, x)
            if i == 15_000 { text += "0.1,not-a-number\n" }  // skipped with a warning (lenient)
        }
        return Array(text.utf8)
    }()

    static func analyse(chunks: (Int) -> Int) throws -> AnalysisResult {
        let session = AnalysisSession(path: "chunks.csv", decoderOptions: DecoderOptions(strict: false))
        try csv.withUnsafeBytes { raw in
            var start = 0, k = 0
            while start < raw.count {
                let end = min(raw.count, start + max(1, chunks(k)))
                _ = try session.consume(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
                k += 1
            }
        }
        return try session.finish().result
    }

    @Test(arguments: [1, 2, 0xBEEF, 0xC0FFEE])
    func anyChunkingGivesTheSameResult(seed: UInt64) throws {
        let whole = try Self.analyse { _ in Self.csv.count }
        var state = seed
        let chunked = try Self.analyse { k in
            if seed == 1 { return 1 }  // one byte at a time
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 50) % 5000 + 1
        }
        let same = chunked == whole  // outside #expect: a mismatch would print both results
        #expect(same)
        #expect(whole.events.filter { $0.kind == .twitch }.count == 7)
        #expect(whole.summary.warningCount == 1)
    }
}

/// A live stream keeps no events (`keepsEvents: false`); its summary, built as events pass, is
/// the one built from the kept lists, on simulated recordings with every kind of event on
/// several channels.
@Suite struct StreamingSummaryTests {
    @Test(arguments: [(SimulationPreset.mixed, 4, UInt64(11)), (.exercise, 3, 12), (.cramps, 2, 13),
                      (.twitchEpisodes, 3, 14)])
    func summaryWithoutKeptEventsEqualsTheBatchSummary(preset: SimulationPreset, channels: Int, seed: UInt64) throws {
        let scenario = SimulationScenario(sampleRateHz: 500, durationSeconds: 600, channelCount: channels,
                                          preset: preset, seed: seed)
        let bytes = Array(Simulator.generate(scenario).csvData())
        func run(keepsEvents: Bool) throws -> AnalysisResult {
            let session = AnalysisSession(path: "sim.csv", decoderOptions: DecoderOptions(),
                                          options: AnalyzerOptions(keepsEvents: keepsEvents))
            var outputs: [SessionOutput] = []
            try bytes.withUnsafeBytes { raw in
                for start in stride(from: 0, to: raw.count, by: 65_536) {
                    outputs += try session.consume(UnsafeRawBufferPointer(rebasing: raw[start..<min(raw.count, start + 65_536)]))
                }
            }
            let (last, result, _) = try session.finish()
            outputs += last
            if !keepsEvents {
                // What was handed out is exactly what a kept result would list.
                let events = outputs.compactMap { if case .event(let e) = $0 { e } else { nil } }
                #expect(events.count == result.summary.channels.reduce(0) {
                    $0 + $1.twitchCount + $1.crampCount + $1.activityCount + $1.artifactCount })
            }
            return result
        }
        let kept = try run(keepsEvents: true)
        let streamed = try run(keepsEvents: false)
        #expect(streamed.events.isEmpty && streamed.episodes.isEmpty)
        #expect(kept.events.count > 10)
        // The analyzer's tally, fed in release order with its settle horizon, agrees with the
        // rules applied to the whole lists.
        let duration = kept.source.durationSeconds
        #expect(kept.summary.channels == kept.source.channels.map {
            ChannelSummary(channel: $0, events: kept.events, episodes: kept.episodes, durationSeconds: duration)
        })
        #expect(kept.summary.flags == AdvisoryRules(settings: kept.summary.settings)
                    .flags(events: kept.events, episodes: kept.episodes, durationSeconds: duration))
        let same = streamed.summary == kept.summary  // outside #expect: a mismatch prints both
        #expect(same)
        if !same { #expect(streamed.summary.flags == kept.summary.flags); #expect(streamed.summary.channels == kept.summary.channels) }
    }
}
