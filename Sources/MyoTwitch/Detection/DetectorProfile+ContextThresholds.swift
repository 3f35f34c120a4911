extension DetectorProfile {
    /// The thresholds of `HeartbeatGate`: when a spike is an ECG beat rather than a twitch.
    public struct HeartbeatThresholds: Sendable, Equatable {
        /// Beats whose intervals must agree before a rhythm counts.
        public var history = 8
        /// Relative spread of the intervals, and of a spike's distance from the predicted beat.
        /// 0.12: beat-to-beat variability at rest is a few per cent; the tibialis recording's
        /// beats strayed up to 12 % from the median interval.
        public var tolerance = 0.12
        /// Of those intervals, how many must lie within `tolerance` of their median: a missed
        /// beat (a double interval) or a contraction between beats leaves the rhythm standing.
        public var agreeing = 5
        /// How many subtracted beats' residue energies the residue median is taken over.
        public var residueMemory = 16
        /// A spike in a subtracted beat's span is a potential of its own, not the residual, when
        /// the residual there holds more than this many times the median residual energy of the
        /// last beats: the null distribution's 99th percentile. On the emgGO tibialis recording
        /// (381 subtracted beats with 16 before them; nobody twitching) the largest 10 ms residual
        /// energy lay within 1.0 × the median of the beats before for half the beats, within 1.9 ×
        /// for 95 %, 3.4 × for 99 % (5 beats above 3 ×); on the real-world simulation's rest (802
        /// beats) 2.5 × for 99 %. A potential of 10× the noise RMS on a beat raised it 2.7–4 ×
        /// (`HeartbeatCancellerTests`).
        public var residueFactor = 3.0
        /// Spikes in a chain at one heart interval that make a rhythm among twitch candidates
        /// alone (`HeartbeatGate.endsSpikeRhythm`): six, so that five steps must each find a
        /// spike where a heart puts its next beat.
        public var spikeRhythmBeats = 6

        public init() {}
    }

    /// The thresholds of `CrosstalkFilter`: when an event is another channel's activity seen
    /// through the tissue, and when a cramp is held with other muscles.
    public struct CrosstalkThresholds: Sendable, Equatable {
        /// How many times a neighbour's overlapping event's SNR must exceed an event's for the
        /// event to be its crosstalk. Crosstalk of surface EMG is typically 5–20 % of the source
        /// amplitude, so 3× separates it from two muscles really active together.
        public var dominance = 3.0
        /// How close, s, the peaks of twitches on two channels must lie to be one discharge seen
        /// by both electrodes, whatever their SNRs: the weaker is then dropped. Volume conduction
        /// is instantaneous, so the copies peak together: on the public Myo recordings (200 Hz)
        /// 4 of the 7 such pairs peaked on the same sample (the others 15–20 ms apart, different
        /// phases of one potential). 5 ms, not a potential's length: the simulator's dense
        /// episodes put independent true twitches of two channels 8–25 ms apart (a 25 ms window
        /// lost 7 of the held-out set's 2,025 found twitches); at 5 ms, none.
        public var coincidenceSeconds = 0.005
        /// Correlation over the overlap above which a weaker sustained event is a copy of a
        /// stronger one. 0.5: a copy strong enough to be detected correlates at 0.9 and more;
        /// two muscles active on their own, near 0.
        public var copyCorrelation = 0.5
        /// How much larger than what is left of a cancelled copy an event must be to be its own.
        public var leftoverMargin = 1.0
        /// How much larger than a copy that was not cancelled (gain × the neighbour's local peak)
        /// an event must be: the copy plus the channel's own noise can overshoot the bound a little.
        public var copyMargin = 1.5
        /// Share of a cramp candidate's span that other muscles' own sustained activity must cover
        /// to make it a co-contraction. 0.5: a gesture's synergists hold with it for most of it; a
        /// neighbour's unrelated brief burst covers a small part.
        public var coContractionShare = 0.5
        /// How far above the quiet level a twitch's surroundings (`Segment.surroundRise`, an RMS
        /// ratio) must stand, while another channel's own contraction covers its peak, for the
        /// twitch's muscle to be taking part in it (`KindDecision` rule 4). √2: the background's
        /// power doubled, far beyond what the ±0.5 s estimate wanders on steady noise (held-out
        /// simulated true twitches: 90th percentile 1.21, 3 of 1,460 above 1.5).
        public var synergistRise = 2.0.squareRoot()

        public init() {}
    }
}
