/// Spectral shape of one signal stretch: what tells motion from muscle, and cramps from voluntary
/// contraction.
public struct SpectralFeatures: Sendable, Equatable, Codable {
    /// Frequency below which half of the power lies, Hz.
    public var medianFrequency: Double
    /// Fraction of the power below 20 Hz (motion and electrode artifacts live there), 0…1.
    public var lowFrequencyFraction: Double
    /// Power per band, in the signal's units squared: below 20 Hz, 20–100 Hz, 100–250 Hz, above.
    public var bandPowers: [Double]

    public init(medianFrequency: Double, lowFrequencyFraction: Double, bandPowers: [Double]) {
        self.medianFrequency = medianFrequency
        self.lowFrequencyFraction = lowFrequencyFraction
        self.bandPowers = bandPowers
    }

    /// Band edges of `bandPowers`, Hz.
    public static let bandEdges: [Double] = [20, 100, 250]

    /// Features of a one-sided power spectrum whose bin `k` lies at `k * binWidth` Hz.
    public init(power: UnsafeBufferPointer<Double>, binWidth: Double) {
        var total = 0.0
        var bands = [Double](repeating: 0, count: Self.bandEdges.count + 1)
        // Bin 0 is DC: it says nothing about shape and would swamp the low band.
        for k in 1..<power.count {
            let f = Double(k) * binWidth
            total += power[k]
            var band = 0
            while band < Self.bandEdges.count && f >= Self.bandEdges[band] { band += 1 }
            bands[band] += power[k]
        }
        var median = 0.0
        if total > 0 {
            var cumulative = 0.0
            for k in 1..<power.count {
                cumulative += power[k]
                if cumulative >= total / 2 { median = Double(k) * binWidth; break }
            }
        }
        self.init(medianFrequency: median,
                  lowFrequencyFraction: total > 0 ? bands[0] / total : 0,
                  bandPowers: bands)
    }
}
