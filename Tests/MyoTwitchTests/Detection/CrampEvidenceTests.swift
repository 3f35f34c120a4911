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
}
