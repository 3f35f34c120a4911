/// Scores detections against ground truth by the rules of `EvaluationRules`. Pure: same inputs,
/// same report.
public enum Evaluator {
    /// Compares `detected` with `truth` (both in the analysis schema). Channels are matched by
    /// name; the truth's `source.durationSeconds` is the time base for false twitches per hour.
    public static func evaluate(truth: AnalysisResult, detected: AnalysisResult,
                                rules: EvaluationRules = EvaluationRules()) -> EvaluationReport {
        let tolerance = rules.twitchToleranceSeconds
        var eventScores: [KindScore] = []
        var matchedTruth: Set<Int> = []     // indices into truth.events
        var matchedDetected: Set<Int> = []  // indices into detected.events
        let channels = Set(truth.events.map(\.channel)).union(detected.events.map(\.channel)).sorted()
        for kind in EventKind.allCases {
            var score = KindScore(kind: kind.rawValue)
            for channel in channels {
                let t = truth.events.indices.filter { truth.events[$0].kind == kind && truth.events[$0].channel == channel }
                let d = detected.events.indices.filter {
                    detected.events[$0].kind == kind && detected.events[$0].channel == channel
                }
                let criterion: IntervalMatcher.Criterion = kind == .cramp
                    ? .iou(minimum: rules.crampMinIoU)
                    : .overlap(tolerance: kind == .twitch ? tolerance : 0)
                let pairs = IntervalMatcher.match(truth: t.map { interval(truth.events[$0]) },
                                                  detected: d.map { interval(detected.events[$0]) },
                                                  criterion: criterion)
                var errors: [Double] = []
                for (ti, di) in pairs {
                    matchedTruth.insert(t[ti])
                    matchedDetected.insert(d[di])
                    errors.append(abs(detected.events[d[di]].start - truth.events[t[ti]].start) * 1000)
                }
                score = score + KindScore(kind: kind.rawValue, truePositives: pairs.count,
                                          falsePositives: d.count - pairs.count,
                                          falseNegatives: t.count - pairs.count, onsetErrorsMs: errors)
            }
            eventScores.append(score)
        }
        var episodeScores: [KindScore] = []
        for kind in EpisodeKind.allCases {
            var score = KindScore(kind: kind.rawValue)
            let episodeChannels = Set(truth.episodes.map(\.channel)).union(detected.episodes.map(\.channel)).sorted()
            for channel in episodeChannels {
                let t = truth.episodes.filter { $0.kind == kind && $0.channel == channel }
                let d = detected.episodes.filter { $0.kind == kind && $0.channel == channel }
                let pairs = IntervalMatcher.match(truth: t.map { .init(start: $0.start, end: $0.end) },
                                                  detected: d.map { .init(start: $0.start, end: $0.end) },
                                                  criterion: .iou(minimum: rules.episodeMinIoU))
                score = score + KindScore(kind: kind.rawValue, truePositives: pairs.count,
                                          falsePositives: d.count - pairs.count,
                                          falseNegatives: t.count - pairs.count,
                                          onsetErrorsMs: pairs.map { abs(d[$0.1].start - t[$0.0].start) * 1000 })
            }
            episodeScores.append(score)
        }
        let diagnostics = twitchDiagnostics(truth: truth, detected: detected, matchedTruth: matchedTruth,
                                            matchedDetected: matchedDetected, rules: rules)
        return EvaluationReport(files: 1, rules: rules, events: eventScores, episodes: episodeScores,
                                twitch: diagnostics)
    }

    static func interval(_ event: DetectedEvent) -> IntervalMatcher.Interval {
        .init(start: event.start, end: max(event.start, event.end))
    }

    /// Whether closed intervals [a0, a1] and [b0, b1] intersect.
    static func overlaps(_ a0: Double, _ a1: Double, _ b0: Double, _ b1: Double) -> Bool {
        a0 <= b1 && b0 <= a1
    }

    private static func twitchDiagnostics(truth: AnalysisResult, detected: AnalysisResult,
                                          matchedTruth: Set<Int>, matchedDetected: Set<Int>,
                                          rules: EvaluationRules) -> TwitchDiagnostics {
        let tol = rules.twitchToleranceSeconds
        var result = TwitchDiagnostics(durationSeconds: truth.source.durationSeconds)
        func detections(_ kind: EventKind, on channel: String) -> [DetectedEvent] {
            detected.events.filter { $0.kind == kind && $0.channel == channel }
        }
        for (i, event) in truth.events.enumerated() {
            switch event.kind {
            case .twitch:
                if event.snr >= rules.strongTwitchSNR {
                    result.strongTwitches += 1
                    if matchedTruth.contains(i) { result.strongTwitchesFound += 1 }
                }
                if !matchedTruth.contains(i), detections(.cramp, on: event.channel).contains(where: {
                    overlaps($0.start, $0.end, event.start - tol, event.end + tol)
                }) {
                    result.twitchesReportedAsCramp += 1
                }
            case .cramp:
                if !matchedTruth.contains(i), detections(.twitch, on: event.channel).contains(where: {
                    overlaps($0.start, $0.end, event.start, event.end)
                }) {
                    result.crampsReportedAsTwitches += 1
                }
            case .activity, .artifact:
                break
            }
        }
        for (i, event) in detected.events.enumerated() where event.kind == .twitch && !matchedDetected.contains(i) {
            result.falseTwitches += 1
            let context = truth.events.filter { $0.channel == event.channel }
            func near(_ kind: EventKind, widen: Double) -> Bool {
                context.contains { $0.kind == kind && overlaps($0.start - widen, $0.end + widen, event.start, event.end) }
            }
            if near(.artifact, widen: tol) { result.falseTwitchesOnArtifacts += 1 }
            if near(.activity, widen: tol) { result.falseTwitchesOnActivity += 1 }
            if near(.cramp, widen: 0) { result.falseTwitchesInCramps += 1 }
        }
        return result
    }
}
