import Foundation
@testable import MyoTwitch

/// Results built directly from events, as the analyzer would summarise them.
enum ReportFixtures {
    static func event(_ kind: EventKind, _ channel: String, _ start: Double, _ end: Double? = nil) -> DetectedEvent {
        let end = end ?? start + 0.015
        return DetectedEvent(kind: kind, channel: channel, start: start, end: end, peak: 0.2,
                             peakTime: (start + end) / 2, snr: 12, reason: "test", peakUnit: "mV")
    }

    static func result(channels: [String], duration: Double, events: [DetectedEvent],
                       path: String = "rec.csv", settings: AnalysisSettings = AnalysisSettings()) -> AnalysisResult {
        let sorted = events.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
        let episodes = EpisodeBuilder(settings: settings).episodes(from: sorted)
        let summaries = channels.map {
            ChannelSummary(channel: $0, events: sorted, episodes: episodes, durationSeconds: duration)
        }
        let flags = AdvisoryRules(settings: settings).flags(events: sorted, episodes: episodes,
                                                            durationSeconds: duration)
        let source = SourceInfo(path: path, sensor: .emg, sampleRateHz: 1000, channels: channels,
                                durationSeconds: duration, sampleCount: Int(min(max(duration, 0), 1e9) * 1000),
                                columns: channels, units: channels.map { _ in "mV" }, dialect: "plain",
                                timeAxis: "column:time (s)", gaps: [])
        let summary = AnalysisSummary(channels: summaries, flags: flags, mainsHz: 50, warningCount: 0,
                                      warnings: [], settings: settings)
        return AnalysisResult(source: source, events: sorted, episodes: episodes, summary: summary)
    }

    /// A 10-minute, two-channel recording with twitch episodes, a cramp and activity.
    static func typical(channels: [String] = ["calf", "thigh"], path: String = "rec.csv") -> AnalysisResult {
        var events: [DetectedEvent] = []
        for t in stride(from: 30.0, through: 200, by: 7) { events.append(event(.twitch, channels[0], t)) }
        for t in [400.0, 420, 455] { events.append(event(.twitch, channels[1], t)) }
        events.append(event(.cramp, channels[0], 300, 318))
        events.append(event(.activity, channels[1], 500, 520))
        events.append(event(.artifact, channels[1], 560, 560.4))
        return result(channels: channels, duration: 600, events: events, path: path)
    }

    /// One value per `bin` seconds per channel: a quiet floor with a bump where events are.
    static func traces(for result: AnalysisResult, bin: Double = 0.5) -> [[Double]] {
        let n = Int(result.source.durationSeconds / bin)
        return result.source.channels.enumerated().map { c, _ in
            (0..<n).map { i -> Double in
                let ripple: Double = 0.002 * Double((i * 7 + c * 3) % 5)
                let bump: Double = i % 97 == 0 ? 0.3 : 0
                return 0.01 + ripple + bump
            }
        }
    }
}
