/// Rejects ECG beats that pass for twitches: a spike that comes on an established heart rhythm,
/// at the size of the channel's beats, is an `artifact` (`heartbeat`); so is one peaking where
/// `HeartbeatCanceller` subtracted a beat's QRS complex (the residual of the subtraction), unless
/// the residual there is far larger than on the beats before (a potential on the beat).
///
/// ECG reaches leg and trunk electrodes as a regular train of one shape (40–180 beats/min).
/// Most beats carry their power below 20 Hz and are already artifacts (`low-frequency-power`);
/// the rest would be twitches. A fasciculation fires irregularly. So a rhythm is established
/// when, of the intervals between the last `history + 1` beats (low-frequency artifacts and
/// twitches alike), at least `agreeing` lie within `tolerance` of their median, and a spike is then a beat when it comes one or two of
/// those intervals after the last beat (within `tolerance`) with a peak SNR between half and
/// twice the beats' median — unless the canceller subtracted a beat there (then the beat is gone
/// and the spike is beside it). Decided from the past only: nothing is held.
struct HeartbeatGate {
    typealias Candidate = EventClassifier.Candidate
    let sampleRate: Double
    /// The profile's `heartbeat` thresholds (documented there).
    let thresholds: DetectorProfile.HeartbeatThresholds
    var history: Int { thresholds.history }
    var tolerance: Double { thresholds.tolerance }
    var agreeing: Int { thresholds.agreeing }
    /// The last beats: peak index, and peak SNR when the beat was seen whole (not subtracted).
    private var beats: [(peak: Int, snr: Double?)] = []
    /// Beats `HeartbeatCanceller` subtracted, oldest first.
    private var removed: [HeartbeatCanceller.RemovedBeat] = []
    /// The twitch candidates of the last few beats' time (peak index, SNR), among which a heart
    /// rhythm is looked for when no beat has set one (`endsSpikeRhythm`).
    private var spikes: [(peak: Int, snr: Double)] = []
    /// Residue energies of the last subtracted beats (at most `residueMemory`), for their median.
    private var residues: [Double] = []

    init(sampleRate: Double, thresholds: DetectorProfile.HeartbeatThresholds = .init()) {
        self.sampleRate = sampleRate
        self.thresholds = thresholds
    }

    /// Takes the QRS spans of beats the canceller subtracted (sample indices, in order).
    /// Subtracted beats keep the rhythm going, so that one the canceller let through (the first
    /// ones, one a twitch disturbed) is still known for a beat.
    mutating func noteRemoved(_ beats: [HeartbeatCanceller.RemovedBeat]) {
        removed += beats
        for beat in beats { addBeat(beat.peak, snr: nil) }
    }

    /// Whether the residual of `beat` is no more than the subtraction leaves on any beat (the
    /// median of the beats before it, once four are known).
    private func isResidue(_ beat: HeartbeatCanceller.RemovedBeat) -> Bool {
        guard residues.count >= 4 else { return true }
        let sorted = residues.sorted()
        return beat.residue <= thresholds.residueFactor * sorted[sorted.count / 2]
    }

    mutating func take(_ c: Candidate) -> Candidate {
        // Spans ending well before this candidate can meet no later one (candidates come in
        // order of onset, give or take a group's length).
        let horizon = c.onset - Int(2 * sampleRate)
        if let k = removed.firstIndex(where: { $0.span.upperBound >= horizon }), k > 0 { forget(k) }
        if c.kind == .twitch, let beat = removed.first(where: { $0.span.contains(c.peakIndex) }),
           isResidue(beat) {
            // What is left where a beat was subtracted is the subtraction's residual.
            var result = c
            result.note(.heartbeat)
            return result
        }
        let isBeatLike = (c.kind == .artifact && c.reason == "low-frequency-power") || c.kind == .twitch
        guard isBeatLike else { return c }
        var result = c
        if c.kind == .twitch, let rhythm = rhythm(before: c.peakIndex), let last = beats.last(where: { $0.peak < c.peakIndex }) {
            let elapsed = Double(c.peakIndex - last.peak)
            let reach = tolerance * rhythm.interval
            // The beats the rhythm predicts one and two intervals after the last, that this spike
            // is close enough to be.
            let predicted = [1.0, 2.0].filter { abs(elapsed - $0 * rhythm.interval) <= reach }
                .map { Double(last.peak) + $0 * rhythm.interval }
            let beatSized = rhythm.snr.map { c.snr >= 0.5 * $0 && c.snr <= 2 * $0 } ?? true
            // Where the canceller subtracted the beat the rhythm predicts, this spike is not that
            // beat (what the subtraction left is judged above): a potential beside a beat. On the
            // real-world simulation this rule took 41 twitches of SNR 5-27 for beats. The
            // subtracted beat is looked for around the predicted time, not around the spike: a
            // potential 90 ms before a beat is on the rhythm's tolerance, its beat 90 ms further.
            let subtractedThere = predicted.contains { time in
                beats.contains { $0.snr == nil && abs(Double($0.peak) - time) <= reach }
            }
            if !predicted.isEmpty && beatSized && !subtractedThere {
                result.note(.heartbeat)
            }
        }
        if c.kind == .twitch {
            if result.kind == .twitch && endsSpikeRhythm(c) { result.note(.heartbeat) }
            spikes.append((c.peakIndex, c.snr))
            // A chain reaches back at most two of the longest intervals per step.
            let horizon = c.peakIndex - Int(Self.chainReachSeconds(beats: thresholds.spikeRhythmBeats) * sampleRate)
            if let k = spikes.firstIndex(where: { $0.peak >= horizon }), k > 0 { spikes.removeFirst(k) }
        }
        if c.kind == .artifact || result.kind == .artifact { addBeat(c.peakIndex, snr: c.snr) }
        return result
    }

