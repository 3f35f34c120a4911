/// The trigger envelope: a second, shorter moving RMS (`profile.triggerSeconds`) that can start a
/// segment where the 10 ms envelope averages a sharp potential's energy with too much noise.
///
/// It learns its own noise tail (`shortTail`) from the same quiet values the long envelope's tail
/// learns from, and its levels are that tail's at the long window's false-alarm rate per second,
/// never below the white-noise level for its degrees of freedom. A segment it starts is shaped,
/// merged and measured on the long envelope like any other; only the two decisions that ask
/// whether the segment rose far enough — standing out from its surroundings, and the strict
/// level that arms the episode mode — also accept the trigger envelope's peak against its own
/// level.
extension ChannelDetector {
    /// The trigger window of a detector whose long window is `envelopeLength` samples: its
    /// length (0: off, where it would not be at most half the long one), its white-noise
    /// false-alarm ratios and its noise tail, at the long window's false alarms per second (its
    /// windows are `envelopeLength / length` times as many).
    static func trigger(profile: DetectorProfile, sampleRate: Double, envelopeLength: Int, bandwidth: Double,
                        columnCount: Int, valuesPerSecond: Int)
        -> (length: Int, ratio: Double, episodeRatio: Double, tail: NoiseTail) {
        let candidate = max(2, Int((profile.triggerSeconds * sampleRate).rounded()))
        let length = profile.triggerSeconds > 0 && 2 * candidate <= envelopeLength ? candidate : 0
        let share = Double(length) / Double(envelopeLength)
        let dof = min(Double(max(2, length)), max(2, 2 * bandwidth * Double(length) / sampleRate)) * Double(columnCount)
        let (strict, episode) = (profile.falseAlarmProbability * share, profile.episodeFalseAlarmProbability * share)
        // Refreshed every 2 s (the long tail every second): a refresh is three selections over
        // 512 values, and at once a second the trigger cost 17 % of an 8-channel analysis's CPU
        // time, at every 2 s 10 % (every 4 s 6 %, but its level lagged: one more false twitch
        // on real rest, four on the semi-synthetic set; 256 values: six more there).
        let tail = NoiseTail(capacity: 512, refreshInterval: 2 * valuesPerSecond, whiteDegreesOfFreedom: dof,
                             strictProbability: strict, episodeProbability: episode)
        return (length, FalseAlarmThreshold.ratio(degreesOfFreedom: dof, tail: strict),
                FalseAlarmThreshold.ratio(degreesOfFreedom: dof, tail: episode), tail)
    }

    /// Adds the band energy `e` to the trigger window and returns the trigger envelope.
    @inline(__always)
    func shortEnvelope(adding e: Double) -> Double {
        shortWindowSum += e - shortWindow[shortWindowPosition]
        shortWindow[shortWindowPosition] = e
        shortWindowPosition = shortWindowPosition + 1 == shortLength ? 0 : shortWindowPosition + 1
        return max(0, shortWindowSum * (1 / Double(shortLength))).squareRoot()
    }

    /// The trigger envelope's high threshold at sample `n` (strict, or relaxed within a twitch
    /// episode as the long one is), envelope units; infinity while off or before its tail has
    /// values.
    func shortThreshold(at n: Int) -> Double {
        guard shortLength > 0, shortTail.medianLevel > 0 else { return .infinity }
        guard n - previousSpikeEnd <= episodeWindow else { return shortStrictThreshold }
        return profile.thresholdScale * max(shortTail.medianLevel * shortEpisodeFalseAlarmRatio, shortTail.episodeLevel)
    }

    /// The trigger envelope's strict threshold (outside episodes), envelope units.
    var shortStrictThreshold: Double {
        guard shortLength > 0, shortTail.medianLevel > 0 else { return .infinity }
        return profile.thresholdScale * max(shortTail.medianLevel * shortFalseAlarmRatio, shortTail.strictLevel)
    }

    /// The largest trigger envelope over samples `from...to` (from the energy ring), and the ratio
    /// of its threshold at the segment's onset to the quiet signal's RMS (its tail's trimmed mean
    /// energy, the statistic `measureContrast` takes of the surroundings): the two values
    /// `Segment.standsOut` compares a short-triggered segment by. (0, 0) when off.
    func shortContrast(from: Int, to: Int) -> (peak: Double, ratio: Double) {
        let length = shortLength
        guard length > 0, to >= from else { return (0, 0) }
        var sum = 0.0, peak = 0.0
        for j in from...to {
            sum += energyRing[j & ringMask]
            if j - length >= from { sum -= energyRing[(j - length) & ringMask] }
            if j - from + 1 >= length { peak = max(peak, sum) }
        }
        if to - from + 1 < length { peak = sum }
        let high = shortThreshold(at: current.onset)
        let quiet = shortTail.medianLevel * shortTail.trimmedPerMedian
        return (max(0, peak / Double(length)).squareRoot(), high.isFinite && quiet > 0 ? high / quiet : 0)
    }
}
