import Foundation
import Testing
@testable import MyoTwitch

/// A multiplet (one unit firing again within the 120 ms merge gap, silent in between) is one
/// twitch, not a brief contraction around a spike: the later potentials' energy is measured
/// (`ChannelDetector.measureMultiplet`) and left out of the brief-contraction test
/// (`SegmentGroup.isMostlyBetweenSpikes`); a brief contraction of 0.5 s stays activity.
@Suite struct MultipletTests {
    @Test(arguments: [(rate: 1000.0, seed: UInt64(1)), (rate: 2000, seed: 2)])
    func tripletIsOneTwitch(rate: Double, seed: UInt64) {
        var signal = SyntheticSignal(rate: rate, seconds: 40, noise: 1, seed: seed)
        let onsets = [8.0, 15.3, 22.1, 29.7]
        for t in onsets {
            signal.addSpike(at: t, amplitude: 25)
            signal.addSpike(at: t + 0.045, amplitude: 22)
            signal.addSpike(at: t + 0.085, amplitude: 24)
        }
        signal.addBurst(start: 35, duration: 0.5, amplitude: 20)
        let events = Analyzer.run(signal.samples, rate: rate).events
        for t in onsets {
            let here = events.filter { $0.start < t + 0.1 && $0.end > t - 0.01 }
            #expect(here.count == 1 && here.first?.kind == .twitch, "at \(t): \(here.map { ($0.kind, $0.reason) })")
        }
        #expect(events.contains { $0.kind == .activity && $0.start < 35.5 && $0.end > 35 }, "\(events.map { ($0.kind, $0.start) })")
    }

    /// A doublet whose second potential is the larger is one twitch starting at the first
    /// potential (`refineShortSegment` moves the onset back to the earliest joined potential),
    /// at the rates where the first one is a few samples wide and at higher ones.
    @Test(arguments: [(rate: 200.0, seed: UInt64(3)), (rate: 1000, seed: 4), (rate: 4000, seed: 5)])
    func doubletStartsAtItsFirstPotential(rate: Double, seed: UInt64) {
        var signal = SyntheticSignal(rate: rate, seconds: 40, noise: 1, seed: seed)
        let onsets = [8.0, 15.3, 22.1, 29.7]
        for t in onsets {
            signal.addSpike(at: t, amplitude: 14)
            signal.addSpike(at: t + 0.09, amplitude: 30)
        }
        let events = Analyzer.run(signal.samples, rate: rate).events
        for t in onsets {
            let here = events.filter { $0.start < t + 0.15 && $0.end > t - 0.02 }
            #expect(here.count == 1 && here.first?.kind == .twitch, "at \(t): \(here.map { ($0.kind, $0.start) })")
            if let start = here.first?.start {
                #expect(abs(start - t) < 0.03, "at \(t): onset \(start)")
            }
        }
    }

    /// A triplet spread over two intervals of up to 110 ms (DOMAIN.md: a unit fires again
    /// 10–110 ms later) is longer than a twitch segment (`maxTwitchSeconds`, one interval), yet
    /// it is one twitch from its first potential (`DetectorProfile.maxMultipletSeconds`,
    /// `ChannelDetector.isMultiplet`); without the multiplet rule it is a brief contraction.
    /// A 0.2 s burst of interference pattern, as long but never silent, stays activity.
    @Test(arguments: [(multiplet: 0.245, kind: EventKind.twitch), (multiplet: 0, kind: .activity)])
    func wideTripletIsOneTwitch(multiplet: Double, kind: EventKind) {
        let rate = 1000.0
        var signal = SyntheticSignal(rate: rate, seconds: 40, noise: 1, seed: 7)
        let onsets = [8.0, 15.3, 22.1, 29.7]
        for t in onsets {
            signal.addSpike(at: t, amplitude: 20)
            signal.addSpike(at: t + 0.095, amplitude: 25)
            signal.addSpike(at: t + 0.19, amplitude: 22)
        }
        signal.addBurst(start: 35, duration: 0.2, amplitude: 20, firingRate: 600)
        var profile = DetectorProfile.emg
        profile.maxMultipletSeconds = multiplet
        let events = Analyzer.run(signal.samples, rate: rate, profile: profile).events
        for t in onsets {
            let here = events.filter { $0.start < t + 0.2 && $0.end > t - 0.01 }
            #expect(here.count == 1 && here.first?.kind == kind, "at \(t): \(here.map { ($0.kind, $0.reason, $0.start, $0.end) })")
            if kind == .twitch, let start = here.first?.start { #expect(abs(start - t) < 0.01, "at \(t): onset \(start)") }
        }
        #expect(events.contains { $0.kind == .activity && $0.start < 35.2 && $0.end > 35 }, "\(events.map { ($0.kind, $0.start) })")
    }
}
