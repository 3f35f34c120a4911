/// A frequency band, Hz: `low` ≤ f ≤ `high` (the upper edge is capped at 0.45 × the sample
/// rate where it is used).
public struct FrequencyBand: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}
