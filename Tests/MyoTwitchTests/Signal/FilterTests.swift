import Foundation
import Testing
@testable import MyoTwitch

@Suite struct FilterResponseTests {
    /// A 4th-order Butterworth edge is 3 dB down at its cut-off and falls 24 dB per octave.
    @Test(arguments: [(20.0, 2000.0), (5.0, 100.0), (450.0, 4000.0)])
    func butterworthHighPassEdges(cutoff: Double, rate: Double) {
        let hp = FilterCascade.butterworthHighPass(order: 4, cutoff: cutoff, sampleRate: rate)
        #expect(abs(20 * log10(hp.magnitude(at: cutoff, sampleRate: rate)) + 3.01) < 0.05)
        #expect(abs(hp.magnitude(at: min(10 * cutoff, 0.45 * rate), sampleRate: rate) - 1) < 0.01)
        // One octave below: -24 dB (bilinear warping makes it slightly steeper, never shallower).
        #expect(20 * log10(hp.magnitude(at: cutoff / 2, sampleRate: rate)) < -23.5)
    }

    @Test(arguments: [(450.0, 2000.0), (100.0, 1000.0)])
    func butterworthLowPassEdges(cutoff: Double, rate: Double) {
        let lp = FilterCascade.butterworthLowPass(order: 4, cutoff: cutoff, sampleRate: rate)
        #expect(abs(20 * log10(lp.magnitude(at: cutoff, sampleRate: rate)) + 3.01) < 0.05)
        #expect(abs(lp.magnitude(at: cutoff / 10, sampleRate: rate) - 1) < 0.001)
    }

    @Test(arguments: [50.0, 60.0])
    func notchRemovesItsLineOnly(frequency: Double) {
        let notch = FilterCascade.mainsNotches(fundamental: frequency, sampleRate: 2000)
        #expect(notch.magnitude(at: frequency, sampleRate: 2000) < 1e-6)
        #expect(notch.magnitude(at: 2 * frequency, sampleRate: 2000) < 1e-6)
        #expect(notch.magnitude(at: frequency * 1.5, sampleRate: 2000) > 0.95)
    }

    /// The measured response of the running filter matches the analytic one.
    @Test func runningFilterMatchesAnalyticResponse() {
        var hp = FilterCascade.butterworthHighPass(order: 4, cutoff: 20, sampleRate: 1000)
        let analytic = hp.magnitude(at: 15, sampleRate: 1000)
        var signal = (0..<20_000).map { sin(2 * Double.pi * 15 * Double($0) / 1000) }
        hp.process(&signal)
        let tail = signal.suffix(10_000)
        let rms = (tail.reduce(0) { $0 + $1 * $1 } / Double(tail.count)).squareRoot()
        #expect(abs(rms * 2.0.squareRoot() - analytic) < 0.01)
    }

    @Test func primingRemovesTheStartTransientOfAnOffset() {
        var hp = FilterCascade.butterworthHighPass(order: 4, cutoff: 20, sampleRate: 1000)
        hp.prime(steadyInput: 2048)
        var signal = [Double](repeating: 2048, count: 100)
        hp.process(&signal)
        #expect(signal.allSatisfy { abs($0) < 1e-6 })
    }
}

@Suite struct SpectralTests {
    @Test(arguments: [50.0, 60.0])
    func mainsIsFoundWhenPresent(frequency: Double) {
        var s = SyntheticSignal(rate: 1000, seconds: 4, noise: 1)
        s.addSine(frequency: frequency, amplitude: 3)
        let (mains, lines) = MainsAnalysis.find(in: [s.samples], sampleRate: 1000)
        #expect(mains == frequency)
        #expect(lines.first == frequency)
    }

    @Test func noMainsInPlainNoise() {
        let s = SyntheticSignal(rate: 1000, seconds: 4, noise: 1)
        #expect(MainsAnalysis.find(in: [s.samples], sampleRate: 1000).0 == nil)
    }

