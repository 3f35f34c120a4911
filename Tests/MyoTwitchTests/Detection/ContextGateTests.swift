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

    /// A twitch while another channel contracts is activity when its own surroundings had risen
    /// (power doubled: an RMS ratio of at least √2) and the contraction covers its peak; at the
    /// quiet level, beside the contraction rather than inside it, or beside a spike, a twitch.
    @Test(arguments: [
        (rise: 1.6, other: (kind: EventKind.activity, onset: 1_000, end: 9_000), expected: EventKind.activity),
        (rise: 1.6, other: (kind: .cramp, onset: 1_000, end: 9_000), expected: .activity),
        (rise: 1.2, other: (kind: .activity, onset: 1_000, end: 9_000), expected: .twitch),
        (rise: 0, other: (kind: .activity, onset: 1_000, end: 9_000), expected: .twitch),
        (rise: 1.6, other: (kind: .activity, onset: 6_000, end: 9_000), expected: .twitch),
        (rise: 1.6, other: (kind: .twitch, onset: 4_990, end: 5_010), expected: .twitch),
    ])
    func twitchInASynergist(rise: Double, other: (kind: EventKind, onset: Int, end: Int), expected: EventKind) {
        var filter = CrosstalkFilter(sampleRate: 1000)
        var spike = Self.candidate(.twitch, 4_990, 5_010, snr: 20)
        spike.surroundRise = rise
        filter.add(spike, channel: 0)
        // Weaker than the twitch, so that no crosstalk rule takes it.
        filter.add(Self.candidate(other.kind, other.onset, other.end, snr: 5), channel: 1)
        let judged = filter.release(before: Int.max).first { $0.0 == 0 }?.1
        #expect(judged?.kind == expected)
        if expected == .activity { #expect(judged?.reason == "synergist-activity") }
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

/// `HeartbeatGate`: spikes on a heart rhythm, and the residue where a beat was subtracted.
@Suite struct HeartbeatGateTests {
    typealias Candidate = EventClassifier.Candidate

    /// A twitch peaking inside a subtracted beat's QRS span is that beat's residue; one beside
    /// it, off the rhythm, stays a twitch.
    @Test(arguments: [(peak: 10_030, kind: EventKind.artifact), (peak: 10_400, kind: .twitch)])
    func residueOfASubtractedBeat(peak: Int, kind: EventKind) {
        var gate = HeartbeatGate(sampleRate: 1000)
        gate.noteRemoved([.init(span: 9_940...10_080, residue: 1, peak: 10_000)])
        let c = ContextGateTests.candidate(.twitch, peak - 10, peak + 10)
        let judged = gate.take(c)
        #expect(judged.kind == kind)
        if kind == .artifact { #expect(judged.reason == "heartbeat") }
    }

    /// Subtracted beats keep the rhythm: a beat the canceller let through, on that rhythm, is an
    /// artifact; a spike half-way between beats is not.
    @Test(arguments: [(offset: 0, kind: EventKind.artifact), (offset: 400, kind: .twitch)])
    func subtractedBeatsKeepTheRhythm(offset: Int, kind: EventKind) {
        var gate = HeartbeatGate(sampleRate: 1000)
        // Beats every 800 samples, R waves at 1 000 + 800 k, spans of ±60/80 samples.
        gate.noteRemoved((0..<12).map { k in .init(span: (1_000 + 800 * k - 60)...(1_000 + 800 * k + 80), residue: 1, peak: 1_000 + 800 * k) })
        let peak = 1_000 + 800 * 12 + offset + 10
        let judged = gate.take(ContextGateTests.candidate(.twitch, peak - 10, peak + 10))
        #expect(judged.kind == kind)
    }

    /// The subtracted beat that keeps a spike from being an unsubtracted one is looked for where the
    /// rhythm predicts a beat, not around the spike: a beat 50 ms late (heart-rate variability) and
    /// a potential 90 ms before the predicted time are 140 ms apart, yet the beat is the one the
    /// rhythm put there, and the potential a twitch.
    @Test func subtractedBeatIsLookedForWhereTheRhythmPutsIt() {
        var gate = HeartbeatGate(sampleRate: 1000)
        let rs = (0..<16).map { 1_000 + 800 * $0 } + [1_000 + 800 * 16 + 50]
        gate.noteRemoved(rs.map { r in .init(span: (r - 60)...(r + 80), residue: 1, peak: r) })
        let peak = 1_000 + 800 * 16 - 90
        #expect(gate.take(ContextGateTests.candidate(.twitch, peak - 10, peak + 10)).kind == .twitch)
    }

    /// A spike in a subtracted beat's span is the residual when the residual there is no larger
    /// than `residueFactor` × the median of the beats before; larger, a potential on the beat.
    /// Where the canceller subtracted the beat the rhythm predicts, a spike beside it (outside its
    /// span) is no unsubtracted beat — also 95 ms before it, at the edge of the rhythm's tolerance
    /// (0.12 × 800), where the beat is as far again from the spike.
    @Test(arguments: [(residue: 2.0, offset: 10, kind: EventKind.artifact), (residue: 10.0, offset: 10, kind: .twitch),
                      (residue: 1.0, offset: -70, kind: .twitch), (residue: 1.0, offset: -95, kind: .twitch)])
    func residueMustBeTheBeatsOwn(residue: Double, offset: Int, kind: EventKind) {
        var gate = HeartbeatGate(sampleRate: 1000)
        var beats: [HeartbeatCanceller.RemovedBeat] = (0..<16).map { k in
            .init(span: (1_000 + 800 * k - 60)...(1_000 + 800 * k + 80), residue: 1, peak: 1_000 + 800 * k)
        }
        beats.append(.init(span: (1_000 + 800 * 16 - 60)...(1_000 + 800 * 16 + 80), residue: residue,
                           peak: 1_000 + 800 * 16))
        gate.noteRemoved(beats)
        let peak = 1_000 + 800 * 16 + offset
        let judged = gate.take(ContextGateTests.candidate(.twitch, peak - 10, peak + 10))
        #expect(judged.kind == kind, "\(judged.reason)")
    }

    /// Beats that neither the canceller nor the classifier took for beats (twitch candidates
    /// only) make a rhythm of their own: the sixth spike of a chain at one heart interval, with
    /// a missed beat in it, is an artifact; five are not enough, nor are spikes at irregular
    /// intervals, at the wrong size, or of a chain whose interval is no heart's.
    @Test(arguments: [
        (times: [0, 800, 1_600, 3_200, 4_000, 4_800], snr: 6.0, kind: EventKind.artifact),
        (times: [0, 800, 1_600, 2_400, 3_200], snr: 6.0, kind: .twitch),
        (times: [0, 640, 1_800, 2_300, 3_900, 4_800], snr: 6.0, kind: .twitch),
        (times: [0, 800, 1_600, 2_400, 3_200, 4_000], snr: 20.0, kind: .twitch),
        (times: [0, 250, 500, 750, 1_000, 1_250], snr: 6.0, kind: .twitch)])
    func spikesMakeARhythmOfTheirOwn(times: [Int], snr: Double, kind: EventKind) {
        var gate = HeartbeatGate(sampleRate: 1000)
        for t in times.dropLast() {
            #expect(gate.take(ContextGateTests.candidate(.twitch, 10_000 + t - 10, 10_000 + t + 10, snr: 6)).kind == .twitch)
        }
        let last = 10_000 + times.last!
        #expect(gate.take(ContextGateTests.candidate(.twitch, last - 10, last + 10, snr: snr)).kind == kind)
    }
}

/// `CrosstalkFilter`: a twitch within the span of another channel's recognised ECG beat (here
/// 20 ms, peak in the middle) is the same beat (the heart's field reaches every electrode at
/// once; the complex peaks at different phases on different leads); 20 ms from the peak, past
/// the span and the 5 ms coincidence, it is a twitch.
@Suite struct BeatOnAnotherChannelTests {
    @Test(arguments: [(offset: 3, kind: EventKind.artifact), (offset: 12, kind: .artifact), (offset: 20, kind: .twitch)])
    func spikeWithAnotherChannelsBeat(offset: Int, kind: EventKind) {
        var filter = CrosstalkFilter(sampleRate: 1000)
        var beat = ContextGateTests.candidate(.twitch, 9_990, 10_010, snr: 8)
        beat.note(.heartbeat)
        filter.add(beat, channel: 0)
        filter.add(ContextGateTests.candidate(.twitch, 9_990 + offset, 10_010 + offset, snr: 6), channel: 1)
        let released = filter.release(before: .max)
        let spike = released.first { $0.0 == 1 }?.1
        #expect(spike?.kind == kind)
        if kind == .artifact { #expect(spike?.reason == "heartbeat") }
        #expect(released.first { $0.0 == 0 }?.1.kind == .artifact)
    }
}
