/// How to read a recording; every field is optional and overrides what is sniffed from the input.
public struct DecoderOptions: Sendable, Equatable {
    /// The sample rate in Hz, for input without a time column (or to override the estimate).
    public var sampleRateHz: Double?
    /// The sensor kind, overriding detection from the column names.
    public var sensor: SensorKind?
    /// Column names for input without a header line.
    public var columns: [String]?
    /// `true` (batch): a malformed row is an error. `false` (streaming): it is skipped with a
    /// warning and counted.
    public var strict: Bool
    /// Signals to read from a multi-signal recording (EDF/BDF), by label, matched ignoring case and
    /// surrounding spaces; `nil` reads the signals that share the highest sample rate.
    public var channels: [String]?

    public init(sampleRateHz: Double? = nil, sensor: SensorKind? = nil, columns: [String]? = nil,
                strict: Bool = true, channels: [String]? = nil) {
        self.sampleRateHz = sampleRateHz
        self.sensor = sensor
        self.columns = columns
        self.strict = strict
        self.channels = channels
    }
}
