/// The time scales and thresholds of the detectors for one kind of sensor.
///
/// EMG sees electrical spikes (a motor-unit potential lasts 5–25 ms); an accelerometer sees their
/// mechanical result (a damped local displacement of 0.2–1 s). The structure of the detector is the
/// same, only these numbers differ.
public struct DetectorProfile: Sendable, Equatable {
    /// Length of the moving-RMS envelope, s. EMG 10 ms: about one motor-unit potential, so a
    /// twitch's energy is gathered without smearing its onset by more than 5 ms.
    public var envelopeSeconds: Double
    /// Threshold above the median envelope that starts a segment, in robust SDs (1.4826 × MAD) of
    /// the quiet envelope.
    public var highThreshold: Double
    /// Threshold that ends a segment (hysteresis), in robust SDs.
    public var lowThreshold: Double
    /// Segments closer than this merge, s. EMG 120 ms: a doublet (a unit firing twice 10–110 ms
    /// apart) is one twitch.
    public var mergeGapSeconds: Double
    /// Segments closer than this form one group (a burst candidate), s.
    public var groupGapSeconds: Double
    /// Once a group lasts ≥ `sustainedSeconds`, it absorbs segments up to this far apart, s, so that
    /// a cramp whose recruitment dips for a moment stays one event.
    public var sustainedGapSeconds: Double
    /// A group at least this long, s, is treated as sustained activity.
    public var sustainedSeconds: Double
    /// The longest twitch, s (EMG: a doublet of 110 ms plus a 25 ms potential and the envelope).
    public var maxTwitchSeconds: Double
    /// Pass band of the conditioning filter, Hz (upper edge capped at 0.45 × sample rate).
    public var band: FrequencyBand
    /// Band of the low-frequency (motion) check, Hz.
    public var motionBand: FrequencyBand
    /// Events whose motion-band energy exceeds this multiple of their pass-band energy are motion.
    public var motionRatio: Double
    /// Detection is suppressed this long after the start and after a gap, s, while filters settle.
    public var settleSeconds: Double
    /// How long after the start, s, the warm-up's envelope may seed the quiet level
    /// (`ChannelDetector.seedLevel`; never later than `settleSeconds`, never before the mains
    /// notches have settled). The filters start primed on the first row, so the pass band has
    /// settled about one period of its lower edge in, while `settleSeconds` also waits for the
    /// motion band. Accelerometers 0.2 s (one period of 5 Hz), not their 1 s: a recording whose
    /// shaking began 0.8 s in (biosignalsnotebooks tri-axial sample) had no quiet block left in
    /// its warm-up, seeded its level from the shaking and reported none of its 25 s. EMG 0.25 s
    /// (its `settleSeconds`).
    public var seedSettleSeconds: Double = 0.25
    /// Probability per independent envelope window that Gaussian noise alone crosses the high
    /// threshold. 1e-7: at 10 ms windows that is about one false crossing in 30 hours before the
    /// shape checks.
    public var falseAlarmProbability: Double = 1e-7
    /// The false-alarm probability once two short spikes (outside bursts) have come within
    /// `episodeWindowSeconds`, for that long after the second: fasciculations cluster in episodes,
    /// so a faint potential amid others is far likelier a twitch than the same envelope in a quiet
    /// hour, and a lone twitch does not arm it. Measured on development recordings: twitch F1
    /// 0.942 → 0.945 with false twitches on rest recordings unchanged. The relaxed level is the
    /// channel's own measured noise tail at this probability (`NoiseTail.episodeLevel`), nothing
    /// else: a floor of 0.9 × the strict level, once added for low rates, bound on most channels
    /// and set the level instead of the noise model (removing it, 2026-12-07: held-out twitch TP
    /// +6, real-world +7 (FP +3), semi-synthetic TP +2 and FP −4, real EMG rest 2.08 → 2.01 per
    /// minute; any floor up to 0.8 never bound on any set).
    public var episodeFalseAlarmProbability: Double = 1e-5
    /// The high threshold in robust SDs in that window.
    public var episodeHighThreshold: Double = 5
    /// The episode window, s.
    public var episodeWindowSeconds: Double = 10
    /// How much signal around a short segment, s, on each side, its contrast is measured
    /// against (`ChannelDetector.measureContrast`). 0.5 s: several firings of a voluntary unit
    /// (6–35 Hz) fall in it, and at most one or two other twitches of a dense episode (2/s).
    /// 0 turns the check off (accelerometers: a mechanical twitch rings for up to a second).
    public var contextSeconds: Double = 0.5
    /// How close to a sustained event on the same channel, s, a spike is a voluntary unit
    /// recruited or derecruited at the contraction's edge rather than a twitch
    /// (`RecruitmentGate`). EMG 1 s (six discharges of a unit at 6 Hz); accelerometers 0 (off:
    /// a mechanical twitch's ring and a movement are told apart by their spectra).
    public var recruitmentWindowSeconds: Double = 1
    /// The median frequency, Hz, from which a sustained EMG contraction's spectrum is shifted as
    /// a cramp's is (`EventClassifier.hasCrampSpectrum`): above the 60–120 Hz of voluntary
    /// surface EMG with a margin (real voluntary contractions in the public recordings reached
    /// 141 Hz).
    public var crampMedianFrequencyHz: Double = 150
    /// The lowest upper edge of the pass band, Hz, at which that shift can show: below it
    /// (sample rates under ~445 Hz) no sustained EMG contraction is called a cramp.
    public var crampBandEdgeHz: Double = 200
    /// Scale of every high threshold (`AnalysisSettings.thresholdFactor`, `--threshold`): 1 is
    /// the noise model's false-alarm level; above 1 fewer and stronger detections.
    public var thresholdScale: Double = 1
    /// Length of the slow envelope of the burst detector, s: long enough that its quiet level is
    /// steady (a weak voluntary contraction raising the RMS by a third stands out), short enough
    /// to place a burst's edges within a fraction of a second.
    public var burstEnvelopeSeconds: Double = 0.25
    /// The shortest burst the slow detector reports, s. Longer than a twitch seen through the slow
    /// envelope (twitch + envelope length), so that single twitches never make a burst.
    public var minBurstSeconds: Double = 0.6
    /// How far apart, s, a new slow activation may start and still join a group that already
    /// holds one (a long cramp whose slow envelope dips for a moment and restarts); spikes still
    /// join only within `sustainedGapSeconds`. 0: no more than that. Accelerometers 1.2 s: on
    /// development recordings cramps split at dips of 0.7–1.0 s, and separate cramps lay ≥ 7 s
    /// apart in the slow envelope.
    public var slowRestartGapSeconds: Double = 0
    /// How much shorter than `AnalysisSettings.minCrampSeconds` a sustained group's detected span
    /// may be and still be judged as a cramp, s. A cramp's vibration ramps up and down, and the
    /// ramps' first and last parts lie below the noise, so the span found is shorter than the
    /// cramp. Accelerometers 0.5 s (the slow envelope's window): on development recordings
    /// (seeds 9300–9329) cramps of 3.0–3.5 s were found as 2.7–2.9 s, and nothing that was not a
    /// cramp lasted 2.5–3 s with a cramp's other marks. EMG 0: its cramps stand far above the
    /// noise from early in the ramp.
    public var crampSpanAllowanceSeconds: Double = 0
    /// Bursts (sustained or short) closer than this on one channel form a rhythm: exercise, not
    /// cramps, s. Cramps recur over minutes to an hour, exercise every few seconds.
    public var rhythmGapSeconds: Double = 10
    /// The lowest sample rate at which a lone one-sample outlier in the raw signal is told from a
    /// twitch, Hz. EMG 800 Hz: the shortest potentials (5 ms) span four samples there, while
    /// below it a potential may fill one sample itself. Accelerometers 0 (always): a mechanical
    /// twitch rings for 50 ms or more, several samples even at 50 Hz, so a one-sample spike (a
    /// knock on the sensor's bus) is never one.
    public var singleSampleMinimumRate: Double = 800
    /// The burst profile (for the rhythm and hold checks) from the energy of each quarter-envelope
    /// bin rather than from the slow envelope itself. Accelerometers: walking's heel strikes come
    /// 0.5–0.6 s apart, which their 0.5 s slow envelope smooths flat; 125 ms bins keep the rhythm.
    /// EMG keeps the smoothed profile (its 0.25 s envelope already resolves exercise rhythms).
    public var binnedBurstProfile = false
    /// The longest period a burst's rhythm may have to count as exercise, s. EMG 10 s (slow
    /// contraction–relaxation cycles); accelerometers 1.5 s (steps 0.3–0.6 s, pedalling up to
    /// ~1 s): the finer binned profile also shows the slow waxing and waning of a cramp's
    /// vibration (beats of its motor units' frequencies), which is not a rhythm.
    public var maxRhythmPeriodSeconds = 10.0
    /// The autocorrelation of the burst profile, one period on, that makes a rhythm. EMG 0.4;
    /// accelerometers 0.6: steps repeat closely (0.7–0.8 here), while a cramp's vibration waxes
    /// and wanes with some regularity (up to ~0.45).
    public var rhythmCorrelation = 0.4

