import Foundation
import Testing
@testable import MyoTwitch

/// ECG that `HeartbeatCanceller` did not take out (its QRS too sharp or too faint on the 8–30 Hz
/// band; here the canceller is off to stand for that) and without low-frequency power for the
/// classifier: the beats cross the spike threshold as twitch candidates, on every channel. `HeartbeatGate` finds the heart's rhythm
/// among them (`endsSpikeRhythm`), and `CrosstalkFilter` takes the other channels' spikes at a
/// recognised beat for that beat; the fasciculations between the beats stay twitches.
@Suite struct SharpBeatTests {
    /// Three channels at 2 kHz, 120 s: beats every 0.85 s (±2 %) on all channels at 9× the noise
    /// with gains 1, 0.8, −0.9; and 24 potentials at irregular times on channel 1 at 15×.
    /// Neither canceller runs: the beats reach the detector whole on every channel.
    static let options = AnalyzerOptions(cancelsCrosstalk: false, cancelsHeartbeats: false)

    static func recording(beats: Bool) -> (columns: [[Double]], twitches: [Double]) {
        let rate = 2000.0, seconds = 120.0
        var columns = (0..<3).map { SyntheticSignal(rate: rate, seconds: seconds, noise: 1, seed: 91 + UInt64($0)) }
        var jitter = SyntheticSignal(rate: 1, seconds: 1, noise: 0, seed: 97)
        var r = 0.7
        let gains = [1.0, 0.8, -0.9]
        while beats && r < seconds - 0.5 {
            let centre = Int(r * rate)
            for c in 0..<3 {
                for i in max(0, centre - 20)...min(columns[c].samples.count - 1, centre + 20) {
                    let t = Double(i - centre) / rate / 0.002
                    columns[c].samples[i] += gains[c] * 9 * (exp(-0.5 * t * t) - 0.3 * exp(-0.5 * (t - 3) * (t - 3)))
                }
            }
            r += 0.85 * (1 + 0.02 * jitter.gaussian())
        }
        var twitches: [Double] = []
        var t = 6.37
        while t < seconds - 2 {
            twitches.append(t)
            columns[0].addSpike(at: t, amplitude: 15, width: 0.01)
            t += 3.1 + 2.3 * jitter.uniform()
        }
        return (columns.map(\.samples), twitches)
    }

    @Test func sharpBeatsAreArtifactsAndTwitchesStay() {
        let (columns, twitches) = Self.recording(beats: true)
        let events = Analyzer.run(columns: columns, names: ["a", "b", "c"], rate: 2000, options: Self.options).events
        let reported = events.filter { $0.kind == .twitch }
        let onPotential = { (e: DetectedEvent) in twitches.contains { abs(e.peakTime - $0 - 0.005) < 0.02 } }
        let found = twitches.filter { t in reported.contains { $0.channel == "a" && abs($0.peakTime - t - 0.005) < 0.02 } }
        let beatsAsTwitches = reported.filter { !onPotential($0) }
        // ~140 beats on each of three channels; the first beats of a channel, before the chain
        // forms, may pass.
        #expect(beatsAsTwitches.count <= 15, "\(beatsAsTwitches.count) beats reported as twitches")
        #expect(events.filter { $0.kind == .artifact && $0.reason == "heartbeat" }.count >= 100)
        #expect(found.count >= twitches.count - 2, "\(found.count) of \(twitches.count) potentials")
    }

    /// Without the beats the same potentials are all twitches, and nothing is a heartbeat.
    @Test func withoutBeatsNothingIsAHeartbeat() {
        let (columns, twitches) = Self.recording(beats: false)
        let events = Analyzer.run(columns: columns, names: ["a", "b", "c"], rate: 2000, options: Self.options).events
        #expect(events.filter { $0.reason == "heartbeat" }.isEmpty)
        let found = twitches.filter { t in events.contains { $0.kind == .twitch && $0.channel == "a" && abs($0.peakTime - t - 0.005) < 0.02 } }
        #expect(found.count == twitches.count)
    }
}
