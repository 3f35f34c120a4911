import Foundation
import Testing
@testable import MyoTwitch

@Suite struct SimulatorTests {
    static let scenarios: [SimulationScenario] = [
        SimulationScenario(sensor: .emg, sampleRateHz: 1000, durationSeconds: 120, channelCount: 2,
                           unit: .microvolts, mainsHz: 50, mainsStrength: 3, preset: .mixed, seed: 11),
        SimulationScenario(sensor: .emg, sampleRateHz: 200, durationSeconds: 90, channelCount: 1,
                           unit: .adc12, mainsHz: 60, preset: .twitchEpisodes, seed: 12),
        SimulationScenario(sensor: .emg, sampleRateHz: 4000, durationSeconds: 40, channelCount: 1,
                           unit: .volts, mainsHz: nil, preset: .cramps, seed: 13),
        SimulationScenario(sensor: .accelerometer, sampleRateHz: 100, durationSeconds: 120,
                           unit: .metresPerSecondSquared, preset: .mixed, seed: 14),
        SimulationScenario(sensor: .accelerometer, sampleRateHz: 50, durationSeconds: 60, unit: .g,
                           preset: .rest, seed: 15),
        SimulationScenario(sensor: .emg, sampleRateHz: 500, durationSeconds: 300, channelCount: 2,
                           unit: .adc8, mainsHz: 50, preset: .mixed, seed: 16, realWorld: true),
    ]

    @Test(arguments: scenarios)
    func sameSeedGivesIdenticalBytes(_ scenario: SimulationScenario) throws {
        let a = Simulator.generate(scenario, path: "x.csv"), b = Simulator.generate(scenario, path: "x.csv")
        #expect(a.csvData() == b.csvData())
        #expect(try JSONReport.encode(a.truth) == JSONReport.encode(b.truth))
        var other = scenario
        other.seed += 1000
        #expect(Simulator.generate(other).csvData() != a.csvData())
    }

    @Test(arguments: scenarios)
    func truthIsConsistent(_ scenario: SimulationScenario) {
        let recording = Simulator.generate(scenario, path: "rec.csv")
        let truth = recording.truth
        #expect(truth.schema == "myotwitch.analysis/1")
        #expect(truth.source.path == "rec.csv")
        #expect(truth.source.sampleCount == recording.sampleCount)
        #expect(!truth.events.isEmpty)
        #expect(truth.summary.channels.map(\.channel) == truth.source.channels)
        for channel in truth.source.channels {
            let events = truth.events.filter { $0.channel == channel }.sorted { $0.start < $1.start }
            for event in events {
                #expect(event.start >= 0 && event.end <= truth.source.durationSeconds + 1e-9)
                #expect(event.end >= event.start && event.reason == "simulated")
                #expect(event.peakTime >= event.start - 0.01 && event.peakTime <= event.end + 0.01)
                if event.kind == .twitch {
                    #expect(event.snr >= 3 - 1e-9 && event.snr <= 30 + 1e-9)
                    // A twitch, doublet included, is at most 25 ms + 110 ms (+ anti-alias widening at 200 Hz).
                    #expect(event.duration <= (scenario.sensor == .emg ? 0.16 : 0.95))
                }
            }
            for (a, b) in zip(events, events.dropFirst()) {
                #expect(b.start - a.end >= SimulationTimeline.requiredGap(a.kind, b.kind) - 1e-9,
                        "\(a.kind) \(a.start)–\(a.end) then \(b.kind) \(b.start)")
            }
        }
        #expect(truth.episodes == EpisodeBuilder(settings: AnalysisSettings()).episodes(from: truth.events))
        #expect(truth.events == truth.events.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) })
    }

    @Test func doubletsAreOneEventSpanningBothDischarges() {
        let scenario = SimulationScenario(sensor: .emg, sampleRateHz: 2000, durationSeconds: 300,
                                          preset: .twitchEpisodes, phenomena: [.twitchEpisodes, .doublets],
                                          seed: 21)
        let twitches = Simulator.generate(scenario).truth.events.filter { $0.kind == .twitch }
        // Single potentials last ≤ 25 ms; doublets span 10–110 ms more.
        let doublets = twitches.filter { $0.duration > 0.03 }
        #expect(twitches.count > 20)
        #expect(doublets.count >= 2)
        #expect(doublets.allSatisfy { $0.duration <= 0.135 + 1e-9 })
    }

    @Test func presetsIncludeWhatTheyPromise() {
        let rest = Simulator.generate(SimulationScenario(durationSeconds: 300, preset: .rest, seed: 3)).truth
        #expect(Set(rest.events.map(\.kind)).isSubset(of: [.twitch, .artifact]))
        #expect(rest.events.contains { $0.kind == .artifact })
        let mixed = Simulator.generate(SimulationScenario(durationSeconds: 600, preset: .mixed, seed: 3)).truth
        #expect(Set(mixed.events.map(\.kind)) == Set(EventKind.allCases))
        #expect(mixed.episodes.contains { $0.kind == .twitch } && mixed.episodes.contains { $0.kind == .cramp })
    }

    @Test(arguments: [SimulatedUnit.volts, .millivolts, .microvolts, .adc12, .adc16])
    func emgColumnsCarryTheUnit(_ unit: SimulatedUnit) {
        let recording = Simulator.generate(SimulationScenario(durationSeconds: 5, channelCount: 2, unit: unit, seed: 4))
        let token = unit.adcBits == nil ? unit.rawValue : "adc"
        #expect(recording.columns == ["EMG1_\(token)", "EMG2_\(token)"])
        if let bits = unit.adcBits {
            let all = recording.samples.joined()
            #expect(all.allSatisfy { $0 == $0.rounded() && $0 >= 0 && $0 < Double(1 << bits) })
            // Offset from zero (mid-scale plus electrode DC), well inside the rails.
            let mean = all.reduce(0, +) / Double(all.count) / Double(1 << bits)
            #expect(mean > 0.1 && mean < 0.9)
        }
    }
}
