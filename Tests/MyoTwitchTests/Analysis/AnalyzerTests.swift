import Foundation
import Testing
@testable import MyoTwitch

@Suite struct AnalyzerTests {
    static let signal: [Double] = {
        var s = SyntheticSignal(rate: 1000, seconds: 90, noise: 1, seed: 9)
        s.addSine(frequency: 50, amplitude: 4)
        for t in stride(from: 5.0, to: 40, by: 3.1) { s.addSpike(at: t, amplitude: 15) }
        s.addCramp(start: 50, duration: 12, amplitude: 10)
        s.addSpike(at: 70, amplitude: 20)
        return s.samples
    }()

    /// The same samples give the same result whatever the block sizes.
    @Test(arguments: [1, 7, 333, 4096, 100_000])
    func blockSizeDoesNotChangeTheResult(blockSize: Int) throws {
        let reference = Analyzer.run(Self.signal, rate: 1000, blockSize: 1024)
        let chunked = Analyzer.run(Self.signal, rate: 1000, blockSize: blockSize)
        let same = chunked == reference  // (not inside #expect: a mismatch would print both results)
        #expect(same, "block size \(blockSize) changed the result")
        // The 13 potentials, and at most one noise crossing of the relaxed level while their
        // train keeps the episode mode armed (35 s of it here; one at 33.08 s, SNR 3.2).
        let twitches = reference.events.filter { $0.kind == .twitch }
        let potentials = Array(stride(from: 5.0, to: 40, by: 3.1)) + [70.0]
        #expect(potentials.allSatisfy { t in twitches.contains { abs($0.start - t) < 0.01 } })
        #expect(twitches.count <= potentials.count + 1, "\(twitches.map { "\($0.start) \($0.snr)" })")
        #expect(reference.events.filter { $0.kind == .cramp }.count == 1)
        #expect(reference.summary.mainsHz == 50)
    }

    @Test func gapsRestartTheFiltersAndShiftTime() {
        let layout = RecordingLayout(sensor: .emg, sampleRateHz: 1000, columns: ["emg"], units: [nil],
                                     dialect: "plain", timeAxis: "test")
        let analyzer = Analyzer(layout: layout, path: "test")
        var first = SyntheticSignal(rate: 1000, seconds: 10, noise: 1)
        first.addSpike(at: 6, amplitude: 15)
        _ = analyzer.process(SampleBlock(columns: [first.samples]))
        _ = analyzer.gap(Gap(start: 9.999, end: 100, line: 10_002))
        var second = SyntheticSignal(rate: 1000, seconds: 10, noise: 1, seed: 2)
        second.addSpike(at: 5, amplitude: 15)
        _ = analyzer.process(SampleBlock(columns: [second.samples.map { $0 + 500 }]))
        let result = analyzer.finish().result
        let twitches = result.events.filter { $0.kind == .twitch }
        #expect(twitches.count == 2)
        #expect(twitches.contains { abs($0.start - 105) < 0.01 })
        #expect(abs(result.source.durationSeconds - 109.999) < 1e-6)
        #expect(result.source.gaps.count == 1)
    }

