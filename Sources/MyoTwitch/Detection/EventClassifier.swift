/// Names groups of segments: `twitch`, `cramp`, `activity` or `artifact`, by documented rules.
///
/// Short segments (≤ the profile's longest twitch) are judged one by one:
/// 1. a rail held for ≥ 2 ms inside it → `artifact` (`clipping`);
/// 2. a lone one-sample outlier in the raw signal → `artifact` (`single-sample-spike`);
/// 3. more motion-band than pass-band energy → for EMG `artifact` (`low-frequency-power`):
///    electrode motion and pops put their power below 20 Hz, a motor-unit potential does not;
///    for an accelerometer `activity` (`movement`): a step or a gesture, not a local twitch;
/// 4. otherwise → `twitch` (`short-spike`).
///
/// A group is sustained when one of its segments is longer than a twitch, when it holds ≥ 4
/// segments over ≥ the profile's sustained span, or when most of its energy lies between its
/// spikes within a short slow-envelope activation (a brief contraction whose peaks crossed the
/// spike threshold; on an accelerometer only when that activation outlasts a twitch's ring).
/// Sustained groups are judged as a whole:
/// 1. clipping over ≥ 2 % of it → `artifact` (`clipping`);
/// 2. motion energy dominating → `artifact` for EMG (`low-frequency-power`), `activity` for an
///    accelerometer (`movement`: gross movement and walking); on an accelerometer also when all
///    its motion-band energy outweighs the band energy it adds (`motionOutweighsVibration`): a
///    cramp is a vibration of a limb held still;
/// 3. shorter than `minCrampSeconds` (less the profile's `crampSpanAllowanceSeconds`: a cramp's
///    faint ramps go unseen) → `activity` (`short-burst`): voluntary and exercise bursts last
///    0.3–1.5 s, cramps seconds to minutes; but on an accelerometer a lone spike peaking in its
///    first 0.15 s is one twitch's long ring, judged as a short segment;
/// 4. broken by ≥ 3 pauses of ≥ 0.2 s that take ≥ 20 % of its span, or made of ≥ 2 separate
///    slow-envelope activations (EMG), with no slow-envelope burst holding through it (on an
///    accelerometer, activations that together cover ≥ 90 % of it hold it too: a long cramp's
///    slow envelope can dip for a moment) → `activity` (`rhythmic-bursts`): exercise comes in
///    bursts, a cramp holds;
/// 5. spending ≥ 40 % of its time below 30 % of its peak level → `activity`
///    (`modulated-contraction`): strong contractions over a low hold are voluntary; one event
///    per contraction (`contractions(_:of:in:)`);
/// 6. EMG peaking below `minimumCrampSNR` × the noise → `activity` (`low-level-contraction`): a
///    cramp recruits many units firing fast, far above a weak postural hold;
/// 7. EMG without a cramp's spectral shift (`hasCrampSpectrum`) → `activity`
///    (`sustained-contraction`): being long and not rhythmic is no evidence of a cramp;
/// 8. otherwise → `cramp` (`sustained`).
/// The context rules (heartbeat, recruitment, repeated contractions, co-contraction) follow in
/// `KindDecision`, the one place that turns this verdict and the context gates' findings into the
/// event's kind.
/// On an accelerometer, a group judged by 5 whose spikes are all short and come at irregular
/// intervals is a train of twitches whose rings merged in the slow envelope (no rhythm, no gross
/// movement): its spikes are judged one by one; at regular intervals it is steps
/// (`rhythmic-bursts`). Trains broken by pauses (rule 4) stay `activity`: steps without sway look alike.
/// On an accelerometer a smooth slow profile (`beatingSmoothness`) is a vibration beating, not
/// steps: a rhythm in it counts only when it also spends ≥ 40 % of its time low, and rule 5 passes
/// it when one spike segment held through ≥ 80 % of the group (a cramp's ramps and beats).
struct EventClassifier {
    let profile: DetectorProfile
    let sensor: SensorKind
    let sampleRate: Double
    let settings: AnalysisSettings
    let envelopeLength: Int
    /// Samples between two values of a slow burst's envelope profile.
    let profileSpacing: Int

