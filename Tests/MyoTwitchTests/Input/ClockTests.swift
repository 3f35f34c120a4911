import Foundation
import Testing
@testable import MyoTwitch

/// The time axis stays on the recording's clock: rates fitted to all stamps, anchors that
/// re-state where samples lie, quantised stamps, clock resets and rate changes.
@Suite struct ClockTests {
    /// Decodes rows generated on the fly (no big string in memory) and maps sample indices
    /// through the anchors as the analysis does; returns the layout, the time axis and warnings.
    static func clock(rows: Int, chunkRows: Int = 20_000, header: String = "time,emg\n",
                      row: (Int) -> String) throws -> (RecordingLayout, TimeAxis, [InputWarning], [Gap]) {
        let decoder = RecordingDecoder(path: "clock.csv", options: DecoderOptions())
        var layout: RecordingLayout?
        var axis = TimeAxis()
        var warnings: [InputWarning] = []
        var gaps: [Gap] = []
        let sink: (DecoderOutput) throws -> Void = { output in
            switch output {
            case .layout(let l): layout = l; axis.configure(sampleRate: l.sampleRateHz)
            case .samples(let b): axis.advance(by: b.count, clock: b.clock)
            case .gap(let g): gaps.append(g); axis.jump(to: g.end)
            case .warning(let w): warnings.append(w)
            case .annotation: break
            }
        }
        var start = 0
        var text = header
        while start < rows {
            let end = min(rows, start + chunkRows)
            for i in start..<end { text += row(i) }
            var bytes = Array(text.utf8)
            try bytes.withUnsafeMutableBytes { try decoder.consume(UnsafeRawBufferPointer($0), sink) }
            text = ""
            start = end
        }
        try decoder.finish(sink)
        return (try #require(layout), axis, warnings, gaps)
    }

    /// Largest error, in samples, of the axis against the true times `i / rate`.
    static func worstError(_ axis: TimeAxis, rate: Double, truth: (Int) -> Double) -> Double {
        var worst = 0.0
        for i in stride(from: 0, to: axis.sampleCount, by: 997) {
            worst = max(worst, abs(axis.time(ofSample: i) - truth(i)) * rate)
        }
        return max(worst, abs(axis.time(ofSample: axis.sampleCount - 1) - truth(axis.sampleCount - 1)) * rate)
    }

    /// Stamps printed with 6 decimals (0.000977 per step at 1024 Hz, 0.000667 at 1500 Hz): the
    /// median step is 1023.54 / 1499.25 / 2049.18 Hz; over an hour the times must stay within one
    /// sample of the truth. (10 minutes here to keep the debug-build suite fast; the corpus
    /// script runs the full hour on the release build.)
    @Test(arguments: [1024.0, 1500, 2048])
    func roundedStampsStayOnTheClock(rate: Double) throws {
        let rows = Int(600 * rate)
        let (layout, axis, warnings, gaps) = try Self.clock(rows: rows) { String(format: "%.6f,0\n", Double($0) / rate) }
        #expect(layout.sampleRateHz == rate)
        #expect(gaps.isEmpty && warnings.isEmpty)
        #expect(Self.worstError(axis, rate: rate) { Double($0) / rate } < 1)
        #expect(abs(axis.duration - Double(rows - 1) / rate) < 0.5 / rate)
    }

    /// Whole-millisecond stamps at 1024 Hz (rows repeat a stamp, as Shimmer and phones write):
    /// the median step says 1000 Hz (2.4 % off); the fit says 1024 Hz, and repeats are not warned.
    @Test func wholeMillisecondStampsAt1024Hz() throws {
        let rate = 1024.0
        let (layout, axis, warnings, _) = try Self.clock(rows: Int(300 * rate), header: "time_ms,emg\n") {
            "\(Int((Double($0) / rate * 1000).rounded(.down))),0\n"
        }
        #expect(layout.sampleRateHz == 1024)
        #expect(!warnings.contains { $0.code == "time-repeated" })
        #expect(Self.worstError(axis, rate: rate) { Double($0) / rate } < 1)
    }

    /// A device clock 0.03 % fast (1000.3 Hz) is snapped to 1000 Hz for the filters, and the
    /// anchors keep the times on the stamps: after 10 minutes a rate-times-count axis is 0.18 s
    /// off, this one within a sample.
    @Test func anOffNominalClockIsFollowed() throws {
        let rate = 1000.3
        let (layout, axis, _, _) = try Self.clock(rows: 600_000) { String(format: "%.4f,0\n", Double($0) / rate) }
        #expect(layout.sampleRateHz == 1000)
        #expect(Self.worstError(axis, rate: rate) { Double($0) / rate } < 1)
    }

    /// A clock reset (time jumps back 7.5 s) is one warning, and the samples continue.
    @Test func aClockResetIsOneWarning() throws {
        let rate = 500.0
        let (_, axis, warnings, gaps) = try Self.clock(rows: 30_000) { i in
            let t = Double(i) / rate - (i >= 10_000 ? 7.5 : 0)
            return String(format: "%.4f,0\n", t)
        }
        #expect(gaps.isEmpty)
        #expect(warnings.map(\.code) == ["time-reset"])
        #expect(warnings.first?.message.contains("7.5") == true)
        #expect(Self.worstError(axis, rate: rate) { Double($0) / rate } < 1)
    }

    /// A rate that changes mid-stream (1000 Hz → 500 Hz at 20 s) is reported once, and times
    /// follow the stamps after it.
    @Test func aRateChangeIsReportedAndFollowed() throws {
        func truth(_ i: Int) -> Double { i < 20_000 ? Double(i) / 1000 : 20 + Double(i - 20_000) / 500 }
        let (_, axis, warnings, gaps) = try Self.clock(rows: 40_000) { String(format: "%.4f,0\n", truth($0)) }
        #expect(gaps.isEmpty)
        #expect(warnings.map(\.code) == ["rate-changed"])
        // Within a sample everywhere but in the rows before the change was seen.
        var late = 0
        for i in stride(from: 0, to: 40_000, by: 7) where abs(axis.time(ofSample: i) - truth(i)) > 0.002 { late += 1 }
        #expect(late * 7 <= RecordingDecoder.anchorRows)
        #expect(abs(axis.time(ofSample: 39_999) - truth(39_999)) < 0.002)
    }

    /// Anchors fall on the same samples however the bytes are chunked.
    @Test(arguments: [1, 977, 65_536])
    func anchorsDoNotDependOnChunking(chunk: Int) throws {
        var text = "time,emg\n"
        for i in 0..<20_000 { text += String(format: "%.6f,%d\n", Double(i) / 1500.7, i % 7) }  // an off-standard clock: anchors
        func anchors(_ size: Int?) throws -> [Int: ClockAnchor] {
            let decoder = RecordingDecoder(path: "a.csv", options: DecoderOptions())
            var seen = 0
            var found: [Int: ClockAnchor] = [:]
            let sink: (DecoderOutput) throws -> Void = {
                if case .samples(let b) = $0 {
                    for a in b.clock { found[seen + a.offset] = ClockAnchor(offset: 0, time: a.time, interval: a.interval) }
                    seen += b.count
                }
            }
            try Array(text.utf8).withUnsafeBytes { raw in
                let step = size ?? raw.count
                var s = 0
                while s < raw.count {
                    try decoder.consume(UnsafeRawBufferPointer(rebasing: raw[s..<min(raw.count, s + step)]), sink)
                    s += step
                }
            }
            try decoder.finish(sink)
            return found
        }
        let whole = try anchors(nil)
        #expect(whole.count == 20_000 / RecordingDecoder.anchorRows + 1)  // row 0, then every 4096 rows
        #expect(try anchors(chunk) == whole)
    }

    /// Stamps that keep the stated rate need no anchors: times are index ÷ rate exactly, as
    /// before the fit (so clean files give the same bytes as ever).
    @Test func cleanStampsGiveNoAnchors() throws {
        var text = "time,emg\n"
        for i in 0..<20_000 { text += String(format: "%.3f,%d\n", Double(i) / 1000, i % 7) }
        let decoder = RecordingDecoder(path: "a.csv", options: DecoderOptions())
        var anchors = 0
        let sink: (DecoderOutput) throws -> Void = { if case .samples(let b) = $0 { anchors += b.clock.count } }
        try Array(text.utf8).withUnsafeBytes { try decoder.consume($0, sink) }
        try decoder.finish(sink)
        #expect(anchors == 0)
    }
}
