import Testing
@testable import MyoTwitch

/// `CrosstalkFilter`'s heart rhythm across channels (`endsPooledRhythm`): beats that each
/// channel detects only by turns make one rhythm together, once a channel's own gate has
/// recognised a beat; a spike beside the beat another channel shows stays a twitch.
@Suite struct PooledHeartRhythmTests {
    static let interval = 900

    /// Spikes every `interval` ms at 1 kHz, the k-th on channel k mod 3 (so that no channel has
    /// two in a row), the first a recognised beat when `recognised`.
    static func filter(pools: Bool, recognised: Bool, beats: Int = 9,
                       extra: (channel: Int, peak: Int)? = nil) -> CrosstalkFilter {
        var filter = CrosstalkFilter(sampleRate: 1000, poolsHeartRhythm: pools)
        for k in 0..<beats {
            let peak = 10_000 + k * interval
            var c = ContextGateTests.candidate(.twitch, peak - 10, peak + 10, snr: 6)
            if k == 0 && recognised { c.note(.heartbeat) }
            filter.add(c, channel: k % 3)
        }
        if let extra {
            filter.add(ContextGateTests.candidate(.twitch, extra.peak - 10, extra.peak + 10, snr: 5), channel: extra.channel)
        }
        return filter
    }

    /// Pooled, with a recognised beat: from the sixth spike of the chain on, every spike is a
    /// beat. Without the recognised beat (fasciculations of several muscles can chain by chance)
    /// or on one channel's terms (not pooled), they stay twitches.
    @Test(arguments: [(pools: true, recognised: true, beatsFound: 4),
                      (pools: true, recognised: false, beatsFound: 0),
                      (pools: false, recognised: true, beatsFound: 0)])
    func beatsSeenByTurnsMakeOneRhythm(pools: Bool, recognised: Bool, beatsFound: Int) {
        var filter = Self.filter(pools: pools, recognised: recognised)
        let released = filter.release(before: .max).map(\.1).sorted { $0.peakIndex < $1.peakIndex }
        #expect(released.count == 9)
        let later = released.dropFirst()
        #expect(later.filter { $0.kind == .artifact && $0.reason == "heartbeat" }.count == beatsFound)
        // The first spikes after the recognised beat are too few for a chain.
        #expect(later.prefix(4).allSatisfy { $0.kind == .twitch })
    }

    /// A spike 50 ms from the last one, on another channel: the beat is one of the two, the other
    /// a potential beside it, so neither is taken for the beat. At the same instant (3 ms) it is
    /// the same beat on another electrode (weaker there, so the last one is kept).
    @Test(arguments: [(offset: 50, kind: EventKind.twitch), (offset: 3, kind: .artifact)])
    func spikeBesideTheBeat(offset: Int, kind: EventKind) {
        let last = 10_000 + 8 * Self.interval
        var filter = Self.filter(pools: true, recognised: true, extra: (channel: 0, peak: last + offset))
        let released = filter.release(before: .max)
        #expect(released.first { $0.0 == 2 && $0.1.peakIndex == last }?.1.kind == kind)
    }
}
