import Foundation
@testable import MyoTwitch

/// Small deterministic test signals (the full simulator lives in the library's Simulation stage).
struct SyntheticSignal {
    var rate: Double
    var samples: [Double]
    private var state: UInt64

    init(rate: Double, seconds: Double, noise: Double, seed: UInt64 = 1) {
        self.rate = rate
        state = seed &* 0x9E3779B97F4A7C15 | 1
        samples = []
        samples.reserveCapacity(Int(rate * seconds))
        for _ in 0..<Int(rate * seconds) { samples.append(noise * gaussian()) }
    }

    mutating func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }

    mutating func gaussian() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// Adds a biphasic motor-unit-like potential (first derivative of a Gaussian) of total
    /// duration `width` s and peak `amplitude`, starting at `time` s.
    mutating func addSpike(at time: Double, amplitude: Double, width: Double = 0.012) {
        let sigma = width / 6
        let center = time + width / 2
        let scale = amplitude / (exp(-0.5) / sigma)
        let first = Int((time * rate).rounded(.down)), last = Int(((time + width) * rate).rounded(.up))
        for i in max(0, first)...min(samples.count - 1, last) {
            let t = Double(i) / rate - center
            samples[i] += scale * (-t / (sigma * sigma)) * exp(-t * t / (2 * sigma * sigma))
        }
    }

    /// Adds sustained interference-pattern activity (a dense train of potentials with random
    /// timing) from `start` for `duration` s, with a 1 s ramp up and down. Potentials of 8–18 ms
    /// make a voluntary contraction's spectrum (median ~80 Hz).
    mutating func addBurst(start: Double, duration: Double, amplitude: Double, firingRate: Double = 300,
                           widths: ClosedRange<Double> = 0.008...0.018) {
        var t = start
        while t < start + duration {
            let ramp = min(1, (t - start) / 1.0, (start + duration - t) / 1.0)
            addSpike(at: t, amplitude: amplitude * (0.3 + 0.7 * max(0, ramp)) * (uniform() < 0.5 ? -1 : 1),
                     width: widths.lowerBound + (widths.upperBound - widths.lowerBound) * uniform())
            t += -log(max(uniform(), 1e-12)) / firingRate
        }
    }

    /// A cramp: the same interference pattern from the short potentials (4–6 ms) of a cramp,
    /// whose spectrum lies above voluntary activity's (median ~180 Hz).
    mutating func addCramp(start: Double, duration: Double, amplitude: Double, firingRate: Double = 300) {
        addBurst(start: start, duration: duration, amplitude: amplitude, firingRate: firingRate,
                 widths: 0.004...0.006)
    }

    /// Adds an ECG as it reaches trunk or leg electrodes: P, Q, R, S and T waves as Gaussians
    /// (R of `amplitude`, 10 ms), beats every 60/`bpm` s with 3 % variability from `start`.
    /// Returns the R-wave times, s.
    @discardableResult
    mutating func addHeartbeats(bpm: Double, amplitude: Double, start: Double = 0.5) -> [Double] {
        let waves: [(offset: Double, sigma: Double, gain: Double)] = [
            (-0.16, 0.025, 0.15), (-0.025, 0.008, -0.15), (0, 0.010, 1), (0.025, 0.010, -0.25), (0.25, 0.04, 0.3)]
        var beats: [Double] = [], r = start
        let duration = Double(samples.count) / rate
        while r < duration - 0.5 {
            beats.append(r)
            for w in waves {
                let centre = r + w.offset
                let first = max(0, Int(((centre - 4 * w.sigma) * rate).rounded(.down)))
                let last = min(samples.count - 1, Int(((centre + 4 * w.sigma) * rate).rounded(.up)))
                guard first <= last else { continue }
                for i in first...last {
                    let t = (Double(i) / rate - centre) / w.sigma
                    samples[i] += amplitude * w.gain * exp(-0.5 * t * t)
                }
            }
            r += 60 / bpm * (1 + 0.03 * gaussian())
        }
        return beats
    }

    /// Adds a sinusoid (mains) of `amplitude` at `frequency` Hz.
    mutating func addSine(frequency: Double, amplitude: Double) {
        for i in samples.indices { samples[i] += amplitude * sin(2 * .pi * frequency * Double(i) / rate) }
    }
}

extension Analyzer {
    /// Runs a whole single-column EMG signal through an analyzer in blocks of `blockSize`.
    static func run(_ signal: [Double], rate: Double, blockSize: Int = 4096,
                    sensor: SensorKind = .emg, columns: [String] = ["emg"],
                    settings: AnalysisSettings = AnalysisSettings(),
                    options: AnalyzerOptions = AnalyzerOptions(), profile: DetectorProfile? = nil) -> AnalysisResult {
        let layout = RecordingLayout(sensor: sensor, sampleRateHz: rate, columns: columns,
                                     units: columns.map { _ in nil }, dialect: "plain",
                                     timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test", settings: settings, options: options, profile: profile)
        var start = 0
        while start < signal.count {
            let end = min(signal.count, start + blockSize)
            _ = analyzer.process(SampleBlock(columns: [Array(signal[start..<end])]))
            start = end
        }
        return analyzer.finish().result
    }

    /// Runs whole EMG columns (`names[c]` holding `columns[c]`) through an analyzer in one block.
    static func run(columns: [[Double]], names: [String], rate: Double,
                    options: AnalyzerOptions = AnalyzerOptions()) -> AnalysisResult {
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: rate, columns: names,
                                     units: names.map { _ in nil }, dialect: "plain",
                                     timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test", options: options)
        _ = analyzer.process(SampleBlock(columns: columns))
        return analyzer.finish().result
    }
}

extension ChannelDetector {
    /// Feeds one whole EMG column to a new detector as the analyzer does after its warm-up: the
    /// noise level seeded from the first `seedSamples`, a restart at the first sample, then
    /// `prepare` (spans, switches), the column in one block, and a flush when `flushing`.
    static func run(_ signal: [Double], rate: Double, seedSamples: Int, profile: DetectorProfile = .for(.emg),
                    flushing: Bool = true,
                    prepare: (ChannelDetector) -> Void = { _ in }) -> (detector: ChannelDetector, groups: [SegmentGroup]) {
        let detector = ChannelDetector(profile: profile, sampleRate: rate, columnCount: 1,
                                       notchFrequencies: [], collectTrace: false, traceBinSeconds: 0.5)
        detector.seedLevel(columns: [Array(signal[0..<seedSamples])])
        detector.restart(first: [signal[0]])
        prepare(detector)
        var groups: [SegmentGroup] = []
        signal.withUnsafeBufferPointer { column in
            detector.process(columns: [column.baseAddress!], count: column.count, finished: &groups)
        }
        if flushing { detector.flush(finished: &groups) }
        return (detector, groups)
    }
}