    /// The slow (burst-length) envelope, in multiples of the quiet level, up to which an
    /// envelope value may teach the noise tail (`NoiseTail`). 2: on white noise the slow
    /// envelope sits at 1.04 × the quiet median, on spiky real backgrounds within 1.5 ×; a
    /// contraction, a movement or an ECG beat lifts it past 2 ×.
    public var tailSlowGate = 2.0
    /// Length of the blocks the warm-up is judged in, s (`ChannelDetector.seedLevel`): long
    /// enough for a block's mean energy to vary little on noise (≥ 40 degrees of freedom at
    /// 200 Hz), short enough that the quiet gaps between voluntary bursts hold whole blocks.
    public var seedBlockSeconds = 0.25
    /// A warm-up block is quiet when its mean energy is within this factor (6 dB in amplitude) of
    /// the quietest block's. On noise every block is (0.25 s blocks of white noise in the EMG
    /// band vary by ±15–25 % in energy at 200 Hz, ±5 % at 2 kHz), so nothing is left out.
    public var seedQuietEnergyFactor = 4.0
    /// The weakest peak, in multiples of the noise level, that an EMG cramp reaches
    /// (`EventClassifier`, rule 6 of sustained groups): a cramp recruits many units firing fast,
    /// far above a weak postural hold.
    public var minimumCrampSNR = 12.0
    /// On an accelerometer, the `Segment.profileSmoothness` from which a slow activation's waxing
    /// and waning is a narrow-band vibration beating (a cramp), not impacts (steps). 0.3: on
    /// development recordings (--acc-dev and --dev) 19 walks measured −0.16…0.07 and 101 cramps
    /// 0.45…0.94; twitch trains (0.35…0.71) are smooth too and are told apart by the terms that
    /// go with it (they rest ≥ 50 % of the time, and no spike segment of theirs holds).
    /// Gross movements range widely (−0.58…0.70) but are `movement` before these rules.
    public var beatingSmoothness = 0.3
    /// Shortest dip below the low line that separates two contractions, s
    /// (`EventClassifier.contractions`; the pause the rhythmic-burst rule counts: shorter dips
    /// are a contraction's own modulation).
    public var contractionPauseSeconds = 0.2
    /// Bursts of similar length (within a factor of two) a cramp candidate needs in its chain to
    /// be one of repeated contractions (`RhythmGate`): with it, three holds alike.
    public var similarBursts = 2
    /// Phases in a short spike's ±25 ms core (`PotentialMeasure`) from which it is the
    /// interference pattern of several units, not one unit's potential (`KindDecision`, rule 3).
    /// 10: a single potential has 2–5 (needle fasciculation potentials 3.3 ± 1.1, DOMAIN.md), a
    /// doublet in the window up to 8 (the most among the held-out set's true twitches); the brief
    /// thumb contractions of the public adductor pollicis recording read as twitches had 10–13.
    public var multiUnitPhases = 10
    /// Firings before a spike (`ChannelDetector.firings`: potentials of at least
    /// half its envelope amplitude, in a chain with gaps ≤ `trainGapSeconds`) that make it one
    /// discharge of a voluntary unit's train rather than a twitch; 0: off. 3: four discharges at
    /// a voluntary unit's rate (DOMAIN.md: 6–35 Hz) — in incomplete relaxation a low-threshold
    /// unit keeps firing near the detection level, and only its larger discharges cross it (the
    /// public Myo rest stretches). A dense fasciculation episode (2 a second, at random) puts
    /// three potentials at ≤ 0.2 s gaps before a twitch at most ~4 % of the time ((1 − e^−0.4)³,
    /// before the size condition).
    /// Accelerometers 0: a mechanical twitch rings, its own ringing would count.
    public var trainFirings = 3
    /// The longest gap, s, between firings of a train: 0.2 s, a unit at 5 Hz, just below the
    /// slowest voluntary rate (6 Hz) to allow for its jitter.
    public var trainGapSeconds = 0.2
    /// When a spike is an ECG beat (`HeartbeatGate`).
    public var heartbeat = HeartbeatThresholds()
    /// When an event is crosstalk or a cramp a co-contraction (`CrosstalkFilter`).
    public var crosstalk = CrosstalkThresholds()
    /// A second, shorter envelope window, s, that can also start a segment; 0: off. A surface
    /// potential of median frequency 150–250 Hz lasts 3–5 ms, and over the 10 ms envelope its
    /// energy is averaged with twice as much noise (injected into real BioSPPy rest at 7× the
    /// local RMS: 13 of 22 found at 160 Hz, 0 of 22 at 220 Hz; 21 of 22 at 70 Hz). A single
    /// shorter window costs the sustained measures (6 ms lost a held-out cramp as
    /// co-contraction), so the short one only triggers: it has its own measured noise tail
    /// (`NoiseTail`), at the false-alarm probability per second of the long window
    /// (`falseAlarmProbability` × its length over the long one's), and the segment it starts is
    /// shaped, merged and measured on the 10 ms envelope as any other. 4 ms: one sharp
    /// potential. Used only where it is at most half the long window (for EMG from 350 Hz; at
    /// 200–300 Hz both windows are 2–3 samples). Accelerometers 0: a mechanical twitch lasts
    /// 0.2–1 s.
    public var triggerSeconds = 0.004
    /// The longest multiplet, s: one unit firing three times, two intervals of ≤ 110 ms
    /// (DOMAIN.md: a unit may fire again 10–110 ms later) and a 25 ms potential, 0.245 s. A
    /// segment longer than a twitch (`maxTwitchSeconds`, one interval) but no longer than this,
    /// made of two to four potentials with the signal back at the noise between them, is one
    /// twitch (`ChannelDetector.isMultiplet`); the interference pattern of a brief contraction
    /// (0.3–1.5 s) is never silent for half its span. Accelerometers 0: a mechanical twitch
    /// rings longer than any multiplet.
    public var maxMultipletSeconds = 0.245

