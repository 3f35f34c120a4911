/// Finds mains interference in the first seconds of a recording and the lines to notch.
enum MainsAnalysis {
    /// Spectral resolution for the search, Hz: fine enough to tell 50 from 60 Hz and to see a
    /// line stand out of the EMG spectrum beside it.
    static let resolution = 1.0

    /// The mains fundamental (50 or 60 Hz) found across `columns`, and the prominent lines
    /// (fundamental and harmonics below 0.475 × the sample rate) to notch.
    static func find(in columns: [[Double]], sampleRate: Double) -> (Double?, [Double]) {
        let frameLength = SpectrumAccumulator.frameLength(sampleRate: sampleRate,
                                                          resolution: resolution)
        guard let count = columns.first?.count, count >= frameLength else { return (nil, []) }
        let accumulator = SpectrumAccumulator(frameLength: frameLength, sampleRate: sampleRate)
        for column in columns {
            column.withUnsafeBufferPointer { accumulator.add($0) }
        }
        let power = accumulator.powerSum
        let detector = MainsDetector()
        guard let fundamental = detector.detect(power: power, binWidth: accumulator.binWidth) else {
            return (nil, [])
        }
        var lines: [Double] = []
        var harmonic = fundamental
        while harmonic < 0.475 * sampleRate {
            if let p = detector.prominence(of: harmonic, in: power, binWidth: accumulator.binWidth),
               p >= detector.minimumProminence {
                lines.append(harmonic)
            }
            harmonic += fundamental
        }
        if lines.isEmpty { lines = [fundamental] }
        return (fundamental, lines)
    }
}
