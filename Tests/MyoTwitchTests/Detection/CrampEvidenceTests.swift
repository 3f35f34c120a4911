import Foundation
import Testing
@testable import MyoTwitch

/// Rules that stop a sustained accelerometer event from being called a cramp without a cramp's
/// evidence (issue #15: a weight shift after jumps on a force plate was reported as a cramp).
@Suite struct CrampEvidenceTests {
    static let rate = 500.0

    /// A 4 s slow activation on a quiet accelerometer: band energy `vibration` over the noise
    /// (per sample, noise level 1), motion-band energy `motion` per sample, a quiet motion
    /// baseline of `baseline` per sample, and a smooth (beating) profile.
    static func group(vibration: Double, motion: Double, baseline: Double) -> SegmentGroup {
        let n = Int(4 * rate)
        var s = Segment(onset: 10_000, end: 10_000 + n - 1, peakIndex: 10_000 + n / 2,
                        peakAmplitude: 20, bandEnergy: Double(n) * (1 + vibration),
                        motionEnergy: Double(n) * motion, clippedSamples: 0, singleSample: false,
                        noiseLevel: 1, sustained: true)
        s.energySamples = n
        s.motionBaseline = baseline
        s.profile = (0..<32).map { (i: Int) -> Double in
            let x = Double(i) * 2 * Double.pi
            return 3 + sin(x / 10) + 0.5 * sin(x / 7)
        }
        var group = SegmentGroup()
        group.segments = [s]
        group.holdsSlowActivation = true
        return group
    }

    static func kind(_ group: SegmentGroup) -> (EventKind, String) {
        let classifier = EventClassifier(profile: .accelerometer, sensor: .accelerometer, sampleRate: rate,
                                         settings: AnalysisSettings(), envelopeLength: 25,
                                         profileSpacing: Int(rate / 8))
        let c = classifier.classify(group)
        return (c.first?.kind ?? .artifact, c.first?.reason ?? "none")
    }

    /// Vibration far above the motion band: a cramp. Motion outweighing the vibration the event
    /// adds is movement, whether or not the recording's quiet motion was as large (`baseline`).
    @Test(arguments: [
        (vibration: 50.0, motion: 0.5, baseline: 0.4, kind: EventKind.cramp, reason: "sustained"),
        (vibration: 3.0, motion: 7.5, baseline: 0.1, kind: .activity, reason: "movement"),
        (vibration: 3.0, motion: 7.5, baseline: 15.0, kind: .activity, reason: "movement"),
        (vibration: 8.0, motion: 6.0, baseline: 15.0, kind: .cramp, reason: "sustained"),
    ])
    func vibrationMustOutweighMotion(vibration: Double, motion: Double, baseline: Double,
                                     kind: EventKind, reason: String) {
        let (k, r) = Self.kind(Self.group(vibration: vibration, motion: motion, baseline: baseline))
        #expect(k == kind && r == reason, "vibration \(vibration) motion \(motion): \(k) \(r)")
    }

    /// A 5 s held EMG contraction (one slow activation, no rhythm, no low hold) peaking at `snr`
    /// × the noise, with a spectrum whose median frequency is `median` Hz.
    static func emgHold(snr: Double, median: Double) -> SegmentGroup {
        let rate = 2000.0
        let n = Int(5 * rate)
        var s = Segment(onset: 20_000, end: 20_000 + n - 1, peakIndex: 20_000 + n / 2,
                        peakAmplitude: snr, bandEnergy: Double(n) * snr * snr / 4,
                        motionEnergy: 0, clippedSamples: 0, singleSample: false,
                        noiseLevel: 1, sustained: true)
        s.energySamples = n
        s.spectrum = SpectralFeatures(medianFrequency: median, lowFrequencyFraction: 0.01,
                                      bandPowers: [0.01, 0.3, 0.4, 0.29])
        var group = SegmentGroup()
        group.segments = [s]
        group.holdsSlowActivation = true
        return group
    }

    /// An EMG hold is a cramp only with positive evidence: it must stand `minimumCrampSNR` (12)
    /// above the noise — a weak hold is a low-level contraction, whatever its spectrum — and
    /// carry a cramp's high median frequency (≥ 150 Hz); otherwise it is a held contraction.
    @Test(arguments: [
        (snr: 8.0, median: 180.0, kind: EventKind.activity, reason: "low-level-contraction"),
        (snr: 11.0, median: 180.0, kind: .activity, reason: "low-level-contraction"),
        (snr: 8.0, median: 90.0, kind: .activity, reason: "low-level-contraction"),
        (snr: 13.0, median: 180.0, kind: .cramp, reason: "sustained"),
        (snr: 40.0, median: 180.0, kind: .cramp, reason: "sustained"),
        (snr: 40.0, median: 90.0, kind: .activity, reason: "sustained-contraction"),
    ])
    func emgHoldNeedsStrengthAndCrampSpectrum(snr: Double, median: Double, kind: EventKind,
                                              reason: String) {
        let classifier = EventClassifier(profile: .emg, sensor: .emg, sampleRate: 2000,
                                         settings: AnalysisSettings(), envelopeLength: 20,
                                         profileSpacing: 250)
        let c = classifier.classify(Self.emgHold(snr: snr, median: median))
        #expect(c.count == 1 && c.first?.kind == kind && c.first?.reason == reason,
                "snr \(snr) median \(median): \(c.map { "\($0.kind) \($0.reason)" })")
    }
}
