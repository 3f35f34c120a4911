import Foundation
import Testing
@testable import MyoTwitch

@Suite struct DecoderTests {
    static let plain = "time,emg\n0.000,1\n0.001,2\n0.002,3\n0.003,4\n0.004,5\n"

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(ending: String) throws {
        let text = Self.plain.replacingOccurrences(of: "\n", with: ending)
        let d = try Decoded.decode(text)
        #expect(d.layout?.columns == ["emg"])
        #expect(d.layout?.sampleRateHz == 1000)
        #expect(d.columns == [[1, 2, 3, 4, 5]])
    }

    @Test(arguments: [(",", false), (";", false), ("\t", false), (";", true), ("\t", true)])
    func delimitersAndDecimalComma(delimiter: String, comma: Bool) throws {
        var text = "time\(delimiter)emg\n"
        for i in 0..<5 {
            let value = comma ? "\(i),5" : "\(i).5"
            let time = comma ? "0,00\(i)" : "0.00\(i)"
            text += "\(time)\(delimiter)\(value)\n"
        }
        let d = try Decoded.decode(text)
        #expect(d.columns == [[0.5, 1.5, 2.5, 3.5, 4.5]])
        #expect(d.layout?.sampleRateHz == 1000)
    }

    @Test func byteOrderMarkQuotedHeadersAndComments() throws {
        let text = "\u{FEFF}# exported by a logger\n\"Time (s)\",\"EMG (mV)\"\n# marker\n0.0,1\n0.01,2\n0.02,3\n"
        let d = try Decoded.decode(text)
        #expect(d.layout?.columns == ["EMG (mV)"])
        #expect(d.layout?.units == ["mV"])
        #expect(d.layout?.sampleRateHz == 100)
        #expect(d.columns == [[1, 2, 3]])
    }

    /// The same bytes in any chunking give the same samples, gaps and warnings.
    @Test(arguments: [1, 2, 3, 7, 64, 1000])
    func chunkingDoesNotMatter(chunk: Int) throws {
        var text = "timestamp_ms;left (µV);right (µV)\r\n"
        for i in 0..<3000 {
            let t = i < 1500 ? i : i + 500  // a 0.5 s gap
            text += "\(t);\(i % 17),25;\(-(i % 5))\r\n"
            if i == 2000 { text += "oops;1;2\r\n" }
        }
        let lenient = DecoderOptions(strict: false)
        let whole = try Decoded.decode(text, options: lenient)
        let chunked = try Decoded.decode(text, chunk: chunk, options: lenient)
        #expect(whole == chunked)
        #expect(whole.gaps.count == 1)
        #expect(whole.warnings.count == 1)
        #expect(whole.columns[0].count == 3000)
        #expect(whole.layout?.units == ["uV", "uV"])
    }

