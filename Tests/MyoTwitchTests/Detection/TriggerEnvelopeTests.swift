import Foundation
import Testing
@testable import MyoTwitch

/// The trigger envelope (`DetectorProfile.triggerSeconds`, `ChannelDetector+Trigger`): on a
/// background whose power lies low in the band, as surface EMG's does (a resonance at 40 Hz
/// plus a little white noise, RMS ~1), the 10 ms envelope gathers much of that power and the
/// noise tail it sets sits above a sharp potential's averaged energy; the 4 ms window holds the
/// potential's energy with less of the background. Its own noise tail keeps the false alarms
/// where they were.
@Suite struct TriggerEnvelopeTests {
    /// Twenty potentials of `width` s and `amplitude` (× the background RMS) on 60 s of the
    /// coloured background at 2 kHz, through a detector with the trigger window `trigger`
    /// (0: off): how many are found (a short segment peaking on one that stands out), and how
    /// many short segments stand out elsewhere after the first 2 s (this detector, fed without
    /// the analyzer's warm-up, has one start-up segment at 0.98 s either way).
    static func detect(amplitude: Double, width: Double, trigger: Double, seed: UInt64 = 61) -> (found: Int, elsewhere: Int) {
        let rate = 2000.0
        var s = SyntheticSignal(rate: rate, seconds: 60, noise: 0.3, seed: seed)
        var w = SyntheticSignal(rate: rate, seconds: 60, noise: 1, seed: seed + 1)
        let (r, theta) = (exp(-2 * Double.pi * 20 / rate), 2 * Double.pi * 40 / rate)
        var (y1, y2) = (0.0, 0.0)
        for i in w.samples.indices {
            let y = w.samples[i] + 2 * r * cos(theta) * y1 - r * r * y2
            (y2, y1) = (y1, y)
            w.samples[i] = y
        }
        let rms = (w.samples.reduce(0) { $0 + $1 * $1 } / Double(w.samples.count)).squareRoot()
        for i in s.samples.indices { s.samples[i] += w.samples[i] / rms }
        let times = amplitude > 0 ? Array(stride(from: 8.0, to: 58, by: 2.5)) : []
        for t in times { s.addSpike(at: t, amplitude: amplitude, width: width) }
        var profile = DetectorProfile.emg
        profile.triggerSeconds = trigger
        let groups = ChannelDetector.run(s.samples, rate: rate, seedSamples: Int(5 * rate), profile: profile).groups
        let peaks = groups.flatMap(\.segments).filter { !$0.sustained && $0.standsOut }.map { Double($0.peakIndex) / rate }
        let onPotential = { (p: Double) in times.contains { abs(p - $0 - width / 2) < 0.01 } }
        return (times.filter { t in peaks.contains { abs($0 - t - width / 2) < 0.01 } }.count,
                peaks.filter { !onPotential($0) && $0 > 2 }.count)
    }

    @Test(arguments: [(width: 0.003, amplitude: 10.0), (width: 0.004, amplitude: 8), (width: 0.006, amplitude: 6)])
    func sharpPotentialsOnColouredNoiseNeedTheTrigger(width: Double, amplitude: Double) {
        let with = Self.detect(amplitude: amplitude, width: width, trigger: 0.004)
        let without = Self.detect(amplitude: amplitude, width: width, trigger: 0)
        #expect(with.found >= 19, "with the trigger: \(with)")
        #expect(without.found <= 2, "without: \(without)")
        #expect(with.elsewhere == 0, "with the trigger: \(with)")
    }

    /// The background alone: nothing stands out, with the trigger or without.
    @Test(arguments: [UInt64(61), 63, 65])
    func backgroundAloneGivesNothing(seed: UInt64) {
        #expect(Self.detect(amplitude: 0, width: 0.004, trigger: 0.004, seed: seed).elsewhere == 0)
        #expect(Self.detect(amplitude: 0, width: 0.004, trigger: 0, seed: seed).elsewhere == 0)
    }

    /// Off where the two windows would be a few samples each (EMG at 200–300 Hz), and for
    /// accelerometers.
    @Test(arguments: [(SensorKind.emg, 200.0, false), (.emg, 250, false), (.emg, 350, true), (.emg, 2000, true),
                      (.accelerometer, 400, false)])
    func usedOnlyWhereItIsShorter(sensor: SensorKind, rate: Double, used: Bool) {
        let detector = ChannelDetector(profile: .for(sensor), sampleRate: rate, columnCount: sensor == .emg ? 1 : 3,
                                       notchFrequencies: [], collectTrace: false, traceBinSeconds: 0.5)
        #expect((detector.shortLength > 0) == used)
    }
}
