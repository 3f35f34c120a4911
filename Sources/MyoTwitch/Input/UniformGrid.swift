/// Places the rows of an uneven time axis on a uniform grid by linear interpolation, so that the
/// filters and spectra, which assume evenly spaced samples, see the signal as it was and event
/// times do not drift away from the timestamps.
///
/// A run (the first row, or the first after a gap) anchors the grid: grid point k lies at
/// `anchor + k × interval`, computed from k, so rounding does not accumulate. A grid point takes
/// the value of the straight line between the rows that bracket it; interpolation never crosses a
/// gap, because a gap starts a new run. A row whose time is not after the previous one (a repeated
/// or backwards stamp) cannot be placed: its values replace the previous row's.
struct UniformGrid {
    /// Seconds between grid points (1 / sample rate).
    let interval: Double
    /// The values of the last row placed, per signal.
    private(set) var previous: [Double]
    private(set) var previousTime = 0.0
    private var anchor = 0.0
    /// Index of the next grid point after `previousTime`.
    private var index = 0

    init(interval: Double, signals: Int) {
        self.interval = interval
        previous = Array(repeating: 0, count: signals)
    }

    /// Starts a run at `time` with the row in `row`: that row is grid point 0, taken as it is.
    mutating func start(at time: Double, row: UnsafePointer<Double>) {
        anchor = time
        index = 1
        remember(time, row)
    }

    /// The next grid point at or before `time` (which must be after `previousTime`), as the
    /// fraction of the way from the previous row to the row at `time`; nil when none is left.
    mutating func nextFraction(upTo time: Double) -> Double? {
        let point = anchor + Double(index) * interval
        guard point <= time else { return nil }
        index += 1
        return (point - previousTime) / (time - previousTime)
    }

    /// The row at `time` becomes the previous row (after its grid points have been taken, or in
    /// place of the previous row when `time` is not after it).
    mutating func remember(_ time: Double, _ row: UnsafePointer<Double>) {
        for c in previous.indices { previous[c] = row[c] }
        previousTime = max(previousTime, time)
    }
}
