import Testing
@testable import MyoTwitch

/// The streaming summary (`SummaryTally`, which keeps nothing per twitch) equals the summary built
/// from the full event and episode lists, when events arrive as the analyzer hands them out: each
/// when it has ended, so out of start order across channels.
@Suite struct SummaryTallyTests {
    typealias F = ReportFixtures

    /// Random events on three channels over `duration` seconds: twitch trains, activity bouts,
    /// cramps and artifacts, with a deterministic generator.
    static func randomEvents(seed: UInt64, duration: Double) -> [DetectedEvent] {
        var rng = SimulationRandom(seed: seed)
        var events: [DetectedEvent] = []
        for channel in ["a", "b", "c"] {
            var t = rng.uniform(0, 20)
            while t < duration {
                let roll = rng.uniform(0, 1)
                let kind: EventKind = roll < 0.75 ? .twitch : roll < 0.85 ? .activity : roll < 0.93 ? .cramp : .artifact
                let length = kind == .twitch ? 0.015 : kind == .artifact ? 0.4 : rng.uniform(3, 90)
                events.append(F.event(kind, channel, t, t + length))
                // Bursts of twitches a few seconds apart, then quiet stretches of minutes.
                t += length + (rng.uniform(0, 1) < 0.8 ? rng.uniform(0.5, 12) : rng.uniform(60, 900))
            }
        }
        return events.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
    }

    static func rules(_ settings: AnalysisSettings) -> AdvisoryRules {
        // Short look-back windows so that twitches with and without activity before them mix.
        AdvisoryRules(settings: settings, exerciseLookbackSeconds: 240, minimumLookbackSeconds: 60,
                      repeatedCramps: 3, crampWindowSeconds: 1200)
    }

    @Test(arguments: [1, 2, 3, 42, 0xBEEF] as [UInt64])
    func tallyEqualsTheSummaryOfTheFullLists(seed: UInt64) {
        let settings = AnalysisSettings(longEpisodeSeconds: 60)
        let duration = 4 * 3600.0
        let events = Self.randomEvents(seed: seed, duration: duration)
        let episodes = EpisodeBuilder(settings: settings).episodes(from: events)
        let rules = Self.rules(settings)
        let channels = ["a", "b", "c", "unused"]

        var tally = SummaryTally(rules: rules)
        // Hand out events in order of end, as the analyzer does; after each, every event still to
        // come starts at or after the earliest start among them.
        let byEnd = events.sorted { ($0.end, $0.channel) < ($1.end, $1.channel) }
        var closedEpisodes = episodes.sorted { $0.end < $1.end }[...]
        for (k, event) in byEnd.enumerated() {
            tally.add(event)
            while let e = closedEpisodes.first, e.end <= event.end {
                tally.add(e)
                closedEpisodes.removeFirst()
            }
            let rest = byEnd[(k + 1)...]
            if k % 7 == 0, let earliest = rest.map(\.start).min() { tally.settle(before: earliest) }
        }
        for e in closedEpisodes { tally.add(e) }
        let (summaries, flags) = tally.finish(channelNames: channels, durationSeconds: duration)

        let expectedSummaries = channels.map {
            ChannelSummary(channel: $0, events: events, episodes: episodes, durationSeconds: duration)
        }
        let expectedFlags = rules.flags(events: events, episodes: episodes, durationSeconds: duration)
        #expect(summaries == expectedSummaries)
        #expect(flags == expectedFlags)
        // The random recordings exercise every rule across the seeds; this one at least one.
        #expect(!flags.isEmpty)
    }

    /// An activity handed out after a twitch it precedes (it ended later) still explains it.
    @Test func lateActivityStillExplainsAnEarlierTwitch() {
        let rules = AdvisoryRules(exerciseLookbackSeconds: 240, minimumLookbackSeconds: 60)
        var tally = SummaryTally(rules: rules)
        tally.add(F.event(.twitch, "b", 150))
        tally.settle(before: 100)  // the activity on "a", starting at 100, is still in progress
        tally.add(F.event(.activity, "a", 100, 200))
        let (_, flags) = tally.finish(channelNames: ["a", "b"], durationSeconds: 300)
        #expect(!flags.contains { $0.code == "twitching-without-exercise" })
    }
}