    /// An event in sample indices, before times are assigned.
    struct Candidate: Sendable {
        /// The classifier's verdict on the event's own signal.
        let signalKind: EventKind
        let signalReason: String
        /// What the context gates found about it (`ContextFindings`).
        private(set) var findings: ContextFindings = []
        var onset: Int
        var end: Int
        var peakIndex: Int
        var peakAmplitude: Double
        var snr: Double
        /// Spectral shape over a sustained event, when measured.
        var spectrum: SpectralFeatures? = nil
        /// For one contraction of a split group (`contractions`), the whole group's span: the
        /// context gates judge spikes against the activity as a whole, pauses included.
        var groupSpan: ClosedRange<Int>? = nil
        /// The span context gates judge nearby spikes against.
        var contextSpan: ClosedRange<Int> { groupSpan ?? onset...max(onset, end) }
        /// Of a short event, its surroundings over the channel's quiet level (`Segment.surroundRise`;
        /// 0 when not measured).
        var surroundRise = 0.0

        init(kind: EventKind, reason: String, onset: Int, end: Int, peakIndex: Int,
             peakAmplitude: Double, snr: Double, spectrum: SpectralFeatures? = nil,
             groupSpan: ClosedRange<Int>? = nil, surroundRise: Double = 0) {
            signalKind = kind
            signalReason = reason
            self.onset = onset
            self.end = end
            self.peakIndex = peakIndex
            self.peakAmplitude = peakAmplitude
            self.snr = snr
            self.spectrum = spectrum
            self.groupSpan = groupSpan
            self.surroundRise = surroundRise
        }

        /// The event's kind and reason as `KindDecision` decides them from the verdict and the
        /// findings so far.
        var kind: EventKind { KindDecision.decide(kind: signalKind, reason: signalReason, findings: findings).kind }
        var reason: String { KindDecision.decide(kind: signalKind, reason: signalReason, findings: findings).reason }

        /// Records what a context gate found.
        mutating func note(_ finding: ContextFindings) {
            findings.insert(finding)
        }
    }


    /// Whether a sustained EMG contraction shows the positive evidence of a cramp the signal can
    /// give on one channel: a spectrum shifted above voluntary activity. Cramp potentials are
    /// shorter than those of voluntary contractions (Roeleveld 2000), so their median frequency
    /// lies higher; voluntary surface EMG has a median frequency of 60–120 Hz (the public
    /// recordings' voluntary contractions measured 55–141 Hz). A hold without that shift — or
    /// at a rate whose pass band ends below `crampBandEdgeHz`, where the shift cannot show — is
    /// a contraction the signal cannot tell from a voluntary hold: `activity`
    /// (`sustained-contraction`), never a cramp on length alone.
    func hasCrampSpectrum(_ segment: Segment) -> Bool {
        guard min(profile.band.high, 0.45 * sampleRate) >= profile.crampBandEdgeHz,
              let median = segment.spectrum?.medianFrequency else { return false }
        return median >= profile.crampMedianFrequencyHz
    }

    /// The longest short segment, samples: the profile's longest twitch seen through the envelope.
    private var maxTwitchLength: Int { Int(profile.maxTwitchSeconds * sampleRate) + envelopeLength }

    func classify(_ group: SegmentGroup) -> [Candidate] {
        let maxTwitch = maxTwitchLength
        let allShort = group.segments.allSatisfy { $0.length <= maxTwitch && !$0.sustained }
        let span = group.end - group.onset + 1
        let isTrain = group.segments.count >= 4 && Double(span) >= profile.sustainedSeconds * sampleRate
        // An accelerometer twitch rings for up to a second below the spike threshold: a short
        // slow activation no longer than that ring (seen through the slow envelope) is the
        // twitch's own, not a brief contraction.
        let ringing = sensor != .emg && group.shortBurst.map {
            Double($0.length) <= (profile.maxTwitchSeconds + profile.burstEnvelopeSeconds) * sampleRate
        } == true
        if allShort && !isTrain && (ringing || !group.isMostlyBetweenSpikes) {
            // A spike that does not stand out from the signal around it as far as the detector's
            // threshold stands above the quiet level is no isolated discharge: a potential of
            // ongoing weak activity, or noise on a background that rose. It is not an event.
            return group.segments.filter(\.standsOut).map(classifyShort)
        }
        return classifySustained(group)
    }

