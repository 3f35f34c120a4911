/// Everything that determines a simulated recording. The same scenario (seed included) always
/// gives the same samples, CSV bytes and ground truth.
public struct SimulationScenario: Sendable, Equatable {
    public var sensor: SensorKind
    /// Samples per second: 200…10 000 Hz for EMG, 50…1000 Hz for accelerometers are the
    /// realistic ranges; any rate ≥ 20 Hz works.
    public var sampleRateHz: Double
    /// Recording length in seconds (> 0).
    public var durationSeconds: Double
    /// EMG channels (1…16); accelerometers always have three axes and one analysed channel.
    public var channelCount: Int
    public var unit: SimulatedUnit
    /// Mains frequency (50 or 60 Hz), or `nil` for none (battery-powered devices).
    public var mainsHz: Double?
    /// Amplitude of the mains fundamental in multiples of the background-noise RMS (0…10;
    /// "strong" mains is several times the noise). EMG only.
    public var mainsStrength: Double
    /// The mix and density of labelled phenomena.
    public var preset: SimulationPreset
    /// Phenomena to include; defaults to the preset's, may be narrowed; `realWorld: true` adds
    /// `SimulationPhenomena.realWorld`.
    public var phenomena: SimulationPhenomena
    /// Seed of the simulator's own generator.
    public var seed: UInt64
    /// Column names in the style of `acc_x_g` (true, default) or `ax_g` / `ax_ms2` (false);
    /// accelerometers only.
    public var accelerometerLongNames: Bool

    public init(sensor: SensorKind = .emg, sampleRateHz: Double = 1000, durationSeconds: Double = 60,
                channelCount: Int = 1, unit: SimulatedUnit? = nil, mainsHz: Double? = 50,
                mainsStrength: Double = 1, preset: SimulationPreset = .mixed,
                phenomena: SimulationPhenomena? = nil, seed: UInt64 = 1,
                accelerometerLongNames: Bool = true, realWorld: Bool = false) {
        self.sensor = sensor
        self.sampleRateHz = sampleRateHz
        self.durationSeconds = durationSeconds
        self.channelCount = sensor == .accelerometer ? 1 : channelCount
        self.unit = unit ?? (sensor == .emg ? .millivolts : .g)
        self.mainsHz = mainsHz
        self.mainsStrength = mainsStrength
        self.preset = preset
        // `realWorld` adds SimulationPhenomena.realWorld (EMG only; accelerometers ignore them).
        self.phenomena = (phenomena ?? preset.phenomena).union(realWorld ? .realWorld : [])
        self.seed = seed
        self.accelerometerLongNames = accelerometerLongNames
    }
}
