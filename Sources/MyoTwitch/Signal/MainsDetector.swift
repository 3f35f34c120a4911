/// Finds 50 or 60 Hz mains interference in an averaged power spectrum.
///
/// A line counts when the power in the bins at the candidate frequency stands at least
/// `minimumProminence` above the median power of the surrounding 20 Hz (excluding the line
/// itself). The stronger of the two candidates (by prominence) wins. 10 (10 dB) is far above the
/// bin-to-bin scatter of a Welch average of a few seconds (a few dB), and far below the usual mains
/// pick-up of unshielded leads (20–40 dB).
public struct MainsDetector: Sendable {
    public var minimumProminence: Double

    public init(minimumProminence: Double = 10) {
        self.minimumProminence = minimumProminence
    }

    /// The mains frequency (50 or 60) found in `power` (bin width `binWidth` Hz), or `nil`.
    public func detect(power: [Double], binWidth: Double) -> Double? {
        var best: (frequency: Double, prominence: Double)? = nil
        for candidate in [50.0, 60.0] {
            guard let prominence = prominence(of: candidate, in: power, binWidth: binWidth),
                  prominence >= minimumProminence else { continue }
            if best == nil || prominence > best!.prominence { best = (candidate, prominence) }
        }
        return best?.frequency
    }

    /// Line power over local background at `frequency`, or `nil` when the spectrum does not reach it.
    func prominence(of frequency: Double, in power: [Double], binWidth: Double) -> Double? {
        let center = Int((frequency / binWidth).rounded())
        let lineHalfWidth = max(1, Int((1.0 / binWidth).rounded()))
        let neighbourhood = max(lineHalfWidth + 2, Int((10.0 / binWidth).rounded()))
        guard center + neighbourhood < power.count, center - neighbourhood > 0 else { return nil }
        var line = 0.0
        for k in (center - lineHalfWidth)...(center + lineHalfWidth) { line = max(line, power[k]) }
        var background: [Double] = []
        for k in (center - neighbourhood)...(center + neighbourhood)
        where abs(k - center) > lineHalfWidth + 1 {
            background.append(power[k])
        }
        background.sort()
        let median = background[background.count / 2]
        guard median > 0 else { return line > 0 ? .infinity : nil }
        return line / median
    }
}