    @Test(arguments: [
        ("time,emg\n0,1\n0.001,abc\n", 3, 2, "\"abc\""),
        ("time,emg\n0,1\n0.001,\n", 3, 2, "empty cell"),
        ("time,emg\n0,1\n0.001,1,7\n", 3, 0, "expected 2 fields, found 3"),
        ("time,emg\n0,1\n0.001,nan\n", 3, 2, "finite number"),
        ("time,emg\n0,1\n0.001,1e999\n", 3, 2, "finite number"),
    ])
    func badCellsNameLineAndColumn(text: String, line: Int, column: Int, mentions: String) {
        #expect {
            _ = try Decoded.decode(text)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.line == line && e.column == column && e.message.contains(mentions)
                && e.description.hasPrefix("test.csv:\(line)")
        }
    }

    @Test(arguments: [
        ("", "empty"),
        ("time,emg\n", "no data rows"),
        ("emg\n1\n2\n3\n", "--rate"),
        ("time,emg\n0,1\n", "at least two"),
        ("\u{00}\u{01}\u{02}binary\u{FF}\n", "no data rows"),
    ])
    func unusableInputsSayWhy(text: String, mentions: String) {
        #expect {
            _ = try Decoded.decode(text)
        } throws: { error in
            (error as? InputError)?.message.contains(mentions) == true
        }
    }

    static let timeCases: [(header: String, times: [Double], rate: Double)] = [
        ("time_ms,emg", [0, 1, 2, 3], 1000),
        ("t,emg", [0, 0.5, 1.0, 1.5], 2000),  // seconds, by magnitude (divided by 1000 below)
        ("timestamp,emg", [1.7e12, 1.7e12 + 4, 1.7e12 + 8, 1.7e12 + 12], 250),  // epoch ms
    ]

    /// Epoch nanoseconds need all 19 digits: they are subtracted as integers.
    @Test func epochNanosecondsKeepTheirPrecision() throws {
        var text = "time,seconds_elapsed_missing,emg\n"
        for i in 0..<300 { text += "\(Int64(1_698_765_432_123_456_789) + Int64(i) * 2_500_000),0,\(i)\n" }
        let d = try Decoded.decode(text)
        #expect(d.layout?.sampleRateHz == 400)
        #expect(d.layout?.timeAxis == "column:time (ns)")
        #expect(d.gaps.isEmpty)
    }

    @Test(arguments: timeCases)
    func timeUnits(header: String, times: [Double], rate: Double) throws {
        var scaledTimes = times
        if header.hasPrefix("t,") { scaledTimes = times.map { $0 / 1000 } }
        var text = header + "\n"
        for (i, t) in scaledTimes.enumerated() { text += "\(String(format: "%.6f", t)),\(i)\n" }
        let d = try Decoded.decode(text)
        #expect(abs(d.layout!.sampleRateHz - rate) < 1e-6 * rate)
    }

    @Test func isoTimestamps() throws {
        let text = """
        timestamp,emg
        2024-05-01T12:00:00.000Z,1
        2024-05-01T12:00:00.004Z,2
        2024-05-01T12:00:00.008Z,3
        2024-05-01T12:00:01.008Z,4
        """
        let d = try Decoded.decode(text)
        #expect(d.layout?.sampleRateHz == 250)
        #expect(d.gaps == [Gap(start: 0.008, end: 1.008, line: 5)])
    }

    @Test func jitterIsToleratedAndBackwardsTimeWarns() throws {
        var text = "time,x,y,z\n"
        var state: UInt64 = 7
        for i in 0..<400 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let jitter = (Double(state >> 11) / Double(1 << 53) - 0.5) * 0.004  // ±2 ms at 100 Hz
            let t = i == 300 ? 2.5 : Double(i) * 0.01 + jitter
            text += String(format: "%.5f,0,0,1\n", t)
        }
        let d = try Decoded.decode(text)
        #expect(d.layout?.sensor == .accelerometer)
        #expect(abs(d.layout!.sampleRateHz - 100) < 2)
        #expect(d.gaps.isEmpty)
        #expect(d.warnings.contains { $0.code == "time-backwards" && $0.line == 302 })
        #expect(d.columns[0].count == 400)
    }

    @Test func noTimeColumnNeedsARate() throws {
        let d = try Decoded.decode("emg1,emg2\n1,2\n3,4\n", options: DecoderOptions(sampleRateHz: 500))
        #expect(d.layout?.sampleRateHz == 500)
        #expect(d.layout?.timeAxis == "--rate")
        #expect(d.columns == [[1, 3], [2, 4]])
    }

    @Test func headerlessWithColumnNames() throws {
        let d = try Decoded.decode("0,5\n0.001,6\n0.002,7\n", options: DecoderOptions(columns: ["time", "emg"]))
        #expect(d.layout?.columns == ["emg"])
        #expect(d.layout?.sampleRateHz == 1000)
    }

    @Test func lenientModeSkipsAndCountsMalformedRows() throws {
        let text = "time,emg\n0,1\n0.001,x\n0.002,3\n0.003,4,5\n0.004,5\n"
        let d = try Decoded.decode(text, options: DecoderOptions(strict: false))
        #expect(d.columns == [[1, 3, 5]])
        #expect(d.warnings.map(\.line) == [3, 5])
        #expect(d.warnings.allSatisfy { $0.code == "malformed-row" })
    }

    @Test func aLineOverOneMebibyteIsAnErrorNotAnAllocation() {
        let huge = "time,emg\n0," + String(repeating: "1", count: (1 << 20) + 10)
        #expect(throws: InputError.self) { _ = try Decoded.decode(huge, chunk: 65536) }
    }
}
