import Foundation

/// Reads analysis JSON for evaluation leniently: only `events` (with `kind`, `channel`, `start`,
/// `end`) is required, so that other tools' output converted to this shape can be scored by the
/// same command. Missing episodes are built from the events with the default episode rule;
/// missing `snr` is 0; a missing source has duration 0 (no rate per hour).
public enum EvaluationInput {
    public static func decode(_ data: Data, path: String = "") throws -> AnalysisResult {
        let document = try JSONDecoder().decode(Document.self, from: data)
        let events = document.events.map {
            DetectedEvent(kind: $0.kind, channel: $0.channel, start: $0.start, end: $0.end,
                          peak: $0.peak ?? 0, peakTime: $0.peakTime ?? $0.start, snr: $0.snr ?? 0,
                          reason: $0.reason ?? "")
        }
        let episodes = document.episodes?.map {
            Episode(kind: $0.kind, channel: $0.channel, start: $0.start, end: $0.end,
                    eventCount: $0.eventCount ?? 1, ratePerMinute: $0.ratePerMinute ?? 0)
        } ?? EpisodeBuilder(settings: AnalysisSettings()).episodes(from: events)
        let channels = document.source?.channels ?? Array(Set(events.map(\.channel))).sorted()
        let duration = document.source?.durationSeconds ?? 0
        let source = SourceInfo(
            path: document.source?.path ?? path, sensor: document.source?.sensor ?? .emg,
            sampleRateHz: document.source?.sampleRateHz ?? 0, channels: channels, durationSeconds: duration,
            sampleCount: document.source?.sampleCount ?? 0, columns: document.source?.columns ?? channels,
            units: document.source?.units ?? [], dialect: document.source?.dialect ?? "",
            timeAxis: document.source?.timeAxis ?? "", gaps: [])
        let summary = AnalysisSummary(
            channels: channels.map { ChannelSummary(channel: $0, events: events, episodes: episodes,
                                                    durationSeconds: duration) },
            flags: [], mainsHz: nil, warningCount: 0, warnings: [], settings: AnalysisSettings())
        return AnalysisResult(source: source, events: events, episodes: episodes, summary: summary)
    }

    private struct Document: Decodable {
        var source: Source?
        var events: [Event]
        var episodes: [EpisodeEntry]?
    }

    private struct Source: Decodable {
        var path: String?
        var sensor: SensorKind?
        var sampleRateHz: Double?
        var channels: [String]?
        var durationSeconds: Double?
        var sampleCount: Int?
        var columns: [String]?
        var units: [String?]?
        var dialect: String?
        var timeAxis: String?
    }

    private struct Event: Decodable {
        var kind: EventKind
        var channel: String
        var start: Double
        var end: Double
        var peak: Double?
        var peakTime: Double?
        var snr: Double?
        var reason: String?
    }

    private struct EpisodeEntry: Decodable {
        var kind: EpisodeKind
        var channel: String
        var start: Double
        var end: Double
        var eventCount: Int?
        var ratePerMinute: Double?
    }
}
