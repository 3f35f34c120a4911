import Foundation
import Testing
@testable import MyoTwitch

@Suite struct EvaluatorTests {
    static func event(_ kind: EventKind, _ start: Double, _ end: Double, channel: String = "a",
                      snr: Double = 10) -> DetectedEvent {
        DetectedEvent(kind: kind, channel: channel, start: start, end: end, peak: 1, peakTime: start,
                      snr: snr, reason: "test")
    }

    static func result(_ events: [DetectedEvent], duration: Double = 3600) -> AnalysisResult {
        let episodes = EpisodeBuilder(settings: AnalysisSettings()).episodes(from: events)
        let source = SourceInfo(path: "t", sensor: .emg, sampleRateHz: 1000, channels: ["a", "b"],
                                durationSeconds: duration, sampleCount: 0, columns: [], units: [],
                                dialect: "plain", timeAxis: "", gaps: [])
        return AnalysisResult(source: source, events: events, episodes: episodes,
                              summary: AnalysisSummary(channels: [], flags: [], mainsHz: nil, warningCount: 0,
                                                       warnings: [], settings: AnalysisSettings()))
    }

    /// (detected start, detected end, matches a true twitch at 10.000–10.020 s?)
    @Test(arguments: [
        (10.0, 10.02, true), (10.11, 10.13, true), (10.121, 10.13, false), (9.85, 9.9, true),
        (9.85, 9.899, false), (9.0, 11.0, true), (10.12, 10.12, true),
    ])
    func twitchToleranceIsHundredMilliseconds(start: Double, end: Double, matches: Bool) {
        let report = Evaluator.evaluate(truth: Self.result([Self.event(.twitch, 10, 10.02)]),
                                        detected: Self.result([Self.event(.twitch, start, end)]))
        #expect(report.score(.twitch).truePositives == (matches ? 1 : 0))
        #expect(report.score(.twitch).falsePositives == (matches ? 0 : 1))
    }

    /// A true cramp 100–120 s; (detected interval, matches at IoU ≥ 0.5?)
    @Test(arguments: [(100.0, 120.0, true), (105, 125, true), (110, 130, false), (90, 130, true),
                      (89, 130, false), (100, 110, true), (100, 109.9, false)])
    func crampNeedsHalfIntersectionOverUnion(start: Double, end: Double, matches: Bool) {
        let report = Evaluator.evaluate(truth: Self.result([Self.event(.cramp, 100, 120)]),
                                        detected: Self.result([Self.event(.cramp, start, end)]))
        #expect(report.score(.cramp).truePositives == (matches ? 1 : 0))
        #expect(report.episodeScore(.cramp).truePositives == (matches ? 1 : 0))
    }

    @Test func matchingIsOneToOneAndGreedyByOverlap() {
        // Two detections overlap one true twitch: one TP, one FP. The better-overlapping one wins.
        let truth = Self.result([Self.event(.twitch, 10, 10.02)])
        let detected = Self.result([Self.event(.twitch, 10.09, 10.2), Self.event(.twitch, 10.0, 10.02)])
        let report = Evaluator.evaluate(truth: truth, detected: detected)
        #expect(report.score(.twitch).truePositives == 1 && report.score(.twitch).falsePositives == 1)
        #expect(report.score(.twitch).medianOnsetErrorMs == 0)
        // One long detection over two true twitches matches only one of them.
        let two = Self.result([Self.event(.twitch, 10, 10.02), Self.event(.twitch, 10.4, 10.42)])
        let long = Evaluator.evaluate(truth: two, detected: Self.result([Self.event(.twitch, 10, 10.5)]))
        #expect(long.score(.twitch).truePositives == 1 && long.score(.twitch).falseNegatives == 1)
    }

    @Test func kindsAndChannelsDoNotCrossMatch() {
        let truth = Self.result([Self.event(.twitch, 10, 10.02, channel: "a")])
        let other = Evaluator.evaluate(truth: truth, detected: Self.result([Self.event(.twitch, 10, 10.02, channel: "b")]))
        #expect(other.score(.twitch).truePositives == 0 && other.score(.twitch).falsePositives == 1)
        let kind = Evaluator.evaluate(truth: truth, detected: Self.result([Self.event(.artifact, 10, 10.02)]))
        #expect(kind.score(.twitch).falseNegatives == 1 && kind.score(.artifact).falsePositives == 1)
    }

