import Foundation
import Testing
@testable import MyoTwitch

/// `Segment.profileSmoothness` tells a vibration that beats (values drift over several bins) from
/// impacts (one high bin among low ones).
@Suite struct ProfileSmoothnessTests {
    static func segment(_ profile: [Double]) -> Segment {
        var s = Segment(onset: 0, end: 100, peakIndex: 0, peakAmplitude: 1, bandEnergy: 0, motionEnergy: 0,
                        clippedSamples: 0, singleSample: false, noiseLevel: 1, sustained: true)
        s.profile = profile
        return s
    }

    /// Named profiles of 40 bins (125 ms each on an accelerometer) with the range their
    /// smoothness must fall in.
    static func profile(_ name: String) -> (values: [Double], range: ClosedRange<Double>) {
        let bins = 0..<40
        switch name {
        case "steps every 4th bin": return (bins.map { $0 % 4 == 0 ? 5.0 : 1.0 }, -1...0)
        case "steps every 5th bin": return (bins.map { $0 % 5 == 0 ? 4.0 : 1.2 }, -1...0)
        case "swell over 6 bins": return (bins.map { 3 + 2 * sin(Double($0) * 2 * .pi / 6) }, 0.45...1)
        default: return (bins.map { 3 + sin(Double($0) * 2 * .pi / 10) + 0.5 * sin(Double($0) * 2 * .pi / 7) }, 0.6...1)
        }
    }

    @Test(arguments: ["steps every 4th bin", "steps every 5th bin", "swell over 6 bins", "two swells, 7 and 10 bins"])
    func stepsAreRoughBeatsAreSmooth(name: String) throws {
        let (values, range) = Self.profile(name)
        let smoothness = try #require(Self.segment(values).profileSmoothness)
        #expect(range.contains(smoothness), "\(name): \(smoothness)")
    }

    @Test func tooShortOrFlatHasNone() {
        #expect(Self.segment([1, 2, 3]).profileSmoothness == nil)
        #expect(Self.segment(Array(repeating: 2, count: 20)).profileSmoothness == nil)
    }
}
