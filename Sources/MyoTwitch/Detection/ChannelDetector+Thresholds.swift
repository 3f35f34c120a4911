/// The detector's thresholds: the strict false-alarm level of the channel's noise model, and the
/// relaxed one of a twitch episode.
extension ChannelDetector {
    /// Current thresholds (envelope units): high, low, and the noise level (quiet median).
    ///
    /// The high threshold is the level this channel's own quiet noise exceeds with the profile's
    /// false-alarm probability (`NoiseTail`), never below the white-Gaussian level for the band
    /// (`FalseAlarmThreshold`) nor `highThreshold` robust SDs above the median, times
    /// `profile.thresholdScale` (`--threshold`).
    func thresholds(at n: Int) -> (high: Double, low: Double, noise: Double) {
        let median = level.median
        // Quantised or very clean signals can have a MAD of 0; a floor of 5 % of the median keeps
        // thresholds finite and meaningful.
        let spread = max(level.spread, 0.05 * median, 1e-300)
        // Fasciculations come in episodes: once two confirmed spikes (each above the strict
        // level) have come within `episodeWindow`, the false-alarm level is relaxed for as long,
        // so the episode's fainter potentials are found too (a lone twitch in a quiet hour does
        // not arm it, and nor do the relaxed detections themselves).
        let inEpisode = n - previousSpikeEnd <= episodeWindow
        let high = inEpisode
            ? profile.thresholdScale * max(median * episodeFalseAlarmRatio,
                                           median + profile.episodeHighThreshold * spread, tail.episodeLevel)
            : strictThreshold
        return (high, min(high, median + profile.lowThreshold * spread), median)
    }

    /// The strict high threshold (outside episodes), envelope units.
    var strictThreshold: Double {
        let median = level.median
        let spread = max(level.spread, 0.05 * median, 1e-300)
        return profile.thresholdScale * max(median * falseAlarmRatio, median + profile.highThreshold * spread,
                                            tail.strictLevel)
    }
}