    /// Whether `c` ends a heart rhythm among the twitch candidates themselves: with the
    /// candidates before it, `spikeRhythmBeats` spikes in a chain, each one heart interval (or
    /// two: a beat the detector missed) after the one before, within `tolerance` of it, the
    /// interval that of a heart (0.33–1.5 s), and each spike's SNR within a factor 2 of `c`'s.
    /// This finds ECG beats that neither the canceller (their QRS complexes too sharp, or too
    /// faint, on its 8–30 Hz band) nor the classifier (no low-frequency power) took for beats,
    /// and so no rhythm began. Fasciculations fire irregularly: for twitches at 20 per minute a
    /// spike lies in one step's window (±12 % of a 0.8 s interval, or of twice it) with a
    /// probability of about 0.1, so the four steps after a pair come by chance about once in
    /// 10⁴ pairs, once in ~25,000 twitches (in the held-out set's denser episodes, 1 of 2,094).
    private func endsSpikeRhythm(_ c: Candidate) -> Bool {
        Self.chainInterval(endingAt: c.peakIndex, snr: c.snr, after: spikes, beats: thresholds.spikeRhythmBeats,
                           tolerance: tolerance, sampleRate: sampleRate) != nil
    }

    /// The heart interval (samples) of a chain of `beats` spikes among `spikes` (peak order, all
    /// before `peak`) that a spike at `peak` (sample index) of size `snr` ends: each one
    /// interval (or two) after the one before, within `tolerance` of it, the interval
    /// 0.33–1.5 s, and each spike's SNR within a factor 2 of `snr` (see `endsSpikeRhythm`); nil
    /// when there is none.
    static func chainInterval(endingAt peak: Int, snr: Double, after spikes: [(peak: Int, snr: Double)], beats: Int,
                              tolerance: Double, sampleRate: Double) -> Int? {
        let minimum = Int(minimumIntervalSeconds * sampleRate), maximum = Int(maximumIntervalSeconds * sampleRate)
        let sized = { (other: Double) in other >= 0.5 * snr && other <= 2 * snr }
        for first in spikes.reversed() {
            let interval = peak - first.peak
            if interval < minimum { continue }
            if interval > maximum { break }
            guard sized(first.snr) else { continue }
            var (count, last) = (2, first.peak)
            while count < beats {
                let reach = tolerance * Double(interval)
                let next = [1.0, 2.0].lazy.compactMap { steps in
                    spikes.last { s in
                        s.peak < last && abs(Double(last - s.peak) - steps * Double(interval)) <= steps * reach && sized(s.snr)
                    }
                }.first
                guard let next else { break }
                (count, last) = (count + 1, next.peak)
            }
            if count >= beats { return interval }
        }
        return nil
    }

    /// How far back, s, a chain of `beats` spikes can reach: two of the longest intervals a
    /// step.
    static func chainReachSeconds(beats: Int) -> Double { Double(2 * beats) * maximumIntervalSeconds }

    /// The shortest and longest heart intervals, s: 180 and 40 beats a minute.
    static let minimumIntervalSeconds = 0.33, maximumIntervalSeconds = 1.5

    /// Drops the first `count` subtracted beats (past any candidate still to come), their
    /// residues joining the median's memory: the median is that of beats before the candidates.
    private mutating func forget(_ count: Int) {
        residues += removed.prefix(count).map(\.residue)
        if residues.count > thresholds.residueMemory { residues.removeFirst(residues.count - thresholds.residueMemory) }
        removed.removeFirst(count)
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
        guard median >= Self.minimumIntervalSeconds * sampleRate, median <= Self.maximumIntervalSeconds * sampleRate,
              intervals.filter({ abs($0 - median) <= tolerance * median }).count >= agreeing else { return nil }
        let snrs = beats.compactMap(\.snr).sorted()
        return (median, snrs.isEmpty ? nil : snrs[snrs.count / 2])
    }
}
