import Foundation
import Testing
@testable import MyoTwitch

@Suite struct BatchStreamTests {
    static func result(_ path: String, twitches: Int) -> AnalysisResult {
        let events = (0..<twitches).map {
            DetectedEvent(kind: .twitch, channel: "emg", start: Double($0) + 0.125, end: Double($0) + 0.2,
                          peak: 0.1 / 3, peakTime: Double($0) + 0.15, snr: 7.5, reason: "short", peakUnit: "mV")
        }
        let source = SourceInfo(path: path, sensor: .emg, sampleRateHz: 1000, channels: ["emg"],
                                durationSeconds: 10.1 * Double(twitches + 1), sampleCount: 10_000,
                                columns: ["emg"], units: [nil], dialect: "plain", timeAxis: "column:time (s)",
                                gaps: [Gap(start: 1, end: 2.5, line: 1001)])
        let summary = AnalysisSummary(channels: [], flags: [], mainsHz: nil, warningCount: 0, warnings: [],
                                      settings: AnalysisSettings())
        return AnalysisResult(source: source, events: events, episodes: [], summary: summary)
    }

    /// The merge writes batch.json entry by entry; the bytes must be those of the whole batch
    /// encoded at once (what one machine writes).
    @Test(arguments: [0, 1, 3])
    func streamedBatchEqualsTheWholeBatch(count: Int) throws {
        var entries: [BatchResult.Entry] = (0..<count).map { .analysed(Self.result("r\($0).csv", twitches: $0)) }
        if count > 1 { entries.insert(.failed(path: "bad\n\"x\".csv", error: "bad.csv:2: no\tsignal"), at: 1) }
        var stream = BatchResult.Stream()
        var data = BatchResult.Stream.head
        for entry in entries { data += try stream.entry(entry) }
        data += try stream.tail()
        let whole = try JSONReport.encode(BatchResult(results: entries)) + Data("\n".utf8)
        #expect(String(decoding: data, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
    }
}
