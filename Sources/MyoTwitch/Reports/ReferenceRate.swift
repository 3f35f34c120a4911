/// A published twitch (fasciculation) rate in healthy people, shown beside the measured rates so
/// that a number in a report comes with its context (values and sources from DOMAIN.md).
public struct ReferenceRate: Sendable, Equatable {
    /// Where the rate was measured, e.g. `"tibialis anterior (shin)"`.
    public var site: String
    /// The rate as published, e.g. `"never more than 3 per minute"`.
    public var rate: String
    /// The upper end of the published range, twitches per minute, when there is one.
    public var upperPerMinute: Double?
    /// The publication.
    public var source: String

    public init(site: String, rate: String, upperPerMinute: Double?, source: String) {
        self.site = site
        self.rate = rate
        self.upperPerMinute = upperPerMinute
        self.source = source
    }

    /// Healthy reference rates from surface recordings (EEG Clin Neurophysiol 1994;93:163), the
    /// study that also set the ≥ 50 µV counting threshold.
    public static let healthy: [ReferenceRate] = [
        ReferenceRate(site: "tibialis anterior (shin)", rate: "never more than 3 per minute",
                      upperPerMinute: 3, source: "EEG Clin Neurophysiol 1994;93:163"),
        ReferenceRate(site: "abductor hallucis (foot)", rate: "sometimes more than 100 per minute",
                      upperPerMinute: nil, source: "EEG Clin Neurophysiol 1994;93:163"),
    ]

    /// Shortest recording, in seconds, that gives a rate with some confidence: about 70–90 s are
    /// needed to see one twitch, 2 min for about five (JNER 2012;9:78).
    public static let minimumObservationSeconds = 120.0
}