    @Test func crosstalkOnANeighbourIsDropped() {
        var a = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 3)
        var b = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 4)
        for t in [8.0, 14, 21] {
            a.addSpike(at: t, amplitude: 40)
            b.addSpike(at: t, amplitude: 8)  // 20 % crosstalk
        }
        let events = Analyzer.run(columns: [a.samples, b.samples], names: ["a", "b"], rate: 2000).events
        #expect(events.filter { $0.channel == "a" && $0.kind == .twitch }.count == 3)
        #expect(events.filter { $0.channel == "b" }.isEmpty)
    }

    /// A sustained burst copied onto a quieter neighbour has nearly the same SNR there, so SNR
    /// cannot tell the copy; the correlation of the two channels over the burst can. A second
    /// muscle bursting on its own at the same time is kept.
    @Test(arguments: [false, true])
    func correlatedCopyOfABurstIsCrosstalkAndAnIndependentBurstIsNot(independent: Bool) {
        var burst = SyntheticSignal(rate: 2000, seconds: 40, noise: 0, seed: 5)
        burst.addBurst(start: 12, duration: 10, amplitude: 12)
        var a = SyntheticSignal(rate: 2000, seconds: 40, noise: 1, seed: 6)
        for i in a.samples.indices { a.samples[i] += burst.samples[i] }
        // The neighbour's own noise is 5× lower: a 15 % copy stands as far above it.
        var b = SyntheticSignal(rate: 2000, seconds: 40, noise: 0.2, seed: 7)
        if independent {
            b.addBurst(start: 13, duration: 8, amplitude: 12 * 0.15)
        } else {
            for i in b.samples.indices { b.samples[i] += 0.15 * burst.samples[i] }
        }
        let sustained = Analyzer.run(columns: [a.samples, b.samples], names: ["a", "b"], rate: 2000)
            .events.filter { $0.kind == .cramp || $0.kind == .activity }
        #expect(sustained.contains { $0.channel == "a" && $0.start < 13 && $0.end > 21 })
        #expect(sustained.contains { $0.channel == "b" } == independent)
    }

    /// Two columns carrying the same signal at 80 % (two digitisations of one electrode): a slope
    /// above the canceller's largest gain (0.7), so nothing is learnt or cleaned, and the weaker
    /// column's burst (about half the SNR, under the 3× dominance) is judged by the correlation
    /// of the two over the overlap alone (`copyCorrelation`, 0.5): it is the louder column's.
    @Test func sameSignalOnTwoColumnsIsReportedOnce() {
        var burst = SyntheticSignal(rate: 2000, seconds: 40, noise: 0, seed: 5)
        burst.addBurst(start: 12, duration: 10, amplitude: 12)
        var a = SyntheticSignal(rate: 2000, seconds: 40, noise: 1, seed: 6)
        var b = SyntheticSignal(rate: 2000, seconds: 40, noise: 1.5, seed: 7)
        for i in a.samples.indices {
            a.samples[i] += burst.samples[i]
            b.samples[i] += 0.8 * burst.samples[i]
        }
        let events = Analyzer.run(columns: [a.samples, b.samples], names: ["a", "b"], rate: 2000).events
        let sustained = events.filter { $0.kind == .cramp || $0.kind == .activity }
        #expect(sustained.contains { $0.channel == "a" && $0.start < 13 && $0.end > 21 })
        #expect(!sustained.contains { $0.channel == "b" },
                "\(events.map { "\($0.channel) \($0.kind) \($0.reason) \($0.start)-\($0.end) snr \($0.snr)" })")
    }

    /// `CrosstalkThresholds.copyCorrelation` (0.5) as a boundary, not only at the near-perfect
    /// correlation of two digitisations: the weaker column carries the louder one's burst mixed
    /// with an independent burst of the same envelope, `cos θ` of the one and `sin θ` of the
    /// other, its SNR under the 3× dominance. At cos θ = 0.75 the two correlate at ~0.7 over the
    /// overlap — a copy, dropped — and at 0.3 at ~0.3 — a second muscle, kept. (Fails with the
    /// threshold at 0.95 or at 0.25.)
    @Test(arguments: [(mix: 0.75, copy: true), (mix: 0.3, copy: false)])
    func partlyCorrelatedBurstIsJudgedByCopyCorrelation(mix: Double, copy: Bool) {
        var source = SyntheticSignal(rate: 2000, seconds: 40, noise: 0, seed: 5)
        source.addBurst(start: 12, duration: 10, amplitude: 12)
        var own = SyntheticSignal(rate: 2000, seconds: 40, noise: 0, seed: 9)
        own.addBurst(start: 12, duration: 10, amplitude: 12)
        var a = SyntheticSignal(rate: 2000, seconds: 40, noise: 1, seed: 6)
        var b = SyntheticSignal(rate: 2000, seconds: 40, noise: 1.5, seed: 7)
        let independent = (1 - mix * mix).squareRoot()
        for i in a.samples.indices {
            a.samples[i] += source.samples[i]
            b.samples[i] += mix * source.samples[i] + independent * own.samples[i]
        }
        let events = Analyzer.run(columns: [a.samples, b.samples], names: ["a", "b"], rate: 2000).events
        let sustained = events.filter { $0.kind == .cramp || $0.kind == .activity }
        let described = events.map { "\($0.channel) \($0.kind) \($0.reason) \($0.start)-\($0.end) snr \($0.snr)" }
        #expect(sustained.contains { $0.channel == "a" && $0.start < 13 && $0.end > 21 }, "\(described)")
        #expect(sustained.contains { $0.channel == "b" } == !copy, "\(described)")
    }

    /// One discharge seen by two electrodes (`CrosstalkThresholds.coincidenceSeconds`): the same
    /// potential at 0.6× on the second column (SNR ratio under the 3× dominance) peaks on the
    /// same sample, so it is one twitch, on the stronger column. Two potentials 20 ms apart on
    /// the two columns are two twitches: independent units need not line up.
    @Test(arguments: [(offset: 0.0, expected: 1), (offset: 0.02, expected: 2)])
    func coincidentTwitchesOnTwoColumns(offset: Double, expected: Int) {
        var a = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 21)
        var b = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 22)
        for t in [8.0, 14.0, 21.0] {
            a.addSpike(at: t, amplitude: 30)
            b.addSpike(at: t + offset, amplitude: 18)
        }
        let twitches = Analyzer.run(columns: [a.samples, b.samples], names: ["a", "b"], rate: 2000)
            .events.filter { $0.kind == .twitch }
        let described = twitches.map { "\($0.channel) \($0.peakTime) snr \($0.snr)" }
        #expect(twitches.count == 3 * expected, "\(described)")
        #expect(twitches.filter { $0.channel == "a" }.count == 3, "\(described)")
    }

    /// `KindDecision` rule 4 end to end, at an armband's 200 Hz: column a contracts from 10 to
    /// 18 s; on column b a spike at 14 s is `activity` (`synergist-activity`) when b's background around it has risen to
    /// 1.6× its quiet RMS (b's muscle takes part), and a twitch when it stays at the quiet level.
    @Test(arguments: [(rise: 1.6, expected: EventKind.activity), (rise: 1.0, expected: .twitch)])
    func twitchInAMuscleTakingPartInAContraction(rise: Double, expected: EventKind) {
        var a = SyntheticSignal(rate: 200, seconds: 30, noise: 1, seed: 41)
        var b = SyntheticSignal(rate: 200, seconds: 30, noise: 1, seed: 42)
        a.addBurst(start: 10, duration: 8, amplitude: 20)
        let extra = (rise * rise - 1).squareRoot()
        for i in Int(13.3 * 200)..<Int(14.7 * 200) { b.samples[i] += extra * b.gaussian() }
        b.addSpike(at: 14, amplitude: 30, width: 0.02)
        let events = Analyzer.run(columns: [a.samples, b.samples], names: ["a", "b"], rate: 200).events
        let described = events.map { "\($0.channel) \($0.kind) \($0.reason) \($0.start)-\($0.end) snr \($0.snr)" }
        let spike = events.first { $0.channel == "b" && abs($0.start - 14) < 0.05 }
        #expect(spike != nil, "\(described)")
        #expect(spike?.kind == expected, "\(described)")
        if expected == .activity { #expect(spike?.reason == "synergist-activity", "\(described)") }
    }

    /// `KindDecision` rule 3 end to end: 60 ms of overlapping potentials of many units (a flick,
    /// 400 potentials a second) has ten or more phases in its 50 ms core and is `activity`
    /// (`multi-unit`); a unit's doublet (two potentials 30 ms apart) in the same recording stays
    /// a twitch.
    @Test func briefMultiUnitBurstIsActivityAndADoubletATwitch() {
        var x = SyntheticSignal(rate: 2000, seconds: 30, noise: 1, seed: 31)
        for flick in [9.0, 19.0] {
            var t = flick
            while t < flick + 0.06 {
                x.addSpike(at: t, amplitude: 40 * (x.uniform() < 0.5 ? -1 : 1), width: 0.006 + 0.006 * x.uniform())
                t += 0.0025
            }
        }
        x.addSpike(at: 14, amplitude: 30)
        x.addSpike(at: 14.03, amplitude: 25)
        let events = Analyzer.run(columns: [x.samples], names: ["emg"], rate: 2000).events
        let described = events.map { "\($0.kind) \($0.reason) \($0.start)-\($0.end) snr \($0.snr)" }
        for flick in [9.0, 19.0] {
            #expect(events.contains { $0.kind == .activity && $0.reason == "multi-unit" && abs($0.start - flick) < 0.05 },
                    "\(described)")
        }
        #expect(events.filter { $0.kind == .twitch }.count == 1, "\(described)")
        #expect(events.contains { $0.kind == .twitch && abs($0.start - 14) < 0.02 }, "\(described)")
    }

    /// A voluntary unit's train (`DetectorProfile.trainFirings`, `trainGapSeconds`): four firings
    /// 150 ms apart (6.7 Hz, a voluntary unit's rate), the last the largest, each later one more
    /// than half the first's size. Every discharge with three others chained to it (before it,
    /// or within the 0.3 s the detector sees after it when its group closes) is not a twitch:
    /// only each train's first is: nothing precedes it, and two firings lie within reach after
    /// it. At 0.4 s apart (2.5 Hz, slower than any voluntary unit fires, an
    /// episode's spacing) all twelve are twitches.
    @Test(arguments: [(interval: 0.15, expected: 3), (interval: 0.4, expected: 12)])
    func unitFiringInATrainIsNotATwitch(interval: Double, expected: Int) {
        var x = SyntheticSignal(rate: 1000, seconds: 30, noise: 1, seed: 41)
        let spikes = [8.0, 14.0, 20.0]
        for t in spikes {
            for k in 1...3 { x.addSpike(at: t - interval * Double(k), amplitude: 8) }
            x.addSpike(at: t, amplitude: 14)
        }
        let twitches = Analyzer.run(columns: [x.samples], names: ["emg"], rate: 1000).events.filter { $0.kind == .twitch }
        #expect(twitches.count == expected, "\(twitches.map(\.start))")
        let lastOfTrains = twitches.filter { t in spikes.contains { abs(t.start - $0) < 0.02 } }.count
        #expect(lastOfTrains == (expected == 3 ? 0 : 3), "\(twitches.map(\.start))")
    }

    @Test func correlationOfACopyIsHighAndOfIndependentNoiseLow() {
        var store = CrosstalkCorrelation(channels: 3, sampleRate: 1000)
        let x = SyntheticSignal(rate: 1000, seconds: 5, noise: 1, seed: 7).samples
        let y = SyntheticSignal(rate: 1000, seconds: 5, noise: 1, seed: 8).samples
        let copy = zip(x, y).map { 0.2 * $0 + 0.02 * $1 }
        x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                copy.withUnsafeBufferPointer { pc in
                    // In uneven blocks, as the analyzer hands them over.
                    var start = 0
                    for size in [700, 1, 1299, 3000] {
                        store.add([px.baseAddress! + start, py.baseAddress! + start, pc.baseAddress! + start],
                                  count: size, first: start)
                        start += size
                    }
                }
            }
        }
        let copied = store.correlation(0, 2, from: 0, to: 4999) ?? 0
        let unrelated = store.correlation(0, 1, from: 0, to: 4999) ?? 1
        #expect(copied > 0.99)
        #expect(abs(unrelated) < 0.1)
        #expect(store.correlation(0, 2, from: 1000, to: 1200) == nil)  // under half a second
    }

    @Test func constantSignalGivesNoEventsAndNoCrash() {
        let result = Analyzer.run([Double](repeating: 3, count: 20_000), rate: 1000)
        #expect(result.events.isEmpty)
    }

    @Test func veryShortInputIsAnalysed() {
        let result = Analyzer.run([0, 1, 0, -1, 0], rate: 1000)
        #expect(result.source.sampleCount == 5)
        #expect(result.events.isEmpty)
    }
}

