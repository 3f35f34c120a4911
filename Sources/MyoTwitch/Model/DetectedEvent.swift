/// One detected event on one channel.
///
/// Times are seconds from the first sample of the recording (not wall-clock). Amplitudes are of
/// the conditioned signal (band-passed EMG, gravity-free acceleration), in `peakUnit`.
public struct DetectedEvent: Sendable, Equatable, Codable {
    public var kind: EventKind
    /// The channel name; for accelerometers the sensor name, since axes are analysed together.
    public var channel: String
    /// Onset, in seconds from the first sample.
    public var start: Double
    /// Offset, in seconds from the first sample; `end >= start`.
    public var end: Double
    /// Largest absolute conditioned amplitude within the event, in `peakUnit`.
    public var peak: Double
    /// The unit of `peak`: `"mV"` for EMG and `"g"` for accelerometers whose input unit was
    /// recognised (V, mV, µV; g, m/s²; see `AmplitudeUnit`), `"adc"` for ADC counts, `nil` when
    /// the input unit is unknown (then `peak` is in the input's own units).
    public var peakUnit: String?
    /// Time of `peak`, in seconds from the first sample.
    public var peakTime: Double
    /// `peak` divided by the local noise level (robust RMS of quiet signal), dimensionless.
    public var snr: Double
    /// The classifier rule that decided the kind, e.g. `"short-spike"` or `"low-frequency-power"`.
    public var reason: String
    /// For sustained events of EMG: the median frequency of the raw signal over the event, Hz
    /// (FFTW Welch spectrum, mains lines left out). Cramps sit higher than voluntary contraction.
    public var medianFrequencyHz: Double?
    /// For sustained events of EMG: the fraction of power below 20 Hz (motion), 0…1.
    public var lowFrequencyFraction: Double?
    /// For EMG twitches: the potential's shape and putative motor unit (`Morphology/`).
    public var morphology: PotentialShape?

    public init(kind: EventKind, channel: String, start: Double, end: Double,
                peak: Double, peakTime: Double, snr: Double, reason: String,
                medianFrequencyHz: Double? = nil, lowFrequencyFraction: Double? = nil,
                peakUnit: String? = nil) {
        self.kind = kind
        self.channel = channel
        self.start = start
        self.end = end
        self.peak = peak
        self.peakUnit = peakUnit
        self.peakTime = peakTime
        self.snr = snr
        self.reason = reason
        self.medianFrequencyHz = medianFrequencyHz
        self.lowFrequencyFraction = lowFrequencyFraction
    }

    /// `end - start`, in seconds.
    public var duration: Double { end - start }
}
