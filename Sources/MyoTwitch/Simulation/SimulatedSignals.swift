/// What a sensor simulation hands to `Simulator`: written columns and the labelled events, in
/// output units.
struct SimulatedSignals {
    /// Signal column names, in file order (the time column is added by the CSV writer).
    var columns: [String]
    /// Samples per column, output units.
    var samples: [[Double]]
    /// Decimal places per column, enough to resolve a hundredth of the noise.
    var decimals: [Int]
    /// The analysed channels (EMG: the columns; accelerometer: `"accelerometer"`).
    var channels: [String]
    var events: [DetectedEvent]
}
