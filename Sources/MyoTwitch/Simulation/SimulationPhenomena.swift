/// Which phenomena a simulated recording contains. Labelled phenomena appear in the ground truth;
/// background noise is always present; mains is set separately (`SimulationScenario.mainsHz`).
public struct SimulationPhenomena: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Single fasciculations far from any bout (`twitch`).
    public static let isolatedTwitches = Self(rawValue: 1 << 0)
    /// Some twitches are doublets: a second discharge 10–110 ms after the first, one event.
    public static let doublets = Self(rawValue: 1 << 1)
    /// Bouts of twitches at 5–60 per minute lasting 20 s–5 min (`twitch` events).
    public static let twitchEpisodes = Self(rawValue: 1 << 2)
    /// Cramps of 3 s–2 min (`cramp`).
    public static let cramps = Self(rawValue: 1 << 3)
    /// Rhythmic exercise bursts, one `activity` event per burst (EMG).
    public static let exercise = Self(rawValue: 1 << 4)
    /// Sustained voluntary contractions (`activity`).
    public static let voluntary = Self(rawValue: 1 << 5)
    /// Gross movements and walking (`activity`, accelerometer).
    public static let movement = Self(rawValue: 1 << 6)
    /// Electrode motion: low-frequency bumps of 100–500 ms (`artifact`, EMG).
    public static let motionArtifacts = Self(rawValue: 1 << 7)
    /// Electrode pops: a step with exponential decay (`artifact`, EMG).
    public static let electrodePops = Self(rawValue: 1 << 8)
    /// Single-sample spikes (`artifact`).
    public static let spikes = Self(rawValue: 1 << 9)
    /// Excursions beyond the ADC or amplifier rails, clipped (`artifact`, EMG).
    public static let clipping = Self(rawValue: 1 << 10)
    /// Baseline wander below 1 Hz and a DC offset (EMG).
    public static let baselineWander = Self(rawValue: 1 << 11)
    /// Muscle activity of one channel appears, attenuated to 3–20 %, on its neighbours (EMG).
    public static let crosstalk = Self(rawValue: 1 << 12)

    /// Background noise coloured inside the EMG band (a resonance at 40–150 Hz from distant
    /// muscles and electrode impedance) with a larger 1/f share, as real noise floors are (EMG).
    public static let colouredNoise = Self(rawValue: 1 << 13)
    /// Heavy-tailed, non-stationary background: Student-t (ν = 5…12) innovations, a slowly
    /// varying level (±3–10 %) and sporadic unlabelled potentials of distant units at 1–2.5 × the
    /// noise RMS, as measured on real rest recordings (`NoiseGenerator.realWorld`) (EMG).
    public static let heavyTailedNoise = Self(rawValue: 1 << 14)
    /// ECG on the channels, as on leg and trunk muscles: P–QRS–T beats at 50–90/min with
    /// heart-rate variability, R peak 2–20 × the noise RMS; on 60 % of recordings. Background,
    /// not labelled: a detection on a beat is a false event (EMG).
    public static let ecg = Self(rawValue: 1 << 15)
    /// Voluntary holds of 3–60 s (`activity`): a regularly firing pool under a trapezoid drive
    /// with slow force fluctuation; nothing rhythmic tells them from a cramp but their units.
    /// 0.3 per minute, 0.15 in the rest and twitch-episodes presets (a resting limb still moves) (EMG).
    public static let voluntaryHolds = Self(rawValue: 1 << 16)
    /// Weak recruitment at hold onsets: for 0.3–2 s before the pool, 1–3 single units fire
    /// repetitively at 6–35 Hz, each potential 3–8 × the noise, labelled with the hold (EMG).
    public static let recruitmentOnsets = Self(rawValue: 1 << 17)
    /// Incomplete relaxation after half of the holds: 1–4 units keep firing at 6–12 Hz for
    /// 2–15 s at 1.5–3 × the noise RMS, labelled with the hold as `activity` (EMG).
    public static let tonicActivity = Self(rawValue: 1 << 18)
    /// 10 % of twitches are triplets: three discharges of one unit within 120 ms, one event.
    public static let triplets = Self(rawValue: 1 << 19)

    /// What real recordings have and the standard presets lack (`simulate --real-world`).
    /// Not part of `all`, so that every preset's output stays byte for byte as it was.
    public static let realWorld: Self = [.colouredNoise, .heavyTailedNoise, .ecg, .voluntaryHolds,
                                         .recruitmentOnsets, .tonicActivity, .triplets]

    public static let all: Self = [.isolatedTwitches, .doublets, .twitchEpisodes, .cramps, .exercise,
                                   .voluntary, .movement, .motionArtifacts, .electrodePops, .spikes,
                                   .clipping, .baselineWander, .crosstalk]
}
