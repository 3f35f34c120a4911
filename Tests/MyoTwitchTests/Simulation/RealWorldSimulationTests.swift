import Foundation
import Testing
@testable import MyoTwitch

/// `SimulationPhenomena.realWorld` (`simulate --real-world`): each effect is in the samples and
/// the truth stays honest, and the standard presets are unchanged byte for byte.
@Suite struct RealWorldSimulationTests {
    /// FNV-1a, 64 bits: a stable fingerprint of CSV bytes.
    static func fingerprint(_ data: Data) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static func excessKurtosis(_ x: [Double]) -> Double {
        let n = Double(x.count), mean = x.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for v in x { let d = (v - mean) * (v - mean); m2 += d; m4 += d * d }
        m2 /= n; m4 /= n
        return m4 / (m2 * m2) - 3
    }

    /// The standard presets' bytes as they were before the real-world effects existed: the
    /// fingerprints are of CSVs written by `myotwitch simulate` of commit 36d1688 (the held-out
    /// set of Scripts/make-eval-set.sh was regenerated and compared file by file too).
    static let goldens: [(SimulationScenario, UInt64)] = [
        (SimulationScenario(durationSeconds: 20, channelCount: 2, preset: .mixed, seed: 11), 11_129_191_126_793_752_909),
        (SimulationScenario(sampleRateHz: 200, durationSeconds: 30, unit: .adc12, preset: .rest, seed: 12), 763_742_412_219_514_323),
        (SimulationScenario(sampleRateHz: 2000, durationSeconds: 15, preset: .cramps, seed: 13), 10_358_257_384_793_874_964),
    ]

    @Test(arguments: goldens)
    func standardPresetsKeepTheirBytes(_ scenario: SimulationScenario, expected: UInt64) {
        let print = Self.fingerprint(Simulator.generate(scenario).csvData())
        #expect(print == expected, "fingerprint \(print)")
    }

    @Test func realWorldIsDeterministicAndDifferent() {
        let a = SimulationScenario(durationSeconds: 30, preset: .mixed, seed: 5, realWorld: true)
        #expect(Simulator.generate(a).csvData() == Simulator.generate(a).csvData())
        let plain = SimulationScenario(durationSeconds: 30, preset: .mixed, seed: 5)
        #expect(Simulator.generate(a).csvData() != Simulator.generate(plain).csvData())
        #expect(a.phenomena.isSuperset(of: .realWorld) && !SimulationPhenomena.all.contains(.ecg))
    }

    /// Holds last 3–60 s (plus onset units and a tonic tail) and are truth `activity`, never a
    /// cramp: a rest recording with holds has no cramp in its truth.
    @Test func holdsAreLongActivityNeverCramps() {
        var holds: [DetectedEvent] = []
        for seed in UInt64(1)...4 {
            let scenario = SimulationScenario(durationSeconds: 600, preset: .rest, seed: seed, realWorld: true)
            let truth = Simulator.generate(scenario).truth
            #expect(!truth.events.contains { $0.kind == .cramp })
            holds += truth.events.filter { $0.kind == .activity }
        }
        #expect(holds.count >= 4)
        #expect(holds.contains { $0.duration >= 3 })
        #expect(holds.allSatisfy { $0.duration <= 60 + 2 + 15 + 0.5 })
    }

    /// Onset recruitment: before the pool, single potentials inside the hold's truth interval.
    @Test func holdOnsetsCarrySingleUnitsInsideTheLabel() {
        let scenario = SimulationScenario(sampleRateHz: 1000, durationSeconds: 300, unit: .microvolts,
                                          mainsHz: nil, preset: .rest,
                                          phenomena: [.voluntaryHolds, .recruitmentOnsets], seed: 8)
        let recording = Simulator.generate(scenario)
        let holds = recording.truth.events.filter { $0.kind == .activity }
        #expect(!holds.isEmpty)
        let x = SimulatedSignalTests.differenced(recording.samples[0], rate: 1000)
        let quiet = SimulatedSignalTests.rms(x[0..<Int(min(holds[0].start - 0.5, 5) * 1000)])
        for hold in holds {
            // The first 300 ms of the label hold potentials well above the background.
            let a = Int(hold.start * 1000), b = a + 300
            #expect(x[a..<b].map(abs).max()! > 2.5 * quiet)
            // And the 300 ms before the label are background only.
            #expect(x[(a - 400)..<(a - 100)].map(abs).max()! < 6 * quiet)
        }
    }

