import Foundation
import Testing
@testable import MyoTwitch

/// Clustering twitches into putative motor units, measured on simulated recordings whose units
/// are known: a few units of fixed shape and amplitude fire at random times on Gaussian noise;
/// each detected twitch is matched to the discharge whose peak is within 5 ms.
@Suite struct UnitClusteringTests {
    struct Recording {
        var samples: [Double]
        /// Peak time and true unit of each discharge.
        var truth: [(time: Double, unit: Int)]
    }

    /// `units` units (durations 5–25 ms, SNR 8–30), each firing `perMinute` times a minute for
    /// `seconds`, at least 0.4 s from any other discharge, 2 kHz, noise RMS 1.
    static func recording(units: Int, seconds: Double, perMinute: Double, seed: UInt64) -> Recording {
        let rate = 2000.0
        var random = SimulationRandom(seed: seed)
        var samples = (0..<Int(seconds * rate)).map { _ in random.normal() }
        let shapes = (0..<units).map { u in
            MUAPShape(durationSeconds: 0.005 + 0.02 * Double(u) / Double(max(1, units - 1)), sampleRate: rate,
                      random: &random)
        }
        let amplitudes = (0..<units).map { _ in random.logUniform(8, 30) }
        var times: [(Double, Int)] = []
        for u in 0..<units {
            var t = 5.0
            while true {
                t += max(0.5, random.exponential(mean: 60 / perMinute))
                guard t < seconds - 1 else { break }
                if times.allSatisfy({ abs($0.0 - t) > 0.4 }) { times.append((t, u)) }
            }
        }
        times.sort { $0.0 < $1.0 }
        var truth: [(time: Double, unit: Int)] = []
        for (t, u) in times {
            var local = [Double](repeating: 0, count: Int(0.1 * rate))
            let first = Int(t * rate) - local.count / 2
            shapes[u].add(to: &local, centre: Double(local.count / 2) / rate, amplitude: amplitudes[u], rate: rate)
            var peak = 0
            for i in local.indices where abs(local[i]) > abs(local[peak]) { peak = i }
            for i in local.indices { samples[first + i] += local[i] }
            truth.append((Double(first + peak) / rate, u))
        }
        return Recording(samples: samples, truth: truth)
    }

    struct Score { var matched: Int; var purity: Double; var found: Int; var trueUnits: Int }

    static func score(_ result: AnalysisResult, _ recording: Recording) -> Score {
        var pairs: [(found: Int, truth: Int)] = []
        for e in result.events where e.kind == .twitch {
            guard let unit = e.morphology?.unit,
                  let t = recording.truth.min(by: { abs($0.time - e.peakTime) < abs($1.time - e.peakTime) }),
                  abs(t.time - e.peakTime) <= 0.015 else { continue }
            pairs.append((unit, t.unit))
        }
        let foundUnits = Set(pairs.map(\.found))
        var majority = 0
        for f in foundUnits {
            let members = pairs.filter { $0.found == f }.map(\.truth)
            majority += Set(members).map { u in members.filter { $0 == u }.count }.max() ?? 0
        }
        return Score(matched: pairs.count, purity: pairs.isEmpty ? 0 : Double(majority) / Double(pairs.count),
                     found: foundUnits.count, trueUnits: Set(recording.truth.map(\.unit)).count)
    }

    /// Units of distinct shape come out as distinct, pure clusters.
    @Test(arguments: [(3, UInt64(11)), (5, UInt64(12)), (8, UInt64(13))])
    func knownUnitsAreRecovered(units: Int, seed: UInt64) {
        let recording = Self.recording(units: units, seconds: 300, perMinute: 6, seed: seed)
        let result = Analyzer.run(recording.samples, rate: 2000)
        let s = Self.score(result, recording)
        let tw = result.events.filter { $0.kind == .twitch }
        print("twitches \(tw.count) with shape \(tw.filter { $0.morphology != nil }.count) with unit \(tw.filter { $0.morphology?.unit != nil }.count) all events \(result.events.count) kinds \(result.events.map(\.kind.rawValue).sorted())")
        print("units \(units) seed \(seed): matched \(s.matched) of \(recording.truth.count), purity "
              + String(format: "%.3f", s.purity) + ", units found \(s.found) (true \(s.trueUnits))")
        #expect(s.matched >= recording.truth.count * 9 / 10)
        #expect(s.purity >= 0.9)
        #expect(s.found >= s.trueUnits && s.found <= s.trueUnits * 2)
        let summary = result.morphology!
        #expect(summary.units.reduce(0) { $0 + $1.count } == result.events.filter { $0.morphology?.unit != nil }.count)
    }

    /// One unit firing again and again is one cluster, not one per discharge.
    @Test func oneUnitIsOneCluster() {
        let recording = Self.recording(units: 1, seconds: 180, perMinute: 20, seed: 21)
        let s = Self.score(Analyzer.run(recording.samples, rate: 2000), recording)
        #expect(s.matched >= 50)
        #expect(s.found <= 2)
    }

    /// The measures follow the potential: a biphasic potential has 2 phases, a longer one a
    /// longer duration.
    @Test func shapeMeasures() {
        let rate = 2000.0
        let biphasic = (0..<401).map { i -> Double in
            let t = Double(i - 200) / rate / 0.002
            return -t * exp(-t * t) * 10
        }
        let shape = PotentialMeasure.shape(biphasic, centre: 200, sampleRate: rate, noiseRMS: 0.1)
        #expect(shape.phases == 2)
        #expect(shape.turns == 2)
        #expect(abs(shape.peakToPeak - 2 * 10 * 0.4288819) < 0.05)
        let wide = biphasic.indices.map { i -> Double in
            let t = Double(i - 200) / rate / 0.004
            return -t * exp(-t * t) * 10
        }
        #expect(PotentialMeasure.shape(wide, centre: 200, sampleRate: rate, noiseRMS: 0.1).durationMs > shape.durationMs)
    }
}