    /// Whether spikes come at irregular intervals, as fasciculations fire (coefficient of
    /// variation of the intervals between onsets ≥ 0.25), rather than in step with a gait or
    /// a cadence (steps vary by a few percent). Fewer than four spikes show no regularity.
    static func isIrregular(_ spikes: [Segment]) -> Bool {
        let onsets = spikes.map(\.onset).sorted()
        guard onsets.count >= 4 else { return true }
        let intervals = zip(onsets, onsets.dropFirst()).map { Double($1 - $0) }
        let mean = intervals.reduce(0, +) / Double(intervals.count)
        guard mean > 0 else { return true }
        let variance = intervals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(intervals.count)
        return variance.squareRoot() / mean >= 0.25
    }

    /// The longest slow activation speaks for a group: a short one at its start (a first step, a
    /// cramp's ramp) has too few profile values to show a rhythm.
    private func longestSlowActivation(_ segments: [Segment]) -> Segment? {
        segments.filter(\.sustained).max { $0.length < $1.length }
    }

    /// Whether a slow activation rises and falls with a rhythm (exercise).
    private func isRhythmic(_ slow: Segment) -> Bool {
        slow.isPeriodic(valuesPerSecond: sampleRate / Double(max(1, profileSpacing)),
                        maxPeriodSeconds: profile.maxRhythmPeriodSeconds,
                        minimumCorrelation: profile.rhythmCorrelation)
    }

    func candidate(_ kind: EventKind, _ reason: String, _ segment: Segment) -> Candidate {
        Candidate(kind: kind, reason: reason, onset: segment.onset, end: segment.end,
                  peakIndex: segment.peakIndex, peakAmplitude: segment.peakAmplitude,
                  snr: segment.noiseLevel > 0 ? segment.peakAmplitude / segment.noiseLevel : 0,
                  spectrum: segment.spectrum, surroundRise: segment.surroundRise)
    }

    private func classifyShort(_ s: Segment) -> Candidate {
        if s.clippedSamples > 0 { return candidate(.artifact, "clipping", s) }
        if s.singleSample { return candidate(.artifact, "single-sample-spike", s) }
        if s.isMotionDominated(ratio: profile.motionRatio) {
            return sensor == .emg ? candidate(.artifact, "low-frequency-power", s)
                                  : candidate(.activity, "movement", s)
        }
        return candidate(.twitch, "short-spike", s)
    }

