/// Rejects ECG beats that pass for twitches: a spike that comes on an established heart rhythm,
/// at the size of the channel's beats, is an `artifact` (`heartbeat`).
///
/// ECG reaches leg and trunk electrodes as a regular train of one shape (40–180 beats/min).
/// Most beats carry their power below 20 Hz and are already artifacts (`low-frequency-power`);
/// the rest would be twitches. A fasciculation fires irregularly. So a rhythm is established
/// when, of the intervals between the last `history + 1` beats (low-frequency artifacts and
/// twitches alike), at least `agreeing` lie within `tolerance` of their median, and a spike is then a beat when it comes one or two of
/// those intervals after the last beat (within `tolerance`) with a peak SNR between half and
/// twice the beats' median. Decided from the past only: nothing is held.
struct HeartbeatGate {
    typealias Candidate = EventClassifier.Candidate
    let sampleRate: Double
    /// Beats whose intervals must agree before a rhythm counts.
    let history = 8
    /// Relative spread of the intervals, and of a spike's distance from the predicted beat. 0.12:
    /// beat-to-beat variability at rest is a few per cent; the tibialis recording's beats strayed
    /// up to 12 % from the median interval.
    let tolerance = 0.12
    /// Of those intervals, how many must lie within `tolerance` of their median: a missed beat
    /// (a double interval) or a contraction between beats leaves the rhythm standing.
    let agreeing = 5
    private var beats: [(peak: Int, snr: Double)] = []

    init(sampleRate: Double) {
        self.sampleRate = sampleRate
    }

    mutating func take(_ c: Candidate) -> Candidate {
        let isBeatLike = (c.kind == .artifact && c.reason == "low-frequency-power") || c.kind == .twitch
        guard isBeatLike else { return c }
        var result = c
        if c.kind == .twitch, let rhythm, let last = beats.last {
            let elapsed = Double(c.peakIndex - last.peak)
            let onBeat = [1.0, 2.0].contains { abs(elapsed - $0 * rhythm.interval) <= tolerance * rhythm.interval }
            if onBeat && c.snr >= 0.5 * rhythm.snr && c.snr <= 2 * rhythm.snr {
                result.kind = .artifact
                result.reason = "heartbeat"
            }
        }
        if c.kind == .artifact || result.kind == .artifact {
            beats.append((c.peakIndex, c.snr))
            if beats.count > history + 1 { beats.removeFirst(beats.count - history - 1) }
        }
        return result
    }

    /// The heart rhythm of the last beats (interval in samples, median SNR), if they agree.
    private var rhythm: (interval: Double, snr: Double)? {
        guard beats.count == history + 1 else { return nil }
        let intervals = zip(beats, beats.dropFirst()).map { Double($1.peak - $0.peak) }.sorted()
        let median = intervals[intervals.count / 2]
        guard median >= 0.33 * sampleRate, median <= 1.5 * sampleRate,
              intervals.filter({ abs($0 - median) <= tolerance * median }).count >= agreeing else { return nil }
        let snrs = beats.map(\.snr).sorted()
        return (median, snrs[snrs.count / 2])
    }
}
