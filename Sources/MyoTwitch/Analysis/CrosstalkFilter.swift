/// Holds classified candidates until no channel can still produce one that overlaps them, then
/// drops those that are crosstalk: the same activity seen weaker on a neighbouring channel.
///
/// A candidate is crosstalk when another channel has an overlapping candidate whose SNR is at
/// least `dominance` times its own: a twitch inside a neighbour's strong burst is one of that
/// burst's potentials; for longer events half of the weaker one must overlap. Two twitches whose
/// peaks lie within `coincidenceSeconds` are one discharge seen by two electrodes, whatever their
/// SNRs: only the stronger is kept (one twitch, counted once in the rates and the "several
/// areas" flag). Artifacts are never dropped this way.
/// An event is never crosstalk of a neighbour's cramp or burst, though, once the canceller knows
/// the gain of that neighbour's copy and the event is larger than the copy could be around its peak: the
/// neighbour's largest pass-band amplitude there (its tile and the two beside it) × 1.5 × the
/// gain — or, where the canceller took the copy out of the tile, × the gain of what it left (the
/// cleaned signal's slope on the neighbour). For twitches the gain may also be the slope of a
/// copy too weak to learn; a sustained event needs a learnt one and no copy-like correlation
/// over the overlap. A weaker cramp during a neighbour's strong one, and twitches inside it, are
/// then the channel's own.
/// A sustained event is also crosstalk, whatever the SNRs, when a stronger one overlaps half of it
/// on another channel and the two channels' pass-band signals correlate by at least
/// `copyCorrelation` over the overlap (`CrosstalkCorrelation`): a copy, not a second muscle. Crosstalk
/// of surface EMG is typically 5–20 % of the source amplitude, so 3× separates it from two muscles
/// really active together.
/// With several EMG channels the filter also follows the heart's rhythm across them
/// (`CrosstalkFilter+HeartRhythm.swift`): a twitch that continues a rhythm of all channels'
/// spikes together, in a recording where a beat was recognised, is a beat.
struct CrosstalkFilter {
    let peakTolerance: Int
    /// `thresholds.coincidenceSeconds` in samples (at least `peakTolerance`).
    let coincidence: Int
    /// The profile's `crosstalk` thresholds (documented there).
    let thresholds: DetectorProfile.CrosstalkThresholds
    var dominance: Double { thresholds.dominance }
    var copyCorrelation: Double { thresholds.copyCorrelation }
    var leftoverMargin: Double { thresholds.leftoverMargin }
    var copyMargin: Double { thresholds.copyMargin }
    var coContractionShare: Double { thresholds.coContractionShare }
    /// The profile's `heartbeat` thresholds, for the heart rhythm across channels.
    let heartbeat: DetectorProfile.HeartbeatThresholds
    /// Whether the heart rhythm is also looked for among all channels' spikes together
    /// (`endsPooledRhythm`): several EMG channels.
    let poolsHeartRhythm: Bool
    /// Of every channel, the spikes that may be ECG beats (twitches; heartbeat and
    /// low-frequency artifacts), peak order, as they came (`endsPooledRhythm`).
    var beatLike: [(peak: Int, snr: Double, channel: Int)] = []
    /// The peaks of the beats a channel's own `HeartbeatGate` recognised, in order.
    var recognisedBeats: [Int] = []
    let sampleRate: Double
    private var pending: [(channel: Int, candidate: EventClassifier.Candidate)] = []
    private var recent: [(channel: Int, candidate: EventClassifier.Candidate)] = []
    private(set) var rejected = 0

    init(sampleRate: Double, thresholds: DetectorProfile.CrosstalkThresholds = .init(),
         heartbeat: DetectorProfile.HeartbeatThresholds = .init(), poolsHeartRhythm: Bool = false) {
        peakTolerance = max(1, Int(0.005 * sampleRate))
        coincidence = max(peakTolerance, Int((thresholds.coincidenceSeconds * sampleRate).rounded()))
        self.thresholds = thresholds
        self.heartbeat = heartbeat
        self.poolsHeartRhythm = poolsHeartRhythm
        self.sampleRate = sampleRate
    }

    /// The earliest onset among candidates not yet released.
    var earliestPendingOnset: Int? { pending.map(\.candidate.onset).min() }

    mutating func add(_ candidate: EventClassifier.Candidate, channel: Int) {
        pending.append((channel, candidate))
        if poolsHeartRhythm { noteBeatLike(candidate, channel: channel) }
    }

