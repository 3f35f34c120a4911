/// The user-settable parameters of an analysis; reported back in every result so that a number can
/// always be traced to the settings that produced it.
public struct AnalysisSettings: Sendable, Equatable, Codable {
    /// Twitches on one channel no more than this many seconds apart belong to one episode.
    /// Default 60 s: bouts of fasciculations last seconds and recur within a minute or so.
    public var episodeGapSeconds: Double
    /// The fewest twitches that make an episode; an isolated twitch is counted but is no cluster.
    public var episodeMinTwitches: Int
    /// A twitch episode longer than this raises the `long-twitch-episode` flag. Default 300 s:
    /// guidance names twitching that persists for more than a few minutes.
    public var longEpisodeSeconds: Double
    /// Scale of the detectors' high thresholds (`DetectorProfile.thresholdScale`). 1 (default):
    /// the level each channel's own measured noise exceeds with a probability of 1e-7 per 10 ms
    /// window (`NoiseTail`); 1.5 detects only potentials half as large again; below 1 more faint
    /// potentials and more false alarms.
    public var thresholdFactor: Double
    /// Sustained activity at least this long (seconds) is a cramp candidate; shorter bursts are
    /// `activity`. Default 3 s, the shortest induced cramps reported.
    public var minCrampSeconds: Double

    public init(episodeGapSeconds: Double = 60, episodeMinTwitches: Int = 2,
                longEpisodeSeconds: Double = 300, thresholdFactor: Double = 1,
                minCrampSeconds: Double = 3) {
        self.episodeGapSeconds = episodeGapSeconds
        self.episodeMinTwitches = episodeMinTwitches
        self.longEpisodeSeconds = longEpisodeSeconds
        self.thresholdFactor = thresholdFactor
        self.minCrampSeconds = minCrampSeconds
    }
}