/// Amplitudes are reported in mV (EMG) and g (accelerometers) whatever unit the input used, so the
/// same muscle recorded in V, mV or µV gives the same events with the same peaks.
@Suite struct AmplitudeUnitTests {
    static func events(header: String, columns: [[Double]], rate: Double) throws -> [DetectedEvent] {
        var text = "time," + header + "\n"
        for i in columns[0].indices {
            text += String(format: "%.4f", Double(i) / rate)
            for c in columns { text += "," + String(format: "%.9g", c[i]) }
            text += "\n"
        }
        let session = AnalysisSession(path: "units.csv", decoderOptions: DecoderOptions())
        _ = try Array(text.utf8).withUnsafeBytes { try session.consume($0) }
        return try session.finish().result.events
    }

    @Test(arguments: [("emg_V", 1e-3), ("emg_mV", 1.0), ("emg_uV", 1e3), ("EMG (µV)", 1e3)])
    func emgPeaksAreInMillivolts(header: String, perMillivolt: Double) throws {
        // The synthetic signal is in mV: noise 0.01 mV, spikes 0.15 mV.
        var s = SyntheticSignal(rate: 1000, seconds: 30, noise: 0.01, seed: 4)
        for t in stride(from: 6.0, to: 28, by: 3.7) { s.addSpike(at: t, amplitude: 0.15) }
        let reference = try Self.events(header: "emg_mV", columns: [s.samples], rate: 1000)
        let scaled = try Self.events(header: header, columns: [s.samples.map { $0 * perMillivolt }], rate: 1000)
        #expect(reference.filter { $0.kind == .twitch }.count == 6)
        #expect(scaled.map(\.kind) == reference.map(\.kind))
        for (a, b) in zip(scaled, reference) {
            #expect(a.peakUnit == "mV")
            #expect(abs(a.peak - b.peak) <= 1e-6 * b.peak)
            #expect(a.start == b.start)
        }
    }