    /// Releases the candidates ending before `horizon` (the earliest onset still possible on any
    /// channel), crosstalk removed, in order of onset then channel.
    mutating func release(before horizon: Int,
                          correlation: CrosstalkCorrelation? = nil,
                          canceller: CrosstalkCanceller? = nil) -> [(Int, EventClassifier.Candidate)] {
        // A twitch waits until every channel's spikes around it are in (`besideReach`), for the
        // heart rhythm across channels.
        let twitchWait = poolsHeartRhythm ? max(coincidence, besideReach) : coincidence
        let ready = pending.filter {
            $0.candidate.end + ($0.candidate.kind == .twitch ? twitchWait : coincidence) < horizon || horizon == Int.max
        }
        guard !ready.isEmpty else { return [] }
        let everyone = pending + recent
        var released: [(Int, EventClassifier.Candidate)] = []
        for item in ready where !isCrosstalk(item, among: everyone, correlation: correlation, canceller: canceller) {
            var item = item
            if isCoContraction(item, among: everyone, correlation: correlation, canceller: canceller) {
                item.candidate.note(.coContraction)
            }
            if isInSynergist(item, among: everyone) { item.candidate.note(.synergistActivity) }
            if isOnAnotherChannelsBeat(item, among: everyone) { item.candidate.note(.heartbeat) }
            if poolsHeartRhythm && item.candidate.kind == .twitch && endsPooledRhythm(item.candidate, channel: item.channel) {
                item.candidate.note(.heartbeat)
            }
            released.append(item)
        }
        let readySet = Set(ready.map { Key($0) })
        pending.removeAll { readySet.contains(Key($0)) }
        recent += ready
        rejected += ready.count - released.count
        // Keep only what a later candidate could still overlap.
        let oldestOpen = pending.map(\.candidate.onset).min() ?? horizon
        recent.removeAll { $0.candidate.end + coincidence < min(oldestOpen, horizon) - coincidence }
        if poolsHeartRhythm { forgetBeatLike(before: min(pending.map(\.candidate.peakIndex).min() ?? horizon, horizon)) }
        return released.sorted { ($0.1.onset, $0.0) < ($1.1.onset, $1.0) }
    }

    /// Whether a cramp candidate lies within a contraction of several muscles: other channels hold
    /// sustained activity of their own (not a copy of this one) over at least
    /// `coContractionShare` of its span. A cramp is involuntary and local — one muscle, often
    /// part of one — while a gesture, a grip or a held posture recruits synergists together:
    /// localisation is the positive evidence a cramp needs when several muscles are recorded.
    /// Exercise strokes on another channel (`rhythmic-bursts`) do not count: cramps strike amid
    /// exercise.
    private func isCoContraction(_ item: (channel: Int, candidate: EventClassifier.Candidate),
                                 among others: [(channel: Int, candidate: EventClassifier.Candidate)],
                                 correlation: CrosstalkCorrelation?, canceller: CrosstalkCanceller?) -> Bool {
        let c = item.candidate
        guard c.kind == .cramp, c.end > c.onset else { return false }
        var spans: [(Int, Int)] = []
        for other in others where other.channel != item.channel {
            let d = other.candidate
            // Exercise strokes elsewhere (a rhythm within one burst group) are no held gesture: a
            // cramp can strike amid them (exercise-associated cramps). Holds repeated on cue
            // (`repeated-contractions`) are.
            guard d.kind == .cramp || (d.kind == .activity && d.reason != "movement" && d.reason != "rhythmic-bursts"),
                  d.end > c.onset, d.onset < c.end,
                  !isCrosstalk(other, among: others, correlation: correlation, canceller: canceller) else { continue }
            spans.append((max(c.onset, d.onset), min(c.end, d.end)))
        }
        spans.sort { $0.0 < $1.0 }
        var covered = 0, reach = Int.min
        for (a, b) in spans {
            let start = max(a, reach)
            if b > start { covered += b - start }
            reach = max(reach, b)
        }
        return Double(covered) >= coContractionShare * Double(c.end - c.onset)
    }

    /// Whether a twitch lies in a muscle taking part in another channel's contraction: its own
    /// surroundings stand `synergistRise` above the quiet level and another channel's activity or
    /// cramp (its whole group, pauses included; not a spike relabelled) covers its peak. Such a
    /// neighbouring event is pending or recent here: it began before the twitch ended, so the
    /// twitch was held for it.
    /// A twitch larger than the neighbour's copy could be there (`exceedsCopy`) is not spared:
    /// a synergist's own units exceed any copy too (tried: it gave back 28 of the 40 semi-synthetic
    /// false twitches this rule removes).
    private func isInSynergist(_ item: (channel: Int, candidate: EventClassifier.Candidate),
                               among others: [(channel: Int, candidate: EventClassifier.Candidate)]) -> Bool {
        let c = item.candidate
        guard c.kind == .twitch, c.surroundRise >= thresholds.synergistRise else { return false }
        return others.contains { other in
            let d = other.candidate
            guard other.channel != item.channel, d.signalKind != .twitch,
                  d.kind == .activity || d.kind == .cramp else { return false }
            return peaks(c, within: d)
        }
    }

    /// Whether a twitch peaks within an ECG beat found on another channel (its QRS complex
    /// there, give or take `coincidence`): the heart's field reaches every electrode at once, so
    /// where one channel's beat was recognised (`HeartbeatGate`) the spike the others show in it
    /// is the same beat, however seldom they show it (too seldom for a rhythm of their own). The
    /// span, not the peak: a complex peaks at different phases on different leads (on the
    /// independent simulation's ECG recording 6–17 ms apart, beyond the 5 ms that tells one
    /// discharge on two electrodes).
    private func isOnAnotherChannelsBeat(_ item: (channel: Int, candidate: EventClassifier.Candidate),
                                         among others: [(channel: Int, candidate: EventClassifier.Candidate)]) -> Bool {
        let c = item.candidate
        guard c.kind == .twitch else { return false }
        return others.contains { other in
            let d = other.candidate
            return other.channel != item.channel && d.kind == .artifact && d.reason == "heartbeat"
                && c.peakIndex >= d.onset - coincidence && c.peakIndex <= d.end + coincidence
        }
    }