    /// Judges a sustained group as a whole (rules 1–7), or, on an accelerometer, as the twitches
    /// the exceptions to rules 3 and 5 find in it.
    private func classifySustained(_ group: SegmentGroup) -> [Candidate] {
        var segments = group.segments.sorted { $0.onset < $1.onset }
        if let burst = group.shortBurst, group.isMostlyBetweenSpikes {
            // The brief contraction spans the slow activation, not just its spikes.
            var covering = burst
            covering.sustained = false
            segments.append(covering)
            segments.sort { $0.onset < $1.onset }
        }
        var merged = segments[0]
        merged.onset = group.onset
        merged.end = group.end
        for s in segments.dropFirst() {
            merged.bandEnergy += s.bandEnergy
            merged.motionEnergy += s.motionEnergy
            merged.energySamples += s.energySamples
            merged.clippedSamples += s.clippedSamples
            if merged.spectrum == nil { merged.spectrum = s.spectrum }
            if s.peakAmplitude > merged.peakAmplitude {
                merged.peakAmplitude = s.peakAmplitude
                merged.peakIndex = s.peakIndex
            }
        }
        let span = Double(merged.length)
        // The group's spikes, without its slow activations (nor the covering burst added above).
        let spikes = group.segments.filter { !$0.sustained }
        if merged.clippedSamples > 0 && Double(merged.clippedSamples) >= 0.02 * span {
            return [candidate(.artifact, "clipping", merged)]
        }
        if merged.isMotionDominated(ratio: profile.motionRatio) {
            return [sensor == .emg ? candidate(.artifact, "low-frequency-power", merged)
                                   : candidate(.activity, "movement", merged)]
        }
        if sensor != .emg && merged.motionOutweighsVibration(ratio: profile.motionRatio) {
            return [candidate(.activity, "movement", merged)]
        }
        if span / sampleRate < settings.minCrampSeconds - profile.crampSpanAllowanceSeconds {
            // On an accelerometer, one strong twitch rings above the spike threshold for longer
            // than a twitch may last: a lone spike that peaks within its first 0.15 s is the
            // impulse response of a twitch, not a contraction (which builds up).
            if sensor != .emg && spikes.count == 1,
               spikes[0].peakIndex - group.onset <= Int(0.15 * sampleRate) {
                return [classifyShort(spikes[0])]
            }
            return [candidate(.activity, "short-burst", merged)]
        }
        let minPause = Int(0.2 * sampleRate)
        var pauses = 0, paused = 0
        for (a, b) in zip(segments, segments.dropFirst()) where b.onset - a.end >= minPause {
            pauses += 1
            paused += b.onset - a.end
        }
        // Pauses count only when the slow detector did not hold through the whole group: a cramp's
        // sparse recruitment leaves gaps between spikes, not between bursts.
        // On an accelerometer the slow envelope of a long cramp can dip below its quiet line for
        // a moment and restart: activations that together cover nearly all of the group hold it
        // too. (Not for EMG, whose short exercise bursts each get an activation of their own.)
        let held = segments.contains { $0.sustained && Double($0.length) >= 0.7 * span }
            || (sensor != .emg && Double(segments.filter(\.sustained).reduce(0) { $0 + $1.length }) >= 0.9 * span)
        if !held && pauses >= 3 && Double(paused) >= 0.2 * span {
            return contractions("rhythmic-bursts", of: segments, in: merged)
        }
        // Two or more separate slow activations, none holding through: the slow envelope fell
        // back to the quiet level between them, which a cramp's held recruitment does not do.
        if sensor == .emg && !held && segments.filter(\.sustained).count >= 2 {
            return contractions("rhythmic-bursts", of: segments, in: merged)
        }
        let slow = longestSlowActivation(segments)
        // On an accelerometer a smooth profile is a vibration beating (a cramp's close frequencies
        // drift in and out of phase, quasi-periodically at times), not steps, whose impacts ring
        // within one profile bin.
        let beating = sensor != .emg && (slow?.profileSmoothness ?? -1) >= profile.beatingSmoothness
        let lowHold = slow?.lowHoldFraction
        if let slow, isRhythmic(slow), !(beating && (lowHold ?? 1) < 0.4) {
            return contractions("rhythmic-bursts", of: segments, in: merged)
        }
        if let profile = lowHold, profile >= 0.4 {
            // On an accelerometer, short spikes whose rings merged into a waxing and waning burst,
            // with no gross movement, are a train of twitches when they come irregularly, steps
            // when they come in step.
            let maxTwitch = maxTwitchLength
            if sensor != .emg && !spikes.isEmpty && spikes.allSatisfy({ $0.length <= maxTwitch }) {
                return Self.isIrregular(spikes) ? spikes.map(classifyShort)
                                                : [candidate(.activity, "rhythmic-bursts", merged)]
            }
            // A beating vibration whose spike segment held through ≥ 80 % of the group never fell
            // back to the noise: its time below 30 % of the peak is ramps and beats, not a low
            // hold between contractions (the development cramps read so, of 2.9–5.4 s: 0.42–0.44
            // of the time low, one spike over 91–96 % of the span; twitch trains' longest spike
            // ≤ 18 %, steps' ≤ 5 %).
            let longestSpike = spikes.map(\.length).max() ?? 0
            if !(beating && Double(longestSpike) >= 0.8 * span) {
                return contractions("modulated-contraction", of: segments, in: merged)
            }
        }
        let sustained = candidate(.cramp, "sustained", merged)
        if sensor == .emg && sustained.snr < profile.minimumCrampSNR {
            return [candidate(.activity, "low-level-contraction", merged)]
        }
        if sensor == .emg && !hasCrampSpectrum(merged) {
            return [candidate(.activity, "sustained-contraction", merged)]
        }
        return [sustained]
    }
}
