extension ChannelSummary {
    /// Counts and recurrence statistics of one channel over a recording of `durationSeconds`.
    public init(channel: String, events: [DetectedEvent], episodes: [Episode],
                durationSeconds: Double) {
        var tally = ChannelTally()
        for event in events where event.channel == channel { tally.add(event) }
        for episode in episodes where episode.channel == channel { tally.add(episode) }
        self.init(channel: channel, tally: tally, durationSeconds: durationSeconds)
    }

    init(channel: String, tally: ChannelTally, durationSeconds: Double) {
        let minutes = durationSeconds / 60
        let hours = durationSeconds / 3600
        let episodes = tally.episodes.sorted { $0.start < $1.start }
        var intervals: [Double] = []
        for (previous, next) in zip(episodes, episodes.dropFirst()) {
            intervals.append(max(0, next.start - previous.end))
        }
        let twitches = tally.counts[.twitch, default: 0]
        self.init(
            channel: channel,
            twitchCount: twitches,
            twitchRatePerMinute: minutes > 0 ? Double(twitches) / minutes : 0,
            crampCount: tally.counts[.cramp, default: 0],
            crampSeconds: tally.cramps.sorted { $0.start < $1.start }.reduce(0) { $0 + $1.duration },
            activityCount: tally.counts[.activity, default: 0],
            artifactCount: tally.counts[.artifact, default: 0],
            twitchEpisodeCount: episodes.filter { $0.isTwitch }.count,
            episodesPerHour: hours > 0 ? Double(episodes.count) / hours : 0,
            episodeDuration: Statistics(episodes.map { $0.end - $0.start }),
            intervalBetweenEpisodes: Statistics(intervals))
        twitchEpisodeDuration = Statistics(episodes.filter { $0.isTwitch }.map { $0.end - $0.start })
        crampDuration = Statistics(tally.cramps.map(\.duration))
        ratesMeaningful = durationSeconds.rounded() >= ReferenceRate.minimumObservationSeconds
    }
}

/// What a channel's summary needs from its events and episodes: counts per kind, and a few numbers
/// per cramp and per episode (their durations feed medians), nothing per twitch.
struct ChannelTally {
    var counts: [EventKind: Int] = [:]
    var cramps: [(start: Double, duration: Double)] = []
    var episodes: [(start: Double, end: Double, isTwitch: Bool)] = []

    mutating func add(_ event: DetectedEvent) {
        counts[event.kind, default: 0] += 1
        if event.kind == .cramp { cramps.append((event.start, event.duration)) }
    }

    mutating func add(_ episode: Episode) {
        episodes.append((episode.start, episode.end, episode.kind == .twitch))
    }
}
