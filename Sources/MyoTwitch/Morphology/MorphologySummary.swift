/// Putative motor units and discharge intervals of a recording (`"morphology"` in the JSON).
public struct MorphologySummary: Sendable, Equatable, Codable {
    /// One cluster of twitches of the same shape on one channel.
    public struct Unit: Sendable, Equatable, Codable {
        /// 1-based within the channel, in order of first discharge: `(channel, id)` names a unit.
        public var id: Int
        public var channel: String
        /// Twitches assigned to the unit.
        public var count: Int
        /// `count` per minute of recording; absent when the recording is shorter than
        /// `ReferenceRate.minimumObservationSeconds`.
        public var ratePerMinute: Double?
        /// Peak-to-peak amplitudes of the unit's potentials, in the channel's `peakUnit`.
        public var peakToPeak: Statistics
        /// The mean aligned potential, in the channel's `peakUnit`, sampled at `templateRateHz`,
        /// centred on the peak (±`MorphologySettings.halfWindowSeconds`).
        public var template: [Double]
        public var templateRateHz: Double

        public init(id: Int, channel: String, count: Int, ratePerMinute: Double?, peakToPeak: Statistics,
                    template: [Double], templateRateHz: Double) {
            self.id = id
            self.channel = channel
            self.count = count
            self.ratePerMinute = ratePerMinute
            self.peakToPeak = peakToPeak
            self.template = template
            self.templateRateHz = templateRateHz
        }
    }

    /// Intervals between consecutive twitches of one channel, seconds.
    public struct Intervals: Sendable, Equatable, Codable {
        public var channel: String
        public var seconds: Statistics

        public init(channel: String, seconds: Statistics) {
            self.channel = channel
            self.seconds = seconds
        }
    }

    /// The largest mean-square residual from a unit's template, in noise variances, for a
    /// potential to join the unit (`UnitClusterer.matchThreshold`).
    public var matchThreshold: Double
    public var units: [Unit]
    public var interDischargeInterval: [Intervals]

    public init(matchThreshold: Double, units: [Unit], interDischargeInterval: [Intervals]) {
        self.matchThreshold = matchThreshold
        self.units = units
        self.interDischargeInterval = interDischargeInterval
    }
}
