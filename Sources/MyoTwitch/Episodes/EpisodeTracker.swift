/// Builds episodes incrementally, as events arrive in time order per channel: a twitch episode is
/// closed (and handed out) as soon as the signal has run `episodeGapSeconds` past its last twitch
/// with no new one, so a live stream reports it without waiting for the end.
///
/// Gives the same episodes as `EpisodeBuilder` over the same events.
struct EpisodeTracker {
    let settings: AnalysisSettings
    private var open: [String: (first: DetectedEvent, lastEnd: Double, count: Int)] = [:]

    init(settings: AnalysisSettings) {
        self.settings = settings
    }

    /// Takes the next event of its channel (events of one channel must come in order of start).
    mutating func add(_ event: DetectedEvent, closed: inout [Episode]) {
        switch event.kind {
        case .cramp:
            closed.append(Episode(kind: .cramp, channel: event.channel, start: event.start,
                                  end: event.end, eventCount: 1, ratePerMinute: 0))
        case .twitch:
            if let cluster = open[event.channel] {
                if event.start - cluster.lastEnd > settings.episodeGapSeconds {
                    close(event.channel, into: &closed)
                } else {
                    open[event.channel] = (cluster.first, max(cluster.lastEnd, event.end),
                                           cluster.count + 1)
                    return
                }
            }
            open[event.channel] = (event, event.end, 1)
        case .activity, .artifact:
            break
        }
    }

    /// Closes every cluster whose gap has passed by signal time `now` (seconds).
    mutating func advance(to now: Double, closed: inout [Episode]) {
        for channel in open.keys.sorted() where now - open[channel]!.lastEnd > settings.episodeGapSeconds {
            close(channel, into: &closed)
        }
    }

    /// Closes everything (end of input).
    mutating func finish(closed: inout [Episode]) {
        for channel in open.keys.sorted() { close(channel, into: &closed) }
    }

    private mutating func close(_ channel: String, into closed: inout [Episode]) {
        guard let cluster = open.removeValue(forKey: channel),
              cluster.count >= max(1, settings.episodeMinTwitches) else { return }
        let span = cluster.lastEnd - cluster.first.start
        closed.append(Episode(kind: .twitch, channel: channel, start: cluster.first.start,
                              end: cluster.lastEnd, eventCount: cluster.count,
                              ratePerMinute: span > 0 ? Double(cluster.count) / span * 60 : 0))
    }
}
