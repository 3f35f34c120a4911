import Foundation
import Testing
@testable import MyoTwitch

/// Accuracy floors on a small, fast simulated set (five recordings, 20 min; seeds 7201–7205,
/// none in the held-out or development lists). A change of the detector that loses twitches,
/// invents false ones, or stops finding cramps or activity fails here before it reaches the
/// evaluation sets. Measured when set (2026-12-02): twitch P 1.000 / R 0.798 / F1 0.887, recall
/// at SNR ≥ 5 0.910, cramp F1 1.000 (3), activity F1 0.969, no false twitch.
@Suite struct AccuracyFloorTests {
    static let scenarios: [SimulationScenario] = [
        SimulationScenario(sampleRateHz: 1000, durationSeconds: 240, preset: .mixed, seed: 7201),
        SimulationScenario(sampleRateHz: 2000, durationSeconds: 180, preset: .cramps, seed: 7202),
        SimulationScenario(sampleRateHz: 500, durationSeconds: 300, preset: .rest, seed: 7203),
        SimulationScenario(sensor: .accelerometer, sampleRateHz: 100, durationSeconds: 240, preset: .mixed, seed: 7204),
        SimulationScenario(sampleRateHz: 1000, durationSeconds: 240, preset: .twitchEpisodes, seed: 7205),
    ]

    @Test func smallSetStaysAboveTheFloors() throws {
        var reports: [EvaluationReport] = []
        for scenario in Self.scenarios {
            let recording = Simulator.generate(scenario, path: "sim.csv")
            let bytes = Array(recording.csvData())
            let session = AnalysisSession(path: "sim.csv", decoderOptions: DecoderOptions())
            try bytes.withUnsafeBytes { raw in _ = try session.consume(raw) }
            let result = try session.finish().result
            reports.append(Evaluator.evaluate(truth: recording.truth, detected: result))
        }
        let r = EvaluationReport.merged(reports)
        let twitch = r.score(.twitch), cramp = r.score(.cramp), activity = r.score(.activity)
        #expect((twitch.f1 ?? 0) >= 0.85, "twitch F1 \(twitch.f1 ?? 0)")
        #expect((twitch.precision ?? 0) >= 0.95, "twitch precision \(twitch.precision ?? 0)")
        #expect(cramp.truePositives >= 3 && (cramp.f1 ?? 0) >= 0.95, "cramp \(cramp)")
        #expect((activity.f1 ?? 0) >= 0.9, "activity F1 \(activity.f1 ?? 0)")
        #expect(twitch.falsePositives <= 2, "false twitches \(twitch.falsePositives)")
    }
}