    @Test func diagnosticsCountConfusionsAndFalseTwitchContexts() {
        let truth = Self.result([
            Self.event(.twitch, 5, 5.02, snr: 4), Self.event(.twitch, 8, 8.02, snr: 12),
            Self.event(.cramp, 20, 40), Self.event(.artifact, 50, 50.3), Self.event(.activity, 60, 61),
        ], duration: 1800)
        let detected = Self.result([
            Self.event(.cramp, 4, 6),                                  // twitch at 5 s reported as cramp
            Self.event(.twitch, 8.01, 8.03),                           // match, 10 ms onset error
            Self.event(.twitch, 25, 25.02), Self.event(.twitch, 30, 30.02),  // cramp as twitches
            Self.event(.twitch, 50.35, 50.36),                          // on an artifact (±100 ms)
            Self.event(.twitch, 60.5, 60.52),                           // on activity
        ])
        let r = Evaluator.evaluate(truth: truth, detected: detected)
        #expect(r.twitch.twitchesReportedAsCramp == 1)
        #expect(r.twitch.crampsReportedAsTwitches == 1)
        #expect(r.twitch.falseTwitches == 4)
        #expect(r.twitch.falseTwitchesInCramps == 2)
        #expect(r.twitch.falseTwitchesOnArtifacts == 1 && r.twitch.falseTwitchesOnActivity == 1)
        #expect(r.twitch.falseTwitchesPerHour == 8)
        #expect(r.twitch.strongTwitches == 1 && r.twitch.strongTwitchRecall == 1)
        #expect(abs(r.score(.twitch).medianOnsetErrorMs! - 10) < 1e-6)
        #expect(r.score(.cramp).falsePositives == 1 && r.score(.cramp).falseNegatives == 1)
    }

    @Test func undefinedScoresAreNilAndNotZero() {
        let r = Evaluator.evaluate(truth: Self.result([]), detected: Self.result([]))
        #expect(r.score(.twitch).precision == nil && r.score(.twitch).recall == nil && r.score(.twitch).f1 == nil)
        let missed = Evaluator.evaluate(truth: Self.result([Self.event(.twitch, 1, 1.01)]), detected: Self.result([]))
        #expect(missed.score(.twitch).precision == nil && missed.score(.twitch).recall == 0 && missed.score(.twitch).f1 == 0)
    }

    @Test func mergeSumsCountsAndPoolsOnsetErrors() {
        let a = Evaluator.evaluate(truth: Self.result([Self.event(.twitch, 1, 1.01)]),
                                   detected: Self.result([Self.event(.twitch, 1.002, 1.01)]), rules: EvaluationRules())
        let b = Evaluator.evaluate(truth: Self.result([Self.event(.twitch, 1, 1.01), Self.event(.twitch, 3, 3.01)]),
                                   detected: Self.result([Self.event(.twitch, 1.004, 1.01), Self.event(.twitch, 7, 7.01)]))
        let m = EvaluationReport.merged([a, b])
        #expect(m.files == 2)
        #expect(m.score(.twitch).truePositives == 2 && m.score(.twitch).falsePositives == 1
                && m.score(.twitch).falseNegatives == 1)
        #expect(abs(m.score(.twitch).medianOnsetErrorMs! - 3) < 1e-6)  // median of 2 and 4 ms
        #expect(m.twitch.durationSeconds == 7200)
        #expect(abs(m.score(.twitch).f1! - 4.0 / 6.0) < 1e-12)
    }

    @Test func simulatedTruthScoresPerfectlyAgainstItself() throws {
        let recording = Simulator.generate(SimulationScenario(durationSeconds: 300, channelCount: 2, seed: 9))
        let r = Evaluator.evaluate(truth: recording.truth, detected: recording.truth)
        for score in r.events + r.episodes where score.truePositives + score.falseNegatives > 0 {
            #expect(score.f1 == 1 && score.medianOnsetErrorMs == 0, "\(score.kind)")
        }
        // And the lenient reader gives back the same events from the encoded truth.
        let decoded = try EvaluationInput.decode(JSONReport.encode(recording.truth))
        #expect(decoded.events == recording.truth.events && decoded.episodes == recording.truth.episodes)
    }
}
