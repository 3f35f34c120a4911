/// Agreement between detections and ground truth, for one recording or merged over many.
public struct EvaluationReport: Sendable, Equatable, Codable {
    public static let schemaName = "myotwitch.evaluation/1"

    public var schema: String
    /// Recordings evaluated.
    public var files: Int
    public var rules: EvaluationRules
    /// Event scores in the order twitch, cramp, activity, artifact.
    public var events: [KindScore]
    /// Episode scores in the order twitch, cramp.
    public var episodes: [KindScore]
    public var twitch: TwitchDiagnostics

    public init(files: Int, rules: EvaluationRules, events: [KindScore], episodes: [KindScore],
                twitch: TwitchDiagnostics) {
        self.schema = Self.schemaName
        self.files = files
        self.rules = rules
        self.events = events
        self.episodes = episodes
        self.twitch = twitch
    }

    /// An empty report (no files) to merge into.
    public init(rules: EvaluationRules = EvaluationRules()) {
        self.init(files: 0, rules: rules, events: EventKind.allCases.map { KindScore(kind: $0.rawValue) },
                  episodes: EpisodeKind.allCases.map { KindScore(kind: $0.rawValue) },
                  twitch: TwitchDiagnostics())
    }

    /// The event score of `kind`.
    public func score(_ kind: EventKind) -> KindScore {
        events.first { $0.kind == kind.rawValue } ?? KindScore(kind: kind.rawValue)
    }

    /// The episode score of `kind`.
    public func episodeScore(_ kind: EpisodeKind) -> KindScore {
        episodes.first { $0.kind == kind.rawValue } ?? KindScore(kind: kind.rawValue)
    }

    /// Reports summed: counts added, then precision, recall and F1 from the sums (micro
    /// average: long recordings weigh more); median onset errors over all matches.
    public static func merged(_ reports: [EvaluationReport]) -> EvaluationReport {
        var total = EvaluationReport(rules: reports.first?.rules ?? EvaluationRules())
        for report in reports {
            total.files += report.files
            total.events = zip(total.events, report.events).map { $0 + $1 }
            total.episodes = zip(total.episodes, report.episodes).map { $0 + $1 }
            total.twitch = total.twitch + report.twitch
        }
        return total
    }
}
