import Foundation
import Testing
@testable import MyoTwitch

/// `ChannelDetector.trimSubtractedBeat`: a potential just after a subtracted heartbeat is a short
/// segment of its own, not the tail of one long segment that starts on the beat's residue.
@Suite struct SubtractedBeatTests {
    /// Quiet noise with, once a second, what a subtraction leaves of a beat (noise of 3 × the
    /// background RMS over the beat's QRS span, 2 × for 40 ms after it, as a T wave's residue)
    /// and a potential of 15 × right after. Returns the detector's groups and the potentials' times.
    static func run(trims: Bool) -> (groups: [SegmentGroup], potentials: [Int], detector: ChannelDetector) {
        let rate = 1000.0
        var s = SyntheticSignal(rate: rate, seconds: 40, noise: 1, seed: 31)
        var spans: [ClosedRange<Int>] = [], potentials: [Int] = []
        for second in 8..<38 {
            let r = second * 1000
            let span = (r - 60)...(r + 80)
            for i in span { s.samples[i] += 3 * s.gaussian() }
            for i in (r + 81)...(r + 120) { s.samples[i] += 2 * s.gaussian() }
            s.addSpike(at: Double(r + 120) / rate, amplitude: 15)
            spans.append(span)
            potentials.append(r + 126)
        }
        let (detector, groups) = ChannelDetector.run(s.samples, rate: rate, seedSamples: 5000) {
            $0.trimsSubtractedBeats = trims
            $0.noteSubtractedSpans(spans)
        }
        return (groups, potentials, detector)
    }

    /// The short segments (twitch candidates) that hold a potential.
    static func shortSegmentsOnPotentials(_ result: (groups: [SegmentGroup], potentials: [Int], detector: ChannelDetector)) -> Int {
        let maxShort = Int(DetectorProfile.for(.emg).maxTwitchSeconds * 1000) + result.detector.envelopeLength
        return result.potentials.filter { p in
            result.groups.contains { g in
                g.segments.contains { !$0.sustained && $0.length <= maxShort && $0.onset <= p && $0.end >= p - 10 }
            }
        }.count
    }

    @Test func potentialBesideABeatIsJudgedAlone() {
        let trimmed = Self.run(trims: true)
        let whole = Self.run(trims: false)
        // Without the trim, beat residue and potential are one segment too long for a twitch.
        #expect(Self.shortSegmentsOnPotentials(whole) < whole.potentials.count / 2)
        #expect(Self.shortSegmentsOnPotentials(trimmed) >= trimmed.potentials.count * 9 / 10,
                "\(Self.shortSegmentsOnPotentials(trimmed)) of \(trimmed.potentials.count)")
        // The potential's own peak: inside it, not on the residue.
        let peaks = trimmed.groups.flatMap(\.segments).filter { s in trimmed.potentials.contains { abs(s.peakIndex - $0) <= 8 } }
        #expect(peaks.count >= trimmed.potentials.count * 9 / 10)
    }

    /// A spike peaking on a subtracted beat's QRS span arms no twitch episode (it may be the
    /// subtraction's residue, which `HeartbeatGate` judges later); the same two spikes off any
    /// beat do.
    @Test(arguments: [true, false])
    func spikesOnSubtractedBeatsArmNoEpisode(onBeats: Bool) {
        let rate = 1000.0
        var s = SyntheticSignal(rate: rate, seconds: 40, noise: 1, seed: 33)
        s.addSpike(at: 30, amplitude: 10)
        s.addSpike(at: 32, amplitude: 10)
        let detector = ChannelDetector.run(s.samples, rate: rate, seedSamples: 4000, flushing: false) {
            if onBeats { $0.noteSubtractedSpans([29_960...30_080, 31_960...32_080]) }
        }.detector
        let armed = detector.thresholds(at: 36_000).high < detector.strictThreshold
        #expect(armed == !onBeats)
    }
}
