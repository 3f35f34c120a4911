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