    @Test func accelerationInMetresPerSecondSquaredIsReportedInG() throws {
        var s = SyntheticSignal(rate: 200, seconds: 40, noise: 0.002, seed: 5)
        for t in stride(from: 8.0, to: 36, by: 5.3) { s.addSpike(at: t, amplitude: 0.05, width: 0.08) }
        let quiet = SyntheticSignal(rate: 200, seconds: 40, noise: 0.002, seed: 6).samples
        let gravity = quiet.map { $0 + 1 }  // z axis: 1 g of gravity
        let inG = try Self.events(header: "ax_g,ay_g,az_g", columns: [s.samples, quiet, gravity], rate: 200)
        let g = AmplitudeUnit.standardGravity
        let inSI = try Self.events(header: "ax_ms2,ay_ms2,az_ms2",
                                   columns: [s.samples.map { $0 * g }, quiet.map { $0 * g }, gravity.map { $0 * g }],
                                   rate: 200)
        #expect(!inG.isEmpty)
        #expect(inSI.map(\.kind) == inG.map(\.kind))
        for (a, b) in zip(inSI, inG) {
            #expect(a.peakUnit == "g" && b.peakUnit == "g")
            #expect(abs(a.peak - b.peak) <= 1e-6 * b.peak)
        }
    }

    @Test func countsAndUnknownUnitsStayAsRead() {
        #expect(AmplitudeUnit.normalisation(from: "adc", sensor: .emg) == nil)
        #expect(AmplitudeUnit.normalisation(from: nil, sensor: .emg) == nil)
        #expect(AmplitudeUnit.normalisation(from: "g", sensor: .emg) == nil)
        #expect(AmplitudeUnit.normalisation(of: ["g", "m/s^2", "g"], sensor: .accelerometer) == nil)
        #expect(AmplitudeUnit.normalisation(of: ["m/s^2", "m/s^2"], sensor: .accelerometer)?.unit == "g")
    }
}
