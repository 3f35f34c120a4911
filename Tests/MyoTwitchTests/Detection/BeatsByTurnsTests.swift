import Foundation
import Testing
@testable import MyoTwitch

/// End to end, the heart rhythm across channels (`CrosstalkFilter+HeartRhythm.swift`): an ECG
/// that channel a shows whole for the first 10 s (its own gate recognises the rhythm), after
/// which each channel shows only every third beat, by turns. No channel then has a rhythm of its
/// own (three intervals between its beats), but together they have every beat. Neither
/// canceller runs, so the beats reach the detector whole.
@Suite struct BeatsByTurnsTests {
    static let options = AnalyzerOptions(cancelsCrosstalk: false, cancelsHeartbeats: false)
    static let names = ["a", "b", "c"]

    static func recording() -> [[Double]] {
        let rate = 2000.0, seconds = 40.0
        var columns = (0..<3).map { SyntheticSignal(rate: rate, seconds: seconds, noise: 1, seed: 71 + UInt64($0)) }
        var jitter = SyntheticSignal(rate: 1, seconds: 1, noise: 0, seed: 79)
        var (r, k) = (0.7, 0)
        while r < seconds - 0.5 {
            let centre = Int(r * rate)
            for c in 0..<3 where (r < 10 && c == 0) || (r >= 10 && k % 3 == c) {
                for i in max(0, centre - 20)...min(columns[c].samples.count - 1, centre + 20) {
                    let t = Double(i - centre) / rate / 0.002
                    columns[c].samples[i] += 9 * (exp(-0.5 * t * t) - 0.3 * exp(-0.5 * (t - 3) * (t - 3)))
                }
            }
            r += 0.85 * (1 + 0.02 * jitter.gaussian())
            k += 1
        }
        return columns.map(\.samples)
    }

    /// Beats 12–26 s (within 18 s of the last beat channel a recognised, the pooled chain's
    /// reach): together they are beats; each channel analysed alone reports them as twitches.
    @Test func beatsSeenByTurnsAreBeats() {
        let columns = Self.recording()
        let together = Analyzer.run(columns: columns, names: Self.names, rate: 2000, options: Self.options).events
        let inWindow = { (e: DetectedEvent) in e.peakTime >= 12 && e.peakTime <= 26 }
        let pooledTwitches = together.filter { $0.kind == .twitch && inWindow($0) }
        #expect(pooledTwitches.count <= 2, "\(pooledTwitches.count) beats reported as twitches")
        var alone = 0
        for (c, name) in Self.names.enumerated() {
            alone += Analyzer.run(columns: [columns[c]], names: [name], rate: 2000, options: Self.options)
                .events.filter { $0.kind == .twitch && inWindow($0) }.count
        }
        #expect(alone >= 12, "\(alone) twitches when each channel is analysed alone")
    }

    /// The pooled decisions do not depend on how the rows arrive: blocks of 997 and 4,096 rows
    /// give the events of one whole block.
    @Test(arguments: [997, 4096])
    func blocksGiveTheSameEvents(rows: Int) {
        let columns = Self.recording()
        let whole = Analyzer.run(columns: columns, names: Self.names, rate: 2000, options: Self.options).events
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: 2000, columns: Self.names,
                                     units: Self.names.map { _ in nil }, dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test", options: Self.options)
        var start = 0
        while start < columns[0].count {
            let end = min(columns[0].count, start + rows)
            _ = analyzer.process(SampleBlock(columns: columns.map { Array($0[start..<end]) }))
            start = end
        }
        let blocks = analyzer.finish().result.events
        #expect(blocks.count == whole.count)
        #expect(zip(blocks, whole).allSatisfy { $0.kind == $1.kind && $0.channel == $1.channel && $0.start == $1.start
            && $0.end == $1.end && $0.reason == $1.reason })
    }
}
