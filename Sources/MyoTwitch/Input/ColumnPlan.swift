/// What each field of a data row is, as worked out from the header, the units row and the first
/// data row: which field is time (and in what unit), which are signals, which are ignored.
struct ColumnPlan: Equatable {
    /// The field separator byte.
    var delimiter: UInt8
    /// Whether `,` is the decimal separator (phyphox and other European exports with `;` or tab).
    var decimalComma: Bool
    /// Fields per data row (a trailing empty field from a trailing delimiter included).
    var fieldCount: Int
    /// The time field, if any.
    var timeIndex: Int?
    /// Seconds per unit of the time field when its name says (`_ms` → 0.001); nil: from magnitude.
    var timeScale: Double?
    /// The time field holds ISO-8601 text rather than a number.
    var timeIsText: Bool
    /// The name of the time field, for `RecordingLayout.timeAxis`.
    var timeName: String?
    /// The signal fields, in file order, and their names and units.
    var signalIndices: [Int]
    var signalNames: [String]
    var units: [String?]
    /// The dialect recognised.
    var dialect: String
    /// A sample rate stated in the header (OpenBCI `%Sample Rate = 250 Hz`, OpenSignals JSON).
    var rateHint: Double?
    /// The sensor the signals are (given, or from the columns chosen).
    var sensor: SensorKind = .emg
    /// Columns left out or choices made, told to the user in one warning.
    var notes: [String] = []
    /// The first sample's wall-clock time, ISO 8601 UTC, when the first row states it.
    var startTime: String? = nil
}
