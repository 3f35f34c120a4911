import Foundation
import Testing
@testable import MyoTwitch

@Suite struct EpisodeTests {
    static func twitch(_ t: Double, _ channel: String = "a") -> DetectedEvent {
        DetectedEvent(kind: .twitch, channel: channel, start: t, end: t + 0.02, peak: 1,
                      peakTime: t + 0.01, snr: 10, reason: "test")
    }

    @Test func twitchesWithinTheGapFormOneEpisode() {
        let events = [0.0, 30, 80, 200, 210].map { Self.twitch($0) }
        let episodes = EpisodeBuilder(settings: AnalysisSettings(episodeGapSeconds: 60)).episodes(from: events)
        #expect(episodes.count == 2)
        #expect(episodes[0].eventCount == 3 && episodes[0].start == 0 && episodes[0].end == 80.02)
        #expect(episodes[1].eventCount == 2)
    }

    @Test func anIsolatedTwitchIsNoEpisodeByDefault() {
        let episodes = EpisodeBuilder(settings: AnalysisSettings()).episodes(from: [Self.twitch(5)])
        #expect(episodes.isEmpty)
    }

    @Test func everyCrampIsAnEpisodeAndChannelsAreSeparate() {
        let cramp = DetectedEvent(kind: .cramp, channel: "b", start: 10, end: 40, peak: 1,
                                  peakTime: 20, snr: 30, reason: "test")
        let events = [Self.twitch(0, "a"), Self.twitch(1, "b"), Self.twitch(2, "a"), cramp]
        let episodes = EpisodeBuilder(settings: AnalysisSettings()).episodes(from: events)
        #expect(episodes.map(\.kind) == [.twitch, .cramp])
        #expect(episodes[0].channel == "a")
    }

    /// The incremental tracker (streaming) and the batch builder agree.
    @Test(arguments: [1, 2, 3])
    func trackerAgreesWithBuilder(minTwitches: Int) {
        var s = SyntheticSignal(rate: 1, seconds: 1, noise: 1)
        var t = 0.0
        var events: [DetectedEvent] = []
        for _ in 0..<200 {
            t += -log(max(s.uniform(), 1e-9)) * 40
            events.append(Self.twitch(t, s.uniform() < 0.5 ? "a" : "b"))
        }
        let settings = AnalysisSettings(episodeGapSeconds: 60, episodeMinTwitches: minTwitches)
        var tracker = EpisodeTracker(settings: settings)
        var closed: [Episode] = []
        for e in events {
            tracker.advance(to: e.start, closed: &closed)
            tracker.add(e, closed: &closed)
        }
        tracker.finish(closed: &closed)
        let batch = EpisodeBuilder(settings: settings).episodes(from: events)
        let sorted = closed.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
        #expect(sorted == batch)
    }

    @Test func recurrenceStatistics() {
        let events = [0.0, 10, 200, 215].map { Self.twitch($0) }
        let episodes = EpisodeBuilder(settings: AnalysisSettings()).episodes(from: events)
        let summary = ChannelSummary(channel: "a", events: events, episodes: episodes, durationSeconds: 3600)
        #expect(summary.twitchCount == 4)
        #expect(abs(summary.twitchRatePerMinute - 4.0 / 60) < 1e-12)
        #expect(summary.twitchEpisodeCount == 2)
        #expect(summary.episodesPerHour == 2)
        #expect(abs(summary.intervalBetweenEpisodes.median - (200 - 10.02)) < 1e-9)
    }
}