    @Test func medianFrequencyOfASine() {
        let accumulator = SpectrumAccumulator(frameLength: 1024, sampleRate: 1000)
        let sine = (0..<8192).map { sin(2 * Double.pi * 123 * Double($0) / 1000) }
        sine.withUnsafeBufferPointer { accumulator.add($0) }
        let features = accumulator.features!
        #expect(abs(features.medianFrequency - 123) < 2)
        #expect(features.lowFrequencyFraction < 0.01)
    }

    @Test func fftIsDeterministic() {
        let fft = RealFFT(length: 256)
        let x = (0..<256).map { sin(Double($0) * 0.3) + 0.1 * Double($0 % 7) }
        var a = [Double](repeating: 0, count: 129), b = a
        x.withUnsafeBufferPointer { xs in
            a.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: xs, into: $0) }
            b.withUnsafeMutableBufferPointer { RealFFT(length: 256).powerSpectrum(of: xs, into: $0) }
        }
        #expect(a == b)
        // Parseval: sum of |X|² over the full spectrum equals N × sum of x².
        let energy = x.reduce(0) { $0 + $1 * $1 }
        let spectral = a[0] + a[128] + 2 * a[1..<128].reduce(0, +)
        #expect(abs(spectral / 256 - energy) / energy < 1e-9)
    }
}

@Suite struct RobustLevelTests {
    @Test func medianAndSpreadOfGaussianNoise() {
        var s = SyntheticSignal(rate: 1, seconds: 1000, noise: 2)
        var level = RobustLevel(capacity: 1000, refreshInterval: 100)
        for x in s.samples { level.offer(x, quiet: true) }
        #expect(abs(level.median) < 0.2)
        #expect(abs(level.spread - 2) < 0.2)
        _ = s.uniform()
    }

    @Test func loudValuesOutsideQuietOnlyLeakIn() {
        var level = RobustLevel(capacity: 100, refreshInterval: 10, leakInterval: 20)
        for _ in 0..<100 { level.offer(1, quiet: true) }
        for _ in 0..<100 { level.offer(100, quiet: false) }
        #expect(level.median == 1)
    }

    /// The refresh looks for each percentile in a band around its last value first; whether it
    /// is found there or by the full selection, the estimates must be the exact order statistics
    /// of the history — through slow drift, a tenfold jump in level and a hundredfold drop.
    @Test(arguments: [(500, 10), (64, 1), (2000, 50)])
    func estimatesAreExactPercentilesOfTheHistory(capacity: Int, refreshInterval: Int) {
        var level = RobustLevel(capacity: capacity, refreshInterval: refreshInterval)
        var s = SyntheticSignal(rate: 1, seconds: 6000, noise: 1)
        var history: [Double] = []
        var checked = 0
        for (k, x) in s.samples.enumerated() {
            let gain = k < 2000 ? 1 + Double(k) / 4000 : (k < 4000 ? 15 : 0.15)
            let value = 20 * gain + gain * x
            level.offer(value, quiet: true)
            history.append(value)
            if history.count > capacity { history.removeFirst() }
            let count = k + 1
            guard count <= refreshInterval || count % refreshInterval == 0 else { continue }
            let sorted = history.sorted()
            let p30 = sorted[(sorted.count * 30) / 100], p5 = sorted[(sorted.count * 5) / 100]
            let spread = (p30 - p5) / 1.121
            #expect(level.spread == spread)
            #expect(level.median == p30 + 0.524 * spread)
            checked += 1
        }
        #expect(checked >= 6000 / refreshInterval)
        _ = s.uniform()
    }

    @Test(arguments: [1, 2, 5, 100, 101])
    func selectMatchesSorting(count: Int) {
        var s = SyntheticSignal(rate: 1, seconds: Double(count), noise: 1)
        let values = s.samples
        for rank in [0, count / 2, count - 1] {
            var copy = values
            #expect(RobustLevel.select(&copy, rank: rank) == values.sorted()[rank])
        }
        _ = s.uniform()
    }
}
