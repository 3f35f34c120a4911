/// The analysis of one recording: the object `analyze --format json` writes (schema 1).
public struct AnalysisResult: Sendable, Equatable, Codable {
    /// The schema name of a single-input result.
    public static let schemaName = "myotwitch.analysis/1"

    public var schema: String
    public var source: SourceInfo
    /// Events in order of `start`, then channel.
    public var events: [DetectedEvent]
    /// Episodes in order of `start`, then channel.
    public var episodes: [Episode]
    public var summary: AnalysisSummary
    /// Putative motor units and inter-discharge intervals (EMG with twitches); see `Morphology/`.
    public var morphology: MorphologySummary?
    /// Twitch snippets for the HTML review view, when traces were collected; not part of the
    /// JSON (a report rendered from saved JSON shows unit templates instead).
    public var reviewSnippets: [ReviewSnippet] = []

    private enum CodingKeys: String, CodingKey { case schema, source, events, episodes, summary, morphology }

    public init(source: SourceInfo, events: [DetectedEvent], episodes: [Episode],
                summary: AnalysisSummary) {
        self.schema = Self.schemaName
        self.source = source
        self.events = events
        self.episodes = episodes
        self.summary = summary
    }
}
