/// Averages power spectra of consecutive Hann-windowed frames (Welch's method) through FFTW.
///
/// Feed any number of samples; every `frameLength` samples (frames do not overlap, which is enough
/// for averaging and halves the work) one spectrum is added.
public final class SpectrumAccumulator {
    public let frameLength: Int
    public let sampleRate: Double
    private let fft: RealFFT
    private let window: [Double]
    // Exempt from run-time exclusivity checks: `add(_:)` runs per sample inside every burst,
    // and a runtime call per access there cost 4 % of an 8-channel analysis. One thread at a
    // time drives an accumulator.
    @exclusivity(unchecked) private var frame: [Double]
    @exclusivity(unchecked) private var filled = 0
    @exclusivity(unchecked) private var scratch: [Double]
    /// Sum of the frame spectra so far.
    @exclusivity(unchecked) public private(set) var powerSum: [Double]
    /// Frames averaged so far.
    @exclusivity(unchecked) public private(set) var frameCount = 0

    /// - Parameters:
    ///   - frameLength: samples per frame; resolution is `sampleRate / frameLength` Hz.
    public init(frameLength: Int, sampleRate: Double) {
        self.frameLength = frameLength
        self.sampleRate = sampleRate
        fft = RealFFT(length: frameLength)
        window = WindowFunction.hann(frameLength)
        frame = [Double](repeating: 0, count: frameLength)
        scratch = [Double](repeating: 0, count: frameLength / 2 + 1)
        powerSum = [Double](repeating: 0, count: frameLength / 2 + 1)
    }

    /// A frame length giving about `resolution` Hz bins: the next power of two at or above
    /// `sampleRate / resolution`, at least 16.
    public static func frameLength(sampleRate: Double, resolution: Double) -> Int {
        var n = 16
        while Double(n) < sampleRate / resolution { n *= 2 }
        return n
    }

    /// Bin width, Hz.
    public var binWidth: Double { sampleRate / Double(frameLength) }

    public func add(_ samples: UnsafeBufferPointer<Double>) {
        for x in samples {
            frame[filled] = x
            filled += 1
            if filled == frameLength { flushFrame() }
        }
    }

    /// Adds one sample.
    @inline(__always)
    public func add(_ sample: Double) {
        frame[filled] = sample
        filled += 1
        if filled == frameLength { flushFrame() }
    }

    /// Forgets everything added (a new stretch of signal begins).
    public func reset() {
        filled = 0
        frameCount = 0
        for k in powerSum.indices { powerSum[k] = 0 }
    }

    /// The averaged spectrum's shape with the bins within ±`width` Hz of each of `lines` left out
    /// (mains lines would otherwise pull the median frequency to 50 or 60 Hz), or `nil` before
    /// the first full frame.
    public func features(excluding lines: [Double], width: Double = 2) -> SpectralFeatures? {
        guard frameCount > 0 else { return nil }
        var power = powerSum
        for line in lines {
            let lo = max(0, Int(((line - width) / binWidth).rounded(.down)))
            let hi = min(power.count - 1, Int(((line + width) / binWidth).rounded(.up)))
            if lo <= hi { for k in lo...hi { power[k] = 0 } }
        }
        return power.withUnsafeBufferPointer { SpectralFeatures(power: $0, binWidth: binWidth) }
    }

    private func flushFrame() {
        filled = 0
        // Remove the frame mean so a DC offset (ADC counts) does not leak through the window.
        let mean = frame.reduce(0, +) / Double(frameLength)
        for i in 0..<frameLength { frame[i] -= mean }
        frame.withUnsafeBufferPointer { samples in
            window.withUnsafeBufferPointer { w in
                scratch.withUnsafeMutableBufferPointer { p in
                    fft.powerSpectrum(of: samples, window: w, into: p)
                }
            }
        }
        for k in powerSum.indices { powerSum[k] += scratch[k] }
        frameCount += 1
    }

    /// The averaged spectrum's shape, or `nil` before the first full frame.
    public var features: SpectralFeatures? {
        guard frameCount > 0 else { return nil }
        return powerSum.withUnsafeBufferPointer { SpectralFeatures(power: $0, binWidth: binWidth) }
    }
}
