/// What was read: the recording's identity, layout and time axis.
public struct SourceInfo: Sendable, Equatable, Codable {
    /// The path as given by the user (or `"-"` for standard input).
    public var path: String
    public var sensor: SensorKind
    /// Sample rate in Hz, given with `--rate` or estimated from the median time interval.
    public var sampleRateHz: Double
    /// The analysed channels (for accelerometers: one entry, the sensor).
    public var channels: [String]
    /// Seconds from the first to the last sample, gaps included.
    public var durationSeconds: Double
    /// Samples read per channel.
    public var sampleCount: Int
    /// The input columns behind the channels (for accelerometers: the axes), in file order.
    public var columns: [String]
    /// Units of the input columns as recognised from the header (`"mV"`, `"uV"`, `"V"`, `"adc"`,
    /// `"g"`, `"m/s^2"`), or `nil` where unknown. Detection does not depend on them.
    public var units: [String?]
    /// The dialect recognised (`"plain"`, `"phyphox"`, `"openbci"`, …).
    public var dialect: String
    /// Where the time axis came from: `"column:NAME (UNIT)"` or `"--rate"`.
    public var timeAxis: String
    /// Intervals where the time axis jumps far beyond the median interval; no samples are invented.
    public var gaps: [Gap]
    /// Wall-clock time of the first sample, ISO 8601 UTC (e.g. `"2024-03-01T08:15:00Z"`), or
    /// `nil` when the input does not state it.
    public var startTime: String?
    /// Annotations stored with the recording (EDF+ TAL), in input order; nil when there are none.
    public var annotations: [RecordingAnnotation]?

    public init(path: String, sensor: SensorKind, sampleRateHz: Double, channels: [String],
                durationSeconds: Double, sampleCount: Int, columns: [String], units: [String?],
                dialect: String, timeAxis: String, gaps: [Gap]) {
        self.path = path
        self.sensor = sensor
        self.sampleRateHz = sampleRateHz
        self.channels = channels
        self.durationSeconds = durationSeconds
        self.sampleCount = sampleCount
        self.columns = columns
        self.units = units
        self.dialect = dialect
        self.timeAxis = timeAxis
        self.gaps = gaps
    }
}

/// A stretch of the time axis with no samples (a sensor drop-out or pause).
public struct Gap: Sendable, Equatable, Codable {
    /// Time of the last sample before the gap, seconds from the first sample.
    public var start: Double
    /// Time of the first sample after the gap, seconds from the first sample.
    public var end: Double
    /// 1-based line of the input where the gap was seen (the first row after it).
    public var line: Int

    public init(start: Double, end: Double, line: Int) {
        self.start = start
        self.end = end
        self.line = line
    }
}