    /// Whether `c` peaks within `d`'s context span (its whole group, pauses included), give or
    /// take `peakTolerance`.
    private func peaks(_ c: EventClassifier.Candidate, within d: EventClassifier.Candidate) -> Bool {
        let span = d.contextSpan
        return c.peakIndex >= span.lowerBound - peakTolerance && c.peakIndex <= span.upperBound + peakTolerance
    }

    private func isCrosstalk(_ item: (channel: Int, candidate: EventClassifier.Candidate),
                             among others: [(channel: Int, candidate: EventClassifier.Candidate)],
                             correlation: CrosstalkCorrelation?, canceller: CrosstalkCanceller?) -> Bool {
        let c = item.candidate
        guard c.kind != .artifact else { return false }
        for other in others where other.channel != item.channel {
            let d = other.candidate
            guard d.kind != .artifact else { continue }
            // Against a neighbour's burst only: a single potential's copy is judged by its peak
            // time below, which is sharper than any bound over 0.1 s tiles.
            if d.kind != .twitch,
               exceedsCopy(c, on: item.channel, of: other, correlation: correlation, canceller: canceller) {
                continue
            }
            if c.kind != .twitch, d.kind != .twitch, d.snr > c.snr, let correlation {
                let from = max(c.onset, d.onset), to = min(c.end, d.end)
                if to > from && 2 * (to - from) >= c.end - c.onset,
                   let r = correlation.correlation(item.channel, other.channel, from: from, to: to),
                   r >= copyCorrelation {
                    return true
                }
            }
            if c.kind == .twitch && d.kind == .twitch {
                // One discharge on two electrodes: the stronger stays (ties: the lower channel).
                if abs(d.peakIndex - c.peakIndex) <= coincidence,
                   d.snr > c.snr || (d.snr == c.snr && other.channel < item.channel) { return true }
                continue
            }
            guard d.snr >= dominance * c.snr else { continue }
            if c.kind == .twitch {
                // A spike seen while a neighbour contracts strongly: one of its potentials. (Over
                // the whole of a split group: between its contractions the neighbour still holds.)
                if peaks(c, within: d) { return true }
            } else {
                let overlap = min(c.end, d.end) - max(c.onset, d.onset)
                if overlap > 0 && 2 * overlap >= c.end - c.onset { return true }
            }
        }
        return false
    }

    /// Whether `c` on channel `target` is larger than any copy of `other`'s channel can be there
    /// (see the type's comment); false while the canceller knows no gain for the pair, and for a
    /// sustained event whose tiles were not cleaned while the two channels correlate as copies
    /// do over the overlap (a copy the linear gain does not describe, such as a coarser
    /// digitisation of the same signal).
    private func exceedsCopy(_ c: EventClassifier.Candidate, on target: Int,
                             of other: (channel: Int, candidate: EventClassifier.Candidate),
                             correlation: CrosstalkCorrelation?, canceller: CrosstalkCanceller?) -> Bool {
        guard let canceller, let correlation else { return false }
        let (source, tileLength) = (other.channel, correlation.tileLength)
        guard let sourcePeak = canceller.peak(of: source, around: c.peakIndex, tileLength: tileLength) else {
            return false
        }
        if let left = canceller.leftover(target: target, of: source, atSample: c.peakIndex, tileLength: tileLength) {
            return c.peakAmplitude > leftoverMargin * left * sourcePeak
        }
        // A sustained event needs a learnt gain; the slope of a copy too weak to learn bounds
        // only twitches (a weak slope says little about a second contraction's origin).
        // The gains known when the event ended (learnt over all of it): those learnt since
        // depend on when it is released, and so on block sizes.
        let tile = c.end / max(1, tileLength)
        let learnt = canceller.gain(source: source, target: target, atTile: tile)
        guard let gain = c.kind == .twitch ? canceller.copyGain(source: source, target: target, atTile: tile)
                                           : (learnt != 0 ? abs(learnt) : nil) else { return false }
        if c.kind != .twitch {
            let from = max(c.onset, other.candidate.onset), to = min(c.end, other.candidate.end)
            if to > from, let r = correlation.correlation(target, source, from: from, to: to), r >= copyCorrelation {
                return false
            }
        }
        return c.peakAmplitude > copyMargin * gain * sourcePeak
    }

    private struct Key: Hashable {
        var channel: Int, onset: Int, end: Int, peak: Int
        init(_ item: (channel: Int, candidate: EventClassifier.Candidate)) {
            channel = item.channel
            onset = item.candidate.onset
            end = item.candidate.end
            peak = item.candidate.peakIndex
        }
    }
}
