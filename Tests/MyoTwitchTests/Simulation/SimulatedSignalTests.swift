import Foundation
import Testing
@testable import MyoTwitch

/// The samples contain what the truth says.
@Suite struct SimulatedSignalTests {
    static func rms(_ x: ArraySlice<Double>) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        return (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
    }

    /// The signal minus its 50 ms moving average: removes DC and wander (< 1 Hz), keeps the
    /// 5–25 ms potentials.
    static func differenced(_ x: [Double], rate: Double) -> [Double] {
        let half = max(1, Int(0.025 * rate))
        var prefix = [0.0]
        prefix.reserveCapacity(x.count + 1)
        for v in x { prefix.append(prefix.last! + v) }
        return x.indices.map { i in
            let a = max(0, i - half), b = min(x.count, i + half + 1)
            return x[i] - (prefix[b] - prefix[a]) / Double(b - a)
        }
    }

    @Test(arguments: [500.0, 2000, 10000])
    func twitchWindowsStandOutOfTheBackground(rate: Double) {
        let scenario = SimulationScenario(sensor: .emg, sampleRateHz: rate, durationSeconds: 120, unit: .microvolts,
                                          mainsHz: nil, preset: .twitchEpisodes,
                                          phenomena: [.isolatedTwitches, .twitchEpisodes], seed: 31)
        let recording = Simulator.generate(scenario)
        let signal = Self.differenced(recording.samples[0], rate: rate)
        let twitches = recording.truth.events.filter { $0.kind == .twitch && $0.snr >= 8 }
        #expect(twitches.count >= 3)
        var inside: [Double] = []
        for t in twitches {
            let a = Int(t.start * rate), b = min(signal.count, Int(t.end * rate) + 1)
            inside.append(signal[a..<b].map(abs).max()!)
        }
        // Quiet stretch: the first second before any labelled event.
        let quietEnd = Int(min(recording.truth.events.first!.start - 0.1, 1) * rate)
        let background = Self.rms(signal[0..<quietEnd])
        let median = inside.sorted()[inside.count / 2]
        #expect(median > 4 * background, "median twitch peak \(median) vs background RMS \(background)")
    }

    @Test func truePeakOverNoiseIsTheRecordedSNR() {
        let scenario = SimulationScenario(sensor: .emg, sampleRateHz: 2000, durationSeconds: 60, unit: .microvolts,
                                          mainsHz: nil, preset: .rest, phenomena: [.isolatedTwitches], seed: 32)
        let recording = Simulator.generate(scenario)
        for t in recording.truth.events {
            #expect(abs(t.peak / t.snr - recording.truth.events[0].peak / recording.truth.events[0].snr) < 1e-9)
        }
    }

    @Test(arguments: [50.0, 60.0])
    func mainsLineIsPresentWhenAsked(mains: Double) {
        let rate = 1000.0
        let with = SimulationScenario(sensor: .emg, sampleRateHz: rate, durationSeconds: 10, unit: .microvolts,
                                      mainsHz: mains, mainsStrength: 5, preset: .rest, phenomena: [], seed: 33)
        var without = with
        without.mainsHz = nil
        func power(_ x: [Double], at f: Double) -> Double {
            var re = 0.0, im = 0.0
            for (i, v) in x.enumerated() {
                let phase = 2 * Double.pi * f * Double(i) / rate
                re += v * cos(phase); im += v * sin(phase)
            }
            return (re * re + im * im) / Double(x.count)
        }
        let a = Simulator.generate(with).samples[0], b = Simulator.generate(without).samples[0]
        #expect(power(a, at: mains) > 100 * power(b, at: mains))
        #expect(power(a, at: mains) > 100 * power(a, at: mains + 7.3))
    }

    @Test func crampsRaiseTheLevelOverTheirInterval() {
        let scenario = SimulationScenario(sensor: .emg, sampleRateHz: 1000, durationSeconds: 120, unit: .microvolts,
                                          mainsHz: nil, preset: .cramps, phenomena: [.cramps], seed: 34)
        let recording = Simulator.generate(scenario)
        let signal = Self.differenced(recording.samples[0], rate: 1000)
        let cramp = try! #require(recording.truth.events.first { $0.kind == .cramp })
        let mid = (cramp.start + cramp.end) / 2
        let inside = Self.rms(signal[Int((mid - 0.5) * 1000)..<Int((mid + 0.5) * 1000)])
        let quiet = cramp.start > 3 ? signal[0..<Int((cramp.start - 1) * 1000)] : signal[Int((cramp.end + 1) * 1000)...]
        #expect(inside > 3 * Self.rms(quiet))
    }

    @Test func accelerometerCarriesGravityAndTwitchTransients() {
        let scenario = SimulationScenario(sensor: .accelerometer, sampleRateHz: 200, durationSeconds: 60, unit: .g,
                                          preset: .rest, phenomena: [.isolatedTwitches], seed: 35)
        let recording = Simulator.generate(scenario)
        #expect(recording.columns == ["acc_x_g", "acc_y_g", "acc_z_g"])
        #expect(recording.truth.source.channels == ["accelerometer"])
        let magnitude = (0..<recording.sampleCount).map { i in
            (0..<3).reduce(0.0) { $0 + recording.samples[$1][i] * recording.samples[$1][i] }.squareRoot()
        }
        let meanMagnitude: Double = magnitude.reduce(0, +) / Double(magnitude.count)
        #expect(abs(meanMagnitude - 1) < 0.02)
        #expect(recording.truth.events.allSatisfy { $0.kind == .twitch && $0.duration < 1 })
    }
}
