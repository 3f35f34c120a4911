import Foundation
import Testing
@testable import MyoTwitch

/// Crosstalk cancellation: a channel's own twitches survive a neighbour's cramp copied into it,
/// a disturbance on one electrode is never subtracted into another, and block sizes do not
/// change the result.
@Suite struct CrosstalkCancellerTests {
    static let rate = 2000.0
    /// Twitch times on channel `a`, all inside channel `b`'s cramp (10–40 s).
    static let twitchTimes = Array(stride(from: 14.0, to: 38, by: 1.7))

    /// Channel `b` cramps from 10 to 40 s; channel `a` sees 15 % of it (volume conduction) plus
    /// its own noise and its own twitches, peak 8× its noise, during the cramp.
    static func recording(popAt pop: Double? = nil) -> (a: [Double], b: [Double]) {
        var b = SyntheticSignal(rate: rate, seconds: 50, noise: 1, seed: 5)
        b.addCramp(start: 10, duration: 30, amplitude: 60)
        if let pop {
            // An electrode pop on `b` alone: a step that decays over 0.2 s.
            let start = Int(pop * rate)
            for i in start..<min(b.samples.count, start + Int(0.2 * rate)) {
                b.samples[i] += 400 * exp(-Double(i - start) / (0.05 * rate))
            }
        }
        var a = SyntheticSignal(rate: rate, seconds: 50, noise: 1, seed: 6)
        for t in twitchTimes { a.addSpike(at: t, amplitude: 8) }
        let mixed = zip(a.samples, b.samples).map { $0 + 0.15 * $1 }
        return (mixed, b.samples)
    }

