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

    public static let all: Self = [.isolatedTwitches, .doublets, .twitchEpisodes, .cramps, .exercise,
                                   .voluntary, .movement, .motionArtifacts, .electrodePops, .spikes,
                                   .clipping, .baselineWander, .crosstalk]
}
