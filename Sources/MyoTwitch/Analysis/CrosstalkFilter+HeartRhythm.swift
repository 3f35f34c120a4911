/// The heart rhythm across channels: one heart beats for every electrode.
///
/// A channel's own `HeartbeatGate` finds the rhythm among its own spikes, but where the ECG
/// reaches a channel faintly (near the detection level) or the crosstalk canceller takes part of
/// it out as a copy of a neighbour's, that channel detects only some of the beats: its chains
/// break, no rhythm forms, and every beat it does detect is a twitch. Together the channels
/// still see most beats (the independent simulation's three-channel ECG recording, 9–25 s: the
/// three channels' twitches fell on 14 of the 18 beats, one channel's on at most 9, and no
/// channel's rhythm formed).
/// So the spikes of all channels are pooled, and a twitch that ends a chain of
/// `heartbeat.spikeRhythmBeats` of them at one heart interval (`HeartbeatGate.chainInterval`, the
/// same test as on one channel) is a beat — while the recording shows a heart: a channel's own
/// gate recognised a beat within the chain's reach. Without that evidence a pooled chain is
/// left alone: several channels' fasciculations together are dense enough to chain by chance
/// (replayed on the simulated held-out set's reported events, a pooled chain alone would have
/// taken 19 true twitches for beats, 7 on the real-world set; with the evidence, none).
///
/// Where another channel shows a spike near the twitch but not at its instant (beyond the
/// coincidence window, within the rhythm's tolerance), the beat is that spike and the twitch a
/// potential beside it: the heart's field reaches every electrode at once. (On the independent
/// simulation's ECG recording, 3 of the 4 true twitches the pooled chain took for beats lay
/// 30–78 ms from the beat the other channels showed.)
///
/// Decided from the candidates that have reached the filter: a twitch is released only once the
/// horizon has passed its end by `besideReach` (the tolerance of the longest interval), so every
/// candidate peaking before it or within that reach after it is in, whatever the block sizes.
extension CrosstalkFilter {
    private var reach: Int {
        Int(HeartbeatGate.chainReachSeconds(beats: heartbeat.spikeRhythmBeats) * sampleRate)
    }

    /// Files a candidate that may be a beat (a twitch, or a heartbeat or low-frequency artifact)
    /// in peak order.
    mutating func noteBeatLike(_ c: EventClassifier.Candidate, channel: Int) {
        let recognised = c.kind == .artifact && c.reason == "heartbeat"
        guard c.kind == .twitch || recognised || (c.kind == .artifact && c.reason == "low-frequency-power") else { return }
        let at = beatLike.lastIndex(where: { $0.peak <= c.peakIndex }).map { $0 + 1 } ?? 0
        beatLike.insert((c.peakIndex, c.snr, channel), at: at)
        if recognised {
            let r = recognisedBeats.lastIndex(where: { $0 <= c.peakIndex }).map { $0 + 1 } ?? 0
            recognisedBeats.insert(c.peakIndex, at: r)
        }
    }

    /// Forgets the spikes no candidate peaking at `earliest` or later can chain to.
    mutating func forgetBeatLike(before earliest: Int) {
        let limit = earliest - reach
        if let k = beatLike.firstIndex(where: { $0.peak >= limit }), k > 0 { beatLike.removeFirst(k) }
        else if beatLike.last.map({ $0.peak < limit }) == true { beatLike.removeAll() }
        if let k = recognisedBeats.firstIndex(where: { $0 >= limit }), k > 0 { recognisedBeats.removeFirst(k) }
        else if recognisedBeats.last.map({ $0 < limit }) == true { recognisedBeats.removeAll() }
    }

    /// How long after a twitch, samples, another channel's spike may still show that the twitch
    /// is beside a beat: the rhythm's tolerance of the longest heart interval (1.5 s).
    var besideReach: Int { Int(heartbeat.tolerance * HeartbeatGate.maximumIntervalSeconds * sampleRate) }

    /// Whether twitch `c` on `channel` ends a heart rhythm among all channels' spikes before it,
    /// while a beat was recognised within the chain's reach, and no other channel shows the beat
    /// beside it.
    func endsPooledRhythm(_ c: EventClassifier.Candidate, channel: Int) -> Bool {
        let from = c.peakIndex - reach
        guard recognisedBeats.contains(where: { $0 >= from && $0 < c.peakIndex }) else { return false }
        // One beat seen by several electrodes is one beat of the chain.
        var spikes: [(peak: Int, snr: Double)] = []
        for s in beatLike where s.peak >= from && s.peak < c.peakIndex - coincidence {
            if let last = spikes.last, s.peak - last.peak <= coincidence { continue }
            spikes.append((s.peak, s.snr))
        }
        guard let interval = HeartbeatGate.chainInterval(endingAt: c.peakIndex, snr: c.snr, after: spikes,
                                                         beats: heartbeat.spikeRhythmBeats,
                                                         tolerance: heartbeat.tolerance, sampleRate: sampleRate)
        else { return false }
        let near = Int(heartbeat.tolerance * Double(interval))
        return !beatLike.contains { s in
            let apart = abs(s.peak - c.peakIndex)
            return s.channel != channel && apart > coincidence && apart <= near
        }
    }
}
