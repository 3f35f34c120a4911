/// What the header and the first rows of a recording told: its signal columns and time axis.
public struct RecordingLayout: Sendable, Equatable {
    public var sensor: SensorKind
    /// Sample rate, Hz (given or estimated from the median interval of the first rows).
    public var sampleRateHz: Double
    /// Names of the signal columns, in file order (the time column excluded).
    public var columns: [String]
    /// Units recognised for each signal column, or `nil`.
    public var units: [String?]
    /// The dialect recognised, e.g. `"plain"`.
    public var dialect: String
    /// Where the time axis came from: `"column:NAME (UNIT)"` or `"--rate"`.
    public var timeAxis: String
    /// The first sample's wall-clock time, ISO 8601 UTC (`2024-05-01T10:22:03.125Z`), when the
    /// recording states one (EDF start date and time, epoch or zoned ISO stamps); else nil.
    public var startTime: String? = nil

    public init(sensor: SensorKind, sampleRateHz: Double, columns: [String], units: [String?],
                dialect: String, timeAxis: String) {
        self.sensor = sensor
        self.sampleRateHz = sampleRateHz
        self.columns = columns
        self.units = units
        self.dialect = dialect
        self.timeAxis = timeAxis
    }

    /// The channels the analysis reports: one per column for EMG, one (`"accelerometer"`) for an
    /// accelerometer whose axes are analysed together.
    public var analysedChannels: [String] {
        sensor == .emg ? columns : ["accelerometer"]
    }
}