    @Test func tripletsAreOneTwitchWithin120Milliseconds() {
        let scenario = SimulationScenario(sampleRateHz: 2000, durationSeconds: 600, preset: .twitchEpisodes,
                                          phenomena: [.twitchEpisodes, .triplets], seed: 21)
        let twitches = Simulator.generate(scenario).truth.events.filter { $0.kind == .twitch }
        let multiplets = twitches.filter { $0.duration > 0.03 }
        #expect(twitches.count > 50)
        #expect(multiplets.count >= 3)
        // Last centre ≤ 120 ms after the first, plus one potential (≤ 25 ms).
        #expect(twitches.allSatisfy { $0.duration <= 0.145 + 1e-9 })
    }

    @Test func heavyTailedNoiseHasHeavierTailsAndUnitLevel() {
        var r = SimulationRandom(seed: 3)
        let heavy = NoiseGenerator.realWorld(count: 120_000, rate: 1000, coloured: true, heavyTailed: true, random: &r)
        var g = SimulationRandom(seed: 3)
        let plain = NoiseGenerator.realWorld(count: 120_000, rate: 1000, coloured: true, heavyTailed: false, random: &g)
        #expect(Self.excessKurtosis(heavy) > 0.3)
        #expect(abs(Self.excessKurtosis(plain)) < 0.1)
        let rms = SimulatedSignalTests.rms(heavy[...])
        #expect(rms > 0.98 && rms < 1.1)
    }

    /// Coloured noise puts a resonance inside the EMG band: the 20–450 Hz share of its power is
    /// larger than the standard background's, whose in-band part is nearly flat.
    @Test func colouredNoiseIsNotWhiteInBand() {
        var r = SimulationRandom(seed: 4)
        let coloured = NoiseGenerator.realWorld(count: 60_000, rate: 1000, coloured: true, heavyTailed: false, random: &r)
        // Lag-1 autocorrelation: ≈ 0 for white noise, clearly positive for a 40–150 Hz resonance.
        func lag1(_ x: [Double]) -> Double {
            var num = 0.0, den = 0.0
            for i in 1..<x.count { num += x[i] * x[i - 1]; den += x[i] * x[i] }
            return num / den
        }
        var w = SimulationRandom(seed: 4)
        let white = NoiseGenerator.white(count: 60_000, rate: 1000, cutoff: 500, random: &w)
        #expect(lag1(coloured) > lag1(white) + 0.15)
    }

    @Test func ecgIsBackgroundAtAHumanHeartRate() {
        var r = SimulationRandom(seed: 9)
        let ecg = ECGSynthesis(rate: 500, duration: 60, random: &r)
        #expect(ecg.beats.count >= 50 * 60 / 60 - 1 && ecg.beats.count <= 90 + 2)
        let wave = ecg.render(count: 30_000)
        for beat in ecg.beats.dropFirst().prefix(10) {
            let i = Int((beat * 500).rounded())
            #expect(wave[i] > 0.85 && wave[i] < 1.15)
        }
        // Not labelled: the truth of a recording with ECG equals the one without.
        var differs = false
        for seed in UInt64(1)...5 {
            let with = SimulationScenario(durationSeconds: 20, mainsHz: nil, preset: .rest,
                                          phenomena: [.isolatedTwitches, .ecg], seed: seed)
            let without = SimulationScenario(durationSeconds: 20, mainsHz: nil, preset: .rest,
                                             phenomena: [.isolatedTwitches], seed: seed)
            let a = Simulator.generate(with), b = Simulator.generate(without)
            #expect(a.truth.events == b.truth.events)
            differs = differs || a.samples != b.samples
        }
        #expect(differs)
    }

    @Test func adc8WritesEightBitCounts() {
        let recording = Simulator.generate(SimulationScenario(durationSeconds: 10, channelCount: 2, unit: .adc8,
                                                              seed: 6, realWorld: true))
        #expect(recording.columns == ["EMG1_adc", "EMG2_adc"])
        let all = recording.samples.joined()
        #expect(all.allSatisfy { $0 == $0.rounded() && $0 >= 0 && $0 <= 255 })
        // Coarse: the background spans only a handful of counts.
        #expect(Set(recording.samples[0].prefix(500)).count < 60)
    }
}
