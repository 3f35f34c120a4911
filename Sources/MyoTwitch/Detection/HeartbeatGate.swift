/// Rejects ECG beats that pass for twitches: a spike that comes on an established heart rhythm,
/// at the size of the channel's beats, is an `artifact` (`heartbeat`); so is one peaking where
/// `HeartbeatCanceller` subtracted a beat's QRS complex (the residual of the subtraction).
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
    /// The last beats: peak index, and peak SNR when the beat was seen whole (not subtracted).
    private var beats: [(peak: Int, snr: Double?)] = []
    /// QRS spans of beats `HeartbeatCanceller` subtracted, oldest first.
    private var removed: [ClosedRange<Int>] = []

    init(sampleRate: Double) {
        self.sampleRate = sampleRate
    }

    /// Takes the QRS spans of beats the canceller subtracted (sample indices, in order).
    /// Subtracted beats keep the rhythm going, so that one the canceller let through (the first
    /// ones, one a twitch disturbed) is still known for a beat.
    mutating func noteRemoved(_ spans: [ClosedRange<Int>]) {
        removed += spans
        for span in spans { addBeat((span.lowerBound + span.upperBound) / 2, snr: nil) }
    }

    mutating func take(_ c: Candidate) -> Candidate {
        // Spans ending well before this candidate can meet no later one (candidates come in
        // order of onset, give or take a group's length).
        let horizon = c.onset - Int(2 * sampleRate)
        if let k = removed.firstIndex(where: { $0.upperBound >= horizon }), k > 0 { removed.removeFirst(k) }
        if c.kind == .twitch && removed.contains(where: { $0.contains(c.peakIndex) }) {
            // What is left where a beat was subtracted is the subtraction's residual.
            var result = c
            result.kind = .artifact
            result.reason = "heartbeat"
            return result
        }
        let isBeatLike = (c.kind == .artifact && c.reason == "low-frequency-power") || c.kind == .twitch
        guard isBeatLike else { return c }
        var result = c
        if c.kind == .twitch, let rhythm = rhythm(before: c.peakIndex), let last = beats.last(where: { $0.peak < c.peakIndex }) {
            let elapsed = Double(c.peakIndex - last.peak)
            let onBeat = [1.0, 2.0].contains { abs(elapsed - $0 * rhythm.interval) <= tolerance * rhythm.interval }
            let beatSized = rhythm.snr.map { c.snr >= 0.5 * $0 && c.snr <= 2 * $0 } ?? true
            if onBeat && beatSized {
                result.kind = .artifact
                result.reason = "heartbeat"
            }
        }
        if c.kind == .artifact || result.kind == .artifact { addBeat(c.peakIndex, snr: c.snr) }
        return result
    }

    /// Keeps the last beats in order of their peaks: more than a rhythm needs, since the
    /// canceller's beats run a few seconds ahead of the candidates.
    private mutating func addBeat(_ peak: Int, snr: Double?) {
        let at = beats.lastIndex(where: { $0.peak <= peak }).map { $0 + 1 } ?? 0
        beats.insert((peak, snr), at: at)
        if beats.count > 4 * (history + 1) { beats.removeFirst(beats.count - 4 * (history + 1)) }
    }

    /// The heart rhythm of the last `history + 1` beats before `peak` (interval in samples,
    /// median SNR of those seen whole), if they agree.
    private func rhythm(before peak: Int) -> (interval: Double, snr: Double?)? {
        let beats = self.beats.filter { $0.peak < peak }.suffix(history + 1)
        guard beats.count == history + 1 else { return nil }
        let intervals = zip(beats, beats.dropFirst()).map { Double($1.peak - $0.peak) }.sorted()
        let median = intervals[intervals.count / 2]
        guard median >= 0.33 * sampleRate, median <= 1.5 * sampleRate,
              intervals.filter({ abs($0 - median) <= tolerance * median }).count >= agreeing else { return nil }
        let snrs = beats.compactMap(\.snr).sorted()
        return (median, snrs.isEmpty ? nil : snrs[snrs.count / 2])
    }
}
