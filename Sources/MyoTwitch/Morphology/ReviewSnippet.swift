/// A twitch's conditioned signal for the HTML review view: ±`MorphologyCollector.snippetSeconds`
/// around the peak, in the channel's reported unit, with the noise band it was judged against.
public struct ReviewSnippet: Sendable, Equatable {
    public var channel: String
    /// The event's peak time, seconds from the first sample (the snippet's centre).
    public var peakTime: Double
    /// Samples at `sampleRateHz`, the centre sample at the peak.
    public var samples: [Double]
    public var sampleRateHz: Double
    /// The noise band (± this value), 3 × the local noise RMS, same unit as `samples`.
    public var noiseBand: Double
    /// The putative unit (`MorphologySummary.Unit.id`), if any.
    public var unit: Int?

    public init(channel: String, peakTime: Double, samples: [Double], sampleRateHz: Double,
                noiseBand: Double, unit: Int?) {
        self.channel = channel
        self.peakTime = peakTime
        self.samples = samples
        self.sampleRateHz = sampleRateHz
        self.noiseBand = noiseBand
        self.unit = unit
    }
}
