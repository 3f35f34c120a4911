/// Where one sample of a block lies on the recording's clock, as fitted to its time column.
///
/// The samples from `offset` on lie `interval` seconds apart from `time`, until the next anchor
/// or gap. Anchors keep event times on the time column over hours: a rate estimated from the
/// first second and then multiplied by the sample count drifts (rounded stamps leave 1024 Hz
/// reading as 1023.5 Hz, 0.45 ms late per second), while a fit to all stamps so far does not.
public struct ClockAnchor: Sendable, Equatable {
    /// Index of the sample within its block.
    public var offset: Int
    /// Its time, seconds from the first sample of the recording.
    public var time: Double
    /// Seconds between it and the next samples (1 / the fitted rate); nil: 1 / the layout's rate.
    public var interval: Double?

    public init(offset: Int, time: Double, interval: Double?) {
        self.offset = offset
        self.time = time
        self.interval = interval
    }
}