    static func analyse(_ a: [Double], _ b: [Double], cancels: Bool = true,
                        blockSizes: (Int) -> Int = { _ in 4096 }) -> AnalysisResult {
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: rate, columns: ["a", "b"],
                                     units: [nil, nil], dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test",
                                options: AnalyzerOptions(cancelsCrosstalk: cancels))
        var start = 0, k = 0
        while start < a.count {
            let end = min(a.count, start + max(1, blockSizes(k)))
            _ = analyzer.process(SampleBlock(columns: [Array(a[start..<end]), Array(b[start..<end])]))
            start = end
            k += 1
        }
        return analyzer.finish().result
    }

    static func found(_ result: AnalysisResult) -> Int {
        twitchTimes.filter { t in
            result.events.contains { $0.kind == .twitch && $0.channel == "a" && abs($0.peakTime - t - 0.006) < 0.05 }
        }.count
    }

    @Test func ownTwitchesSurviveANeighboursCramp() {
        let (a, b) = Self.recording()
        let cancelled = Self.analyse(a, b)
        let raw = Self.analyse(a, b, cancels: false)
        #expect(cancelled.events.contains { $0.kind == .cramp && $0.channel == "b" })
        // The copy of b's cramp on a is gone, not reported as a second cramp or activity.
        #expect(!cancelled.events.contains { $0.channel == "a" && ($0.kind == .cramp || $0.kind == .activity) })
        let (withCancel, without) = (Self.found(cancelled), Self.found(raw))
        #expect(withCancel >= Self.twitchTimes.count - 1, "found \(withCancel) of \(Self.twitchTimes.count)")
        #expect(without < withCancel, "without cancellation \(without)")
        // Nothing on a but its own twitches.
        let falseOnA = cancelled.events.filter { $0.channel == "a" && $0.kind == .twitch }.count - withCancel
        #expect(falseOnA <= 1)
    }

    @Test func aWeakerCrampDuringANeighboursCrampIsItsOwn() {
        var b = SyntheticSignal(rate: Self.rate, seconds: 60, noise: 1, seed: 7)
        b.addCramp(start: 5, duration: 50, amplitude: 80)
        var a = SyntheticSignal(rate: Self.rate, seconds: 60, noise: 1, seed: 8)
        a.addCramp(start: 25, duration: 15, amplitude: 15, firingRate: 150)
        let mixed = zip(a.samples, b.samples).map { $0 + 0.1 * $1 }
        let result = Self.analyse(mixed, b.samples)
        let onA = result.events.filter { $0.channel == "a" && ($0.kind == .cramp || $0.kind == .activity) }
        #expect(onA.contains { $0.start < 27 && $0.end > 38 }, "\(onA)")
        // Outside its own cramp, a shows nothing of b's.
        #expect(!onA.contains { $0.end < 24 || $0.start > 41 }, "\(onA)")
    }

    @Test func aPopOnOneElectrodeIsNotSubtractedIntoItsNeighbour() {
        let (a, b) = Self.recording(popAt: 25.55)
        let result = Self.analyse(a, b)
        #expect(result.events.contains { $0.channel == "b" && $0.start <= 25.6 && $0.end >= 25.55 })
        // Without the tile's own correlation check, −gain × pop would be a 60-noise-SD spike on a.
        let near = result.events.filter { $0.channel == "a" && $0.peakTime > 25.5 && $0.peakTime < 25.8 }
        #expect(near.isEmpty, "\(near)")
    }

    @Test(arguments: [UInt64(3), 0xFACE, 0xC0DE])
    func anyBlockSizesGiveTheSameResult(seed: UInt64) {
        let (a, b) = Self.recording(popAt: 30.2)
        let whole = Self.analyse(a, b, blockSizes: { _ in a.count })
        var state = seed
        let chunked = Self.analyse(a, b) { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 50) % 700 + 1
        }
        let same = whole == chunked  // outside #expect: a mismatch prints both
        #expect(same)
        #expect(Self.found(whole) > 0)
    }

    /// Found by the fuzzer: after a gap that falls inside a tile, the next rows start mid-tile,
    /// and a short block could leave a negative count of whole rows (a crash). Any chunking of
    /// such a stream gives the result of reading it whole.
    @Test(arguments: [1, 7, 38, 4096])
    func aGapInsideATileKeepsEveryChunkingEqual(chunk: Int) throws {
        var text = "time,a,b\n"
        var a = SyntheticSignal(rate: 1000, seconds: 12, noise: 1, seed: 41)
        a.addSpike(at: 3, amplitude: 15)
        a.addSpike(at: 9, amplitude: 15)
        for (i, x) in a.samples.enumerated() {
            // 6.0537 s of signal, then the clock jumps by 5 minutes (not a tile boundary).
            let t = Double(i) / 1000 + (i > 6053 ? 300 : 0)
            text += String(format: "%.3f,%.4f,%.4f\n", t, x, 0.1 * x + Double(i % 5) * 0.01)
        }
        let bytes = Array(text.utf8)
        func analyse(_ size: Int) throws -> AnalysisResult {
            let session = AnalysisSession(path: "gap.csv", decoderOptions: DecoderOptions())
            try bytes.withUnsafeBytes { raw in
                var start = 0
                while start < raw.count {
                    let end = min(raw.count, start + size)
                    _ = try session.consume(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    start = end
                }
            }
            return try session.finish().result
        }
        let whole = try analyse(bytes.count)
        let chunked = try analyse(chunk)
        #expect(whole.source.gaps.count == 1)
        let same = whole == chunked  // outside #expect: a mismatch prints both
        #expect(same)
        #expect(whole.events.filter { $0.kind == .twitch && $0.channel == "a" }.count == 2)
    }

    @Test func gainIsLearntFromTilesWhereTheSourceDominates() {
        let (a, b) = Self.recording()
        var correlation = CrosstalkCorrelation(channels: 2, sampleRate: Self.rate)
        let canceller = CrosstalkCanceller(channels: 2, tiles: correlation.capacity)
        var (sa, sb) = (a, b)
        let tile = correlation.tileLength
        sa.withUnsafeMutableBufferPointer { pa in
            sb.withUnsafeMutableBufferPointer { pb in
                for start in stride(from: 0, to: a.count - tile, by: tile) {
                    let ptrs = [pa.baseAddress! + start, pb.baseAddress! + start]
                    correlation.add(ptrs.map { UnsafePointer($0) }, count: tile, first: start)
                    var changed = [false, false]
                    canceller.clean(ptrs, count: tile, tile: start / tile, correlation: correlation,
                                    changed: &changed)
                }
            }
        }
        // Raw (unfiltered) signals here: the slope of b into a is the mixing gain, 0.15.
        #expect(abs(canceller.gain(source: 1, target: 0) - 0.15) < 0.02)
        #expect(canceller.gain(source: 0, target: 1) == 0)  // a never dominates b
        // As known at a tile (what the crosstalk filter asks, so that a decision does not
        // depend on how far the canceller has gone when the event is released): nothing
        // before the cramp (10 s), the gain once it has been learnt.
        let tiles = Double(tile) / Self.rate
        #expect(canceller.gain(source: 1, target: 0, atTile: Int(9 / tiles)) == 0)
        #expect(canceller.copyGain(source: 1, target: 0, atTile: Int(9 / tiles)) == nil)
        #expect(abs(canceller.gain(source: 1, target: 0, atTile: Int(15 / tiles)) - 0.15) < 0.03)
        #expect(abs((canceller.copyGain(source: 1, target: 0, atTile: Int(15 / tiles)) ?? 0) - 0.15) < 0.03)
    }
}
