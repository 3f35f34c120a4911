import Foundation
import Testing
@testable import MyoTwitch

/// The detector's quiet-stretch loop (`ChannelDetector.quietRun`) is a shortcut, never a
/// different answer: with and without it, the same samples give the same groups, levels and trace.
@Suite struct QuietRunTests {
    @Test(arguments: [(SensorKind.emg, 2000.0, SimulationPreset.mixed, SimulatedUnit.microvolts, UInt64(41)),
                      (.emg, 500, .cramps, .millivolts, 42), (.emg, 4000, .twitchEpisodes, .volts, 43),
                      (.emg, 1000, .rest, .adc12, 46),  // quantised: runs of equal samples in quiet stretches
                      (.accelerometer, 100, .mixed, .g, 44), (.accelerometer, 400, .cramps, .metresPerSecondSquared, 45)])
    func quietRunsChangeNothing(sensor: SensorKind, rate: Double, preset: SimulationPreset, unit: SimulatedUnit,
                                seed: UInt64) {
        let scenario = SimulationScenario(sensor: sensor, sampleRateHz: rate, durationSeconds: 150, unit: unit,
                                          preset: preset, seed: seed)
        let recording = Simulator.generate(scenario)
        // An accelerometer's axes go to one detector; an EMG detector takes one channel.
        Self.check(columns: sensor == .emg ? [recording.samples[0]] : recording.samples, sensor: sensor, rate: rate)
    }

    /// Coarsely quantised noise with spikes: equal neighbours are common, so the clipping runs
    /// that quiet runs keep are tested too.
    @Test func quantisedSignalKeepsItsRuns() {
        var signal = SyntheticSignal(rate: 1000, seconds: 60, noise: 1, seed: 47)
        for t in stride(from: 8.0, to: 55, by: 3.3) { signal.addSpike(at: t, amplitude: 12) }
        signal.addBurst(start: 30, duration: 5, amplitude: 6)
        Self.check(columns: [signal.samples.map { ($0 / 1.5).rounded() }], sensor: .emg, rate: 1000)
    }

    /// Runs a detector with and one without quiet runs over `columns` in odd blocks and expects
    /// the same groups, trace and state throughout.
    static func check(columns: [[Double]], sensor: SensorKind, rate: Double) {
        let count = columns[0].count
        let warmup = columns.map { Array($0[0..<Int(5 * rate)]) }
        let (fast, plain) = (detector(quietRuns: true), detector(quietRuns: false))
        func detector(quietRuns: Bool) -> ChannelDetector {
            let detector = ChannelDetector(profile: .for(sensor), sampleRate: rate, columnCount: columns.count,
                                           notchFrequencies: sensor == .emg ? [50, 100, 150] : [],
                                           collectTrace: true, traceBinSeconds: 0.5)
            detector.usesQuietRuns = quietRuns
            detector.seedLevel(columns: warmup)
            detector.restart(first: columns.map { $0[0] })
            return detector
        }
        var fastGroups: [SegmentGroup] = [], plainGroups: [SegmentGroup] = [], start = 0, k = 0
        var stateMismatches = 0
        let blocks = [4096, 1, 777, 8192, 3]  // odd sizes: runs must stop and resume at block ends
        withPointers(columns) { pointers in
            while start < count {
                let n = min(blocks[k % blocks.count], count - start)
                fast.process(columns: pointers.map { $0 + start }, count: n, finished: &fastGroups)
                plain.process(columns: pointers.map { $0 + start }, count: n, finished: &plainGroups)
                if !Self.sameState(fast, plain) { stateMismatches += 1 }
                start += n
                k += 1
            }
        }
        fast.flush(finished: &fastGroups); fast.finishTrace()
        plain.flush(finished: &plainGroups); plain.finishTrace()
        #expect(plain.quietRunSamples == 0)
        // Most of a recording is quiet, even this busy one.
        #expect(fast.quietRunSamples > count / 3)
        #expect(fastGroups.count > 3)
        #expect(!fast.quietRunMisjudged)
        #expect(stateMismatches == 0)
        // Named, not printed: a failure would otherwise print every group of both runs.
        let firstDifference = zip(fastGroups, plainGroups).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(fastGroups.count == plainGroups.count)
        #expect(firstDifference == nil, "groups differ from group \(firstDifference ?? -1)")
        #expect(fast.trace == plain.trace)
        let ring = fast.ringMask + 1
        func same(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>) -> Bool {
            Array(UnsafeBufferPointer(start: a, count: ring)) == Array(UnsafeBufferPointer(start: b, count: ring))
        }
        #expect(same(fast.energyRing, plain.energyRing) && same(fast.motionRing, plain.motionRing))
        #expect(zip(fast.rawRing, plain.rawRing).allSatisfy(same))
    }

    /// Everything a quiet run keeps besides the rings, equal in both detectors.
    static func sameState(_ f: ChannelDetector, _ p: ChannelDetector) -> Bool {
        guard f.level.median == p.level.median, f.slowLevel.median == p.slowLevel.median,
              f.index == p.index, f.lastQuietIndex == p.lastQuietIndex,
              f.lastSlowQuietIndex == p.lastSlowQuietIndex, f.energyWindowSum == p.energyWindowSum,
              f.slowSum == p.slowSum, f.energyWindowPosition == p.energyWindowPosition else { return false }
        return (0..<f.columnCount).allSatisfy { c in
            let (a, b) = (f.clipping[c], p.clipping[c])
            return a.run == b.run && a.low == b.low && a.high == b.high
                && (a.last == b.last || a.last.isNaN && b.last.isNaN)
        }
    }

    /// `RootComparison` answers as the square root does at the threshold's square and its
    /// neighbours, where the margin sends it to the root itself, and far from it.
    @Test(arguments: [1.0, 0.1, 3.7e-5, 12_345.678, 1e-160, 1e150])
    func rootComparisonAgreesWithTheSquareRoot(threshold: Double) {
        let line = RootComparison(threshold: threshold, scale: 1)
        let square = threshold * threshold
        var values = [0, -1, square, square.nextUp, square.nextDown, square * (1 + 1e-9), square * (1 - 1e-9),
                      square * 2, square / 2, .infinity]
        for _ in 0..<8 { values = values.flatMap { [$0, $0.nextUp] } }
        for value in values {
            let root = max(0, value).squareRoot()
            #expect(line.isBelow(value, root: root) == (root > threshold))
            #expect(line.isAtOrAbove(value, root: root) == (root <= threshold))
        }
        // The slow envelope's form: the root of `sum / scale`.
        let length = 500.0, slowLine = RootComparison(threshold: threshold, scale: length)
        for value in values.map({ $0 * length }) {
            let root = max(0, value / length).squareRoot()
            #expect(slowLine.isBelow(value, root: root) == (root > threshold))
            #expect(slowLine.isAtOrAbove(value, root: root) == (root <= threshold))
        }
    }
}
