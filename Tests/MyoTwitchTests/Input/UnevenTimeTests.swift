import Foundation
import Testing
@testable import MyoTwitch

/// Uneven time axes (a phone logger whose clock really runs unevenly) are resampled onto a uniform
/// grid, so that event times follow the timestamps instead of drifting with the sample count;
/// jitter around a steady clock is left alone.
@Suite struct UnevenTimeTests {
    /// An accelerometer at about 90 Hz whose intervals vary between 5 and 17 ms (so the sample
    /// count drifts from the stamps like a random walk), with twitch transients at `twitches`.
    static func phoneCSV(seconds: Double, twitches: [Double], seed: UInt64) -> String {
        var random = SimulationRandom(seed: seed)
        func signal(_ t: Double) -> Double {
            var z = 1.0
            for onset in twitches where t >= onset && t < onset + 0.4 {
                let u = t - onset
                z += 0.08 * exp(-u / 0.06) * sin(2 * Double.pi * 9 * u)
            }
            return z
        }
        var text = "time,ax_g,ay_g,az_g\n"
        var t = 0.0
        while t < seconds {
            let noise = { 0.002 * (random.unit() - 0.5) }
            text += String(format: "%.4f,%.5f,%.5f,%.5f\n", t, noise(), noise(), signal(t) + noise())
            t += random.uniform(0.005, 0.017)
        }
        return text
    }

    @Test func unevenStampsAreResampledWithAWarning() throws {
        let d = try Decoded.decode(Self.phoneCSV(seconds: 60, twitches: [], seed: 3))
        let layout = try #require(d.layout)
        #expect(layout.timeAxis.hasSuffix(", resampled"))
        #expect(abs(layout.sampleRateHz - 1 / 0.011) < 3)  // the mean interval is 11 ms
        #expect(d.warnings.contains { $0.code == "time-resampled" && $0.message.contains("interpolated") })
        // One sample per grid interval over the 60 s, not one per row.
        #expect(abs(Double(d.columns[0].count) - 60 * layout.sampleRateHz) <= 2)
        // Interpolation stays between the bracketing values: gravity stays near 1 g.
        #expect(d.columns[2].allSatisfy { abs($0 - 1) < 0.01 })
    }

    @Test func eventTimesFollowTheStampsOverTenMinutes() throws {
        let twitches = stride(from: 20.0, to: 590, by: 37).map { $0 }
        let csv = Self.phoneCSV(seconds: 600, twitches: twitches, seed: 4)
        let session = AnalysisSession(path: "phone.csv", decoderOptions: DecoderOptions())
        _ = try Array(csv.utf8).withUnsafeBytes { try session.consume($0) }
        let result = try session.finish().result
        let found = result.events.filter { $0.kind == .twitch }.map(\.start)
        #expect(found.count == twitches.count)
        for truth in twitches {
            let nearest = found.min { abs($0 - truth) < abs($1 - truth) } ?? .infinity
            #expect(abs(nearest - truth) < 0.1, "twitch at \(truth) s found at \(nearest) s")
        }
        #expect(abs(result.source.durationSeconds - 600) < 0.1)
    }

    @Test(arguments: [1, 7, 4093])
    func resamplingDoesNotDependOnReadSizes(chunk: Int) throws {
        let csv = Self.phoneCSV(seconds: 30, twitches: [10], seed: 7)
        #expect(try Decoded.decode(csv, chunk: chunk) == (try Decoded.decode(csv)))
    }

    @Test func aGapStartsANewRunAndIsNotInterpolated() throws {
        var text = Self.phoneCSV(seconds: 20, twitches: [], seed: 5)
        text += "25.0000,0,0,5\n25.0110,0,0,5\n25.0220,0,0,5\n"
        let d = try Decoded.decode(text)
        #expect(d.gaps.count == 1)
        // No sample between the runs takes a value from the far side of the gap.
        let z = d.columns[2]
        #expect(z.suffix(3) == [5, 5, 5])
        #expect(z.dropLast(3).allSatisfy { abs($0 - 1) < 0.01 })
    }

    @Test func jitterAroundASteadyClockIsNotResampled() throws {
        var random = SimulationRandom(seed: 6)
        var text = "time,emg_mV\n"
        for i in 0..<5000 {
            text += String(format: "%.5f,%.4f\n", Double(i) * 0.001 + random.uniform(-0.0004, 0.0004), random.unit())
        }
        let d = try Decoded.decode(text)
        #expect(d.layout?.timeAxis == "column:time (s)")
        #expect(!d.warnings.contains { $0.code == "time-resampled" })
        #expect(d.columns[0].count == 5000)
    }
}
