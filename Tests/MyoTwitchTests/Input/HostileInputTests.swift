import Foundation
import Testing
@testable import MyoTwitch

/// Broken inputs of every kind: each gives a clear `InputError` or a documented graceful result,
/// never a crash, a hang or a wrong number.
@Suite struct HostileInputTests {
    enum Expectation: Sendable {
        /// An `InputError` whose message contains this.
        case error(String)
        /// Analysed; `check` holds for the result.
        case result(@Sendable (AnalysisResult) -> Bool)
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var expectation: Expectation
        var description: String { name }
    }

    static func text(_ s: String) -> @Sendable () -> [UInt8] { { Array(s.utf8) } }

    static let cases: [Case] = [
        Case(name: "empty", bytes: text(""), expectation: .error("empty")),
        Case(name: "only blank lines", bytes: text("\n\n\r\n"), expectation: .error("empty")),
        Case(name: "header only", bytes: text("time,emg\n"), expectation: .error("no data rows")),
        Case(name: "binary garbage", bytes: {
            var state: UInt64 = 99
            return (0..<50_000).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: state >> 33)
            }
        }, expectation: .error(" ")),
        Case(name: "non-UTF-8 header", bytes: { Array("time,".utf8) + [0xB5, 0x56, 0xFF, 0x0A] + Array("0,1\n0.001,2\n0.002,3\n".utf8) },
             expectation: .result { $0.source.sampleCount == 3 && $0.source.channels.first?.isEmpty == false }),
        Case(name: "ragged rows", bytes: text("time,emg\n0,1\n0.001\n0.002,3\n"), expectation: .error("expected 2 fields, found 1")),
        Case(name: "NaN cell", bytes: text("time,emg\n0,1\n0.001,NaN\n"), expectation: .error("finite number")),
        Case(name: "infinite cell", bytes: text("time,emg\n0,1\n0.001,inf\n"), expectation: .error("finite number")),
        Case(name: "1e308 values", bytes: text("time,emg\n" + (0..<3000).map { "\(Double($0) / 1000),\($0 % 2 == 0 ? "1e308" : "-1e308")" }.joined(separator: "\n")),
             expectation: .result { r in r.events.allSatisfy { $0.peak.isFinite && $0.snr.isFinite } }),
        Case(name: "a 100 MB line", bytes: { Array("time,emg\n0,".utf8) + [UInt8](repeating: 0x31, count: 100_000_000) },
             expectation: .error("longer than 1 MiB")),
        Case(name: "one sample", bytes: text("time,emg\n0,1\n"), expectation: .error("at least two")),
        Case(name: "all-constant signal", bytes: text("time,emg\n" + (0..<20_000).map { "\(Double($0) / 1000),5" }.joined(separator: "\n")),
             expectation: .result { $0.events.isEmpty && $0.source.sampleCount == 20_000 }),
        Case(name: "time never advances", bytes: text("time,emg\n" + (0..<100).map { "3.5,\($0)" }.joined(separator: "\n")),
             expectation: .error("never increases")),
        Case(name: "time zero-length then normal", bytes: text("time,emg\n0,1\n0,2\n0.001,3\n0.002,4\n0.003,5\n"),
             expectation: .result { $0.source.sampleCount == 5 && $0.summary.warningCount >= 1 }),
        Case(name: "huge time jump", bytes: text("time,emg\n" + (0..<2000).map { "\(Double($0) / 1000 + ($0 >= 1000 ? 1e9 : 0)),\($0 % 7)" }.joined(separator: "\n")),
             expectation: .result { $0.source.gaps.count == 1 && $0.source.durationSeconds > 1e9 }),
        Case(name: "columns with no numbers", bytes: text("a,b\nx,y\nz,w\n"), expectation: .error("no data rows")),
        Case(name: "NUL bytes", bytes: { Array("time,emg\n0,1\n".utf8) + [0, 0, 0, 0x0A] + Array("0.001,2\n".utf8) },
             expectation: .error("\\x00")),
        // Found by the fuzzer: a header stating 2.5 GHz made the analysis windows take 4 GB.
        Case(name: "absurd stated sample rate", bytes: text("%Sample Rate = 2500000000.0\n1, 2.5, 1700000700.004\n"),
             expectation: .error("outside what can be analysed (1 Hz to 1 MHz)")),
        Case(name: "a sample every 10 s", bytes: text("time_s,emg\n0,1\n10,2\n20,3\n30,4\n"),
             expectation: .error("0.1 Hz from the time column:time_s (s)")),
    ]

    @Test(arguments: cases)
    func brokenInputIsHandled(c: Case) throws {
        let bytes = c.bytes()
        let session = AnalysisSession(path: "hostile.csv", decoderOptions: DecoderOptions())
        var outcome: Result<AnalysisResult, Error>
        do {
            _ = try bytes.withUnsafeBytes { try session.consume($0) }
            outcome = .success(try session.finish().result)
        } catch {
            outcome = .failure(error)
        }
        switch (c.expectation, outcome) {
        case (.error(let text), .failure(let error)):
            let inputError = try #require(error as? InputError, "\(c.name): \(error)")
            #expect(inputError.message.contains(text), "\(c.name): \(inputError)")
            // One readable line: no control characters or invalid text from the input.
            #expect(!inputError.description.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{FFFD}" })
            #expect(inputError.description.hasPrefix("hostile.csv"))
        case (.result(let check), .success(let result)):
            #expect(check(result), "\(c.name)")
        case (.error, .success):
            Issue.record("\(c.name): expected an error, got a result")
        case (.result, .failure(let error)):
            Issue.record("\(c.name): expected a result, got \(error)")
        }
    }
}
