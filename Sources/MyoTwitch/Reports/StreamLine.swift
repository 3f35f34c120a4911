/// One line of JSON Lines output (`stream`, `analyze --format jsonl`): an object whose first key
/// `"type"` says what the rest is.
public enum StreamLine: Encodable, Sendable {
    /// `{"type":"event", …event fields}`
    case event(DetectedEvent)
    /// `{"type":"episode", …episode fields}` — sent when the episode closes.
    case episode(Episode)
    /// `{"type":"warning","line":…,"column":…,"code":…,"message":…}`
    case warning(InputWarning)
    /// `{"type":"summary","source":{…},"summary":{…},"morphology":{…},"eventCount":…,"episodeCount":…}` — last.
    case summary(AnalysisResult)

    private enum Keys: String, CodingKey { case type, source, summary, morphology, eventCount, episodeCount }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .event(let event):
            try container.encode("event", forKey: .type)
            try event.encode(to: encoder)
        case .episode(let episode):
            try container.encode("episode", forKey: .type)
            try episode.encode(to: encoder)
        case .warning(let warning):
            try container.encode("warning", forKey: .type)
            try warning.encode(to: encoder)
        case .summary(let result):
            try container.encode("summary", forKey: .type)
            try container.encode(result.source, forKey: .source)
            try container.encode(result.summary, forKey: .summary)
            // Units and templates (`analyze`; a stream keeps none), so `report` rebuilds them.
            try container.encodeIfPresent(result.morphology, forKey: .morphology)
            // From the summary: a stream's result does not keep its events.
            let channels = result.summary.channels
            try container.encode(channels.reduce(0) {
                $0 + $1.twitchCount + $1.crampCount + $1.activityCount + $1.artifactCount
            }, forKey: .eventCount)
            try container.encode(channels.reduce(0) { $0 + $1.episodeDuration.count }, forKey: .episodeCount)
        }
    }

    public init(_ output: SessionOutput) {
        switch output {
        case .event(let e): self = .event(e)
        case .episode(let e): self = .episode(e)
        case .warning(let w): self = .warning(w)
        }
    }
}
