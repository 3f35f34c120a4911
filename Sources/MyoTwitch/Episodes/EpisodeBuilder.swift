/// Groups events into episodes: twitches on one channel no more than `episodeGapSeconds` apart form
/// a twitch episode (when there are at least `episodeMinTwitches` of them); every cramp is an
/// episode of its own.
///
/// The same builder makes the episodes of an analysis and of simulated ground truth, so both are
/// counted by one rule.
public struct EpisodeBuilder: Sendable {
    public var settings: AnalysisSettings

    public init(settings: AnalysisSettings) {
        self.settings = settings
    }

    /// Episodes of `events` (in any order), sorted by start, then channel.
    public func episodes(from events: [DetectedEvent]) -> [Episode] {
        var result: [Episode] = []
        var twitchesByChannel: [String: [DetectedEvent]] = [:]
        for event in events {
            switch event.kind {
            case .cramp:
                result.append(Episode(kind: .cramp, channel: event.channel, start: event.start,
                                      end: event.end, eventCount: 1, ratePerMinute: 0))
            case .twitch:
                twitchesByChannel[event.channel, default: []].append(event)
            case .activity, .artifact:
                break
            }
        }
        for channel in twitchesByChannel.keys.sorted() {
            let twitches = twitchesByChannel[channel]!.sorted { $0.start < $1.start }
            var cluster: [DetectedEvent] = []
            for twitch in twitches {
                if let last = cluster.last, twitch.start - last.end > settings.episodeGapSeconds {
                    appendEpisode(of: cluster, to: &result)
                    cluster.removeAll(keepingCapacity: true)
                }
                cluster.append(twitch)
            }
            appendEpisode(of: cluster, to: &result)
        }
        return result.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
    }

    private func appendEpisode(of cluster: [DetectedEvent], to result: inout [Episode]) {
        guard cluster.count >= max(1, settings.episodeMinTwitches),
              let first = cluster.first, let last = cluster.last else { return }
        let span = last.end - first.start
        result.append(Episode(kind: .twitch, channel: first.channel, start: first.start,
                              end: max(last.end, cluster.map(\.end).max()!),
                              eventCount: cluster.count,
                              ratePerMinute: span > 0 ? Double(cluster.count) / span * 60 : 0))
    }
}