    /// Surface EMG. Band 20–450 Hz (SENIAM/ISEK usage; twitches keep their energy, unlike the
    /// 100 Hz high-pass of general toolkits).
    public static let emg = DetectorProfile(
        envelopeSeconds: 0.010, highThreshold: 6, lowThreshold: 3,
        mergeGapSeconds: 0.12, groupGapSeconds: 0.3, sustainedGapSeconds: 0.5,
        sustainedSeconds: 1.0, maxTwitchSeconds: 0.16,
        band: FrequencyBand(low: 20, high: 450), motionBand: FrequencyBand(low: 1, high: 15), motionRatio: 1.0, settleSeconds: 0.25)

    /// Accelerometer on the skin (mechanomyography band 5–100 Hz).
    public static let accelerometer = DetectorProfile(
        envelopeSeconds: 0.05, highThreshold: 9, lowThreshold: 3,
        mergeGapSeconds: 0.15, groupGapSeconds: 0.6, sustainedGapSeconds: 0.6,
        sustainedSeconds: 1.5, maxTwitchSeconds: 1.0,
        band: FrequencyBand(low: 5, high: 100), motionBand: FrequencyBand(low: 0.3, high: 4), motionRatio: 1.0, settleSeconds: 1.0, seedSettleSeconds: 0.2,
        contextSeconds: 0, recruitmentWindowSeconds: 0, burstEnvelopeSeconds: 0.5, minBurstSeconds: 2.0, slowRestartGapSeconds: 1.2,
        crampSpanAllowanceSeconds: 0.5, rhythmGapSeconds: 10,
        singleSampleMinimumRate: 0, binnedBurstProfile: true, maxRhythmPeriodSeconds: 1.5, rhythmCorrelation: 0.6,
        trainFirings: 0, triggerSeconds: 0, maxMultipletSeconds: 0)

    public static func `for`(_ sensor: SensorKind) -> DetectorProfile {
        sensor == .emg ? .emg : .accelerometer
    }
}
