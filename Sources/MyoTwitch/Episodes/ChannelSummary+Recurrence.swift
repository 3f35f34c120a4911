extension ChannelSummary {
    /// Counts and recurrence statistics of one channel over a recording of `durationSeconds`.
    public init(channel: String, events: [DetectedEvent], episodes: [Episode],
                durationSeconds: Double) {
        let mine = events.filter { $0.channel == channel }
        let myEpisodes = episodes.filter { $0.channel == channel }.sorted { $0.start < $1.start }
        func count(_ kind: EventKind) -> Int { mine.lazy.filter { $0.kind == kind }.count }
        let minutes = durationSeconds / 60
        let hours = durationSeconds / 3600
        var intervals: [Double] = []
        for (previous, next) in zip(myEpisodes, myEpisodes.dropFirst()) {
            intervals.append(max(0, next.start - previous.end))
        }
        self.init(
            channel: channel,
            twitchCount: count(.twitch),
            twitchRatePerMinute: minutes > 0 ? Double(count(.twitch)) / minutes : 0,
            crampCount: count(.cramp),
            crampSeconds: mine.filter { $0.kind == .cramp }.reduce(0) { $0 + $1.duration },
            activityCount: count(.activity),
            artifactCount: count(.artifact),
            twitchEpisodeCount: myEpisodes.filter { $0.kind == .twitch }.count,
            episodesPerHour: hours > 0 ? Double(myEpisodes.count) / hours : 0,
            episodeDuration: Statistics(myEpisodes.map(\.duration)),
            intervalBetweenEpisodes: Statistics(intervals))
    }
}
