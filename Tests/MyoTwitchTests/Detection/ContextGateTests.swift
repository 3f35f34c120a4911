import Testing
@testable import MyoTwitch

/// The stages that decide an event's kind from its context: `RecruitmentGate` (a spike at a
/// contraction's edge) and `CrosstalkFilter`'s co-contraction rule (a cramp needs to be local).
@Suite struct ContextGateTests {
    typealias Candidate = EventClassifier.Candidate

    static func candidate(_ kind: EventKind, _ onset: Int, _ end: Int, snr: Double = 20,
                          reason: String = "test") -> Candidate {
        Candidate(kind: kind, reason: reason, onset: onset, end: end, peakIndex: (onset + end) / 2,
                  peakAmplitude: snr, snr: snr)
    }

    /// Window 1000 samples. A spike before a contraction waits for it; its distance decides.
    @Test(arguments: [(spikeEnd: 9_500, kind: EventKind.activity), (spikeEnd: 8_800, kind: .twitch)])
    func spikeBeforeAContraction(spikeEnd: Int, kind: EventKind) {
        var gate = RecruitmentGate(window: 1000)
        #expect(gate.take(Self.candidate(.twitch, spikeEnd - 20, spikeEnd)).isEmpty)
        // The detector is inside the contraction that starts at 10 000: nothing is released yet.
        #expect(gate.advance(pending: 10_000).filter { $0.kind == .twitch }.count == (kind == .twitch ? 1 : 0))
        let released = gate.take(Self.candidate(.activity, 10_000, 30_000)) + gate.flush()
        let spike = released.first { $0.onset == spikeEnd - 20 }
        #expect(spike?.kind == kind || (kind == .twitch && spike == nil))
        if kind == .activity { #expect(spike?.reason == "recruitment") }
    }

    /// After a contraction, a spike within the window is derecruitment; later ones are twitches,
    /// released once the detector has moved a window past them.
    @Test func spikeAfterAContraction() {
        var gate = RecruitmentGate(window: 1000)
        _ = gate.take(Self.candidate(.cramp, 0, 5_000))
        #expect(gate.take(Self.candidate(.twitch, 5_600, 5_620)).first?.reason == "recruitment")
        #expect(gate.take(Self.candidate(.twitch, 7_000, 7_020)).isEmpty)
        #expect(gate.advance(pending: 7_500).isEmpty)
        #expect(gate.advance(pending: 8_100).map(\.kind) == [.twitch])
        // Movement is not a contraction: a spike beside it stays a twitch.
        var other = RecruitmentGate(window: 1000)
        _ = other.take(Self.candidate(.activity, 0, 5_000, reason: "movement"))
        #expect(other.take(Self.candidate(.twitch, 5_600, 5_620)).isEmpty)
        #expect(other.flush().map(\.kind) == [.twitch])
    }

    @Test func windowZeroPassesEverything() {
        var gate = RecruitmentGate(window: 0)
        #expect(gate.take(Self.candidate(.twitch, 10, 20)).map(\.kind) == [.twitch])
    }

    /// A cramp candidate on one channel while another channel holds its own contraction over
    /// most of it is a co-contraction; covered less, or only by exercise strokes, it stays a cramp.
    @Test(arguments: [
        (other: (1_000, 7_000), reason: "repeated-contractions", expected: EventKind.activity),
        (other: (1_000, 4_000), reason: "repeated-contractions", expected: .cramp),
        (other: (1_000, 9_000), reason: "rhythmic-bursts", expected: .cramp),
        (other: (1_000, 9_000), reason: "movement", expected: .cramp),
    ])
    func coContraction(other: (Int, Int), reason: String, expected: EventKind) {
        var filter = CrosstalkFilter(sampleRate: 1000)
        filter.add(Self.candidate(.cramp, 0, 10_000, snr: 40, reason: "sustained"), channel: 0)
        filter.add(Self.candidate(.activity, other.0, other.1, snr: 30, reason: reason), channel: 1)
        let released = filter.release(before: Int.max)
        let cramp = released.first { $0.0 == 0 }?.1
        #expect(cramp?.kind == expected)
        if expected == .activity { #expect(cramp?.reason == "co-contraction") }
    }
}
