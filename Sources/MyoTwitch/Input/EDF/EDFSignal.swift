/// One signal's fields from an EDF/BDF header (labels trimmed, numbers parsed).
struct EDFSignal: Equatable {
    /// 1-based position in the header, as people count signals in messages.
    var number: Int
    var label: String
    var transducer: String
    /// The physical dimension (unit) as written, e.g. `"uV"`.
    var dimension: String
    var physicalMinimum: Double
    var physicalMaximum: Double
    /// Digital range (whole numbers; Double so that the scaling needs no conversions).
    var digitalMinimum: Double
    var digitalMaximum: Double
    var prefiltering: String
    /// Samples per data record, 1…`EDFHeader.maxSamplesPerRecord`.
    var samplesPerRecord: Int
    /// The signal is an `"EDF Annotations"` / `"BDF Annotations"` channel (EDF+ text, no samples).
    var isAnnotation: Bool
}
