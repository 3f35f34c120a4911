import Testing
@testable import MyoTwitch

@Suite struct AdvisoryRulesTests {
    typealias F = ReportFixtures
    let rules = AdvisoryRules()

    func codes(_ events: [DetectedEvent], duration: Double = 7200) -> [String] {
        let episodes = EpisodeBuilder(settings: AnalysisSettings()).episodes(from: events)
        return rules.flags(events: events, episodes: episodes, durationSeconds: duration).map(\.code)
    }

    /// Twitches every 30 s from 0 to `span` (one episode of length `span` + 0.015 s), after
    /// exercise so that only the episode rule can fire.
    func episode(span: Double) -> [DetectedEvent] {
        [F.event(.activity, "a", 0, 10)] + stride(from: 10.0, through: 10 + span, by: 30).map { F.event(.twitch, "a", $0) }
    }

    @Test(arguments: [(270.0, false), (300.0, true), (600.0, true)])
    func longTwitchEpisodeFiresAboveTheLimit(span: Double, fires: Bool) {
        // An episode of span s lasts span + 0.015 s: 300 s of twitches is just over 5 min.
        #expect(codes(episode(span: span)).contains("long-twitch-episode") == fires)
    }

    @Test func longEpisodeExactlyAtTheLimitDoesNotFire() {
        let episode = Episode(kind: .twitch, channel: "a", start: 0, end: 300, eventCount: 20, ratePerMinute: 4)
        #expect(rules.longEpisode([episode]) == nil)
        var longer = episode
        longer.end = 300.5
        let flag = rules.longEpisode([episode, longer])
        #expect(flag?.rule.contains("300 s") == true)
        #expect(flag?.message.contains("One twitch episode") == true)
        let cramp = Episode(kind: .cramp, channel: "a", start: 0, end: 900, eventCount: 1, ratePerMinute: 0)
        #expect(rules.longEpisode([cramp]) == nil, "cramps are not twitch episodes")
    }

    @Test(arguments: [(["a"], false), (["a", "a"], false), (["a", "b"], true), (["a", "b", "c"], true)])
    func multipleSitesNeedsTwoChannelsWithTwitches(channels: [String], fires: Bool) {
        let events = channels.enumerated().map { F.event(.twitch, $1, Double($0) * 5 + 1) }
        let flag = rules.multipleSites(events)
        #expect((flag != nil) == fires)
        if let flag { #expect(flag.rule == "twitches on at least 2 channels") }
    }

    @Test func crampsOnTwoChannelsAreNotMultipleTwitchSites() {
        #expect(rules.multipleSites([F.event(.cramp, "a", 1, 9), F.event(.cramp, "b", 20, 30)]) == nil)
    }

    @Test(arguments: [
        (1800.0, false),  // activity ended exactly 30 min before: still seen
        (1800.5, true),   // half a second more: not seen
        (0.0, false),     // activity right before
    ])
    func exerciseLookbackBoundary(secondsBetween: Double, fires: Bool) {
        let twitchAt = 4000.0
        let events = [F.event(.activity, "a", twitchAt - secondsBetween - 60, twitchAt - secondsBetween),
                      F.event(.twitch, "a", twitchAt)]
        #expect((rules.withoutExercise(events) != nil) == fires)
    }

    @Test func activityStillGoingOnCountsAndActivityAfterDoesNot() {
        let during = [F.event(.activity, "b", 100, 500), F.event(.twitch, "a", 300)]
        #expect(rules.withoutExercise(during) == nil)
        let after = [F.event(.twitch, "a", 300), F.event(.activity, "b", 301, 400)]
        #expect(rules.withoutExercise(after) != nil)
    }

    @Test(arguments: [(299.9, false), (300.0, true), (450.0, true)])
    func twitchesNeedFiveRecordedMinutesBeforeThemToBeJudged(at: Double, fires: Bool) {
        #expect((rules.withoutExercise([F.event(.twitch, "a", at)]) != nil) == fires)
    }

    @Test func withoutExerciseStatesTheCoveredSpanWhenTheRecordingIsShorterThanTheLookback() throws {
        let one = try #require(rules.withoutExercise([F.event(.twitch, "a", 60), F.event(.twitch, "a", 400)]))
        #expect(one.message == "No exercise or voluntary activity was seen in the recorded time before 1 of the 2 twitches: 6.7 min, less than the 30 minutes the rule looks back, so exercise before the recording started cannot be ruled out.")
        #expect(one.rule == "a twitch with no activity event in the 1800 s before it (within the recording; twitches with less than 300 s recorded before them are not judged)")
        let span = try #require(rules.withoutExercise([F.event(.twitch, "a", 400), F.event(.twitch, "a", 900)]))
        #expect(span.message.contains("before any of the 2 twitches: 6.7 min to 15.0 min, less than the 30 minutes"))
    }

    @Test func withoutExerciseCountsTheUnexplainedTwitchesOfALongRecording() throws {
        let events = [F.event(.twitch, "a", 2000), F.event(.activity, "a", 2500, 2600), F.event(.twitch, "a", 3000)]
        let flag = try #require(rules.withoutExercise(events))
        #expect(flag.message == "No exercise or voluntary activity was seen in the 30 minutes before 1 of the 2 twitches (at 33:20).")
    }

    @Test func earlyTwitchesAreReportedWithTheirShorterLookback() throws {
        // Twitches at 10 min and 40 min, no activity: the first is checked over 10 min only.
        let events = [F.event(.twitch, "a", 600), F.event(.twitch, "b", 2400)]
        let flag = try #require(rules.withoutExercise(events))
        #expect(flag.message == "No exercise or voluntary activity was seen in the 30 minutes before 1 of the 2 twitches (at 40:00). Before 1 earlier twitch the recording covers less than 30 minutes (10.0 min at the shortest), and none was seen there either.")
    }

    @Test(arguments: [(3600.0, true), (3600.5, false), (10.0, true)])
    func repeatedCrampsWithinAnHour(apart: Double, fires: Bool) {
        let events = [F.event(.cramp, "a", 100, 110), F.event(.cramp, "b", 100 + apart, 110 + apart)]
        let flag = rules.repeatedCramps(events)
        #expect((flag != nil) == fires)
        if let flag { #expect(flag.rule == "at least 2 cramps start within 3600 s") }
    }

    @Test func oneCrampIsNoRepetitionAndTheDensestHourIsReported() throws {
        #expect(rules.repeatedCramps([F.event(.cramp, "a", 5, 20)]) == nil)
        let events = [0.0, 5000, 5100, 5200].map { F.event(.cramp, "a", $0, $0 + 10) }
        let flag = try #require(rules.repeatedCramps(events))
        #expect(flag.message.hasPrefix("3 cramps started within 60 minutes"))
        #expect(flag.message.contains("(4 cramps in the whole recording)"))
    }

    @Test func flagsComeInTableOrderAndNoFlagsForAQuietRecording() {
        #expect(codes([]) == [])
        var events = episode(span: 400).map { var e = $0; e.start += 100; e.end += 100; return e }
        events += [F.event(.twitch, "b", 3000), F.event(.cramp, "a", 3100, 3110), F.event(.cramp, "a", 3200, 3210)]
        #expect(codes(events) == ["long-twitch-episode", "multiple-sites", "twitching-without-exercise", "repeated-cramps"])
    }

    @Test func thresholdsComeFromTheSettings() {
        let strict = AdvisoryRules(settings: AnalysisSettings(longEpisodeSeconds: 60), minimumSites: 3,
                                   exerciseLookbackSeconds: 600, repeatedCramps: 3, crampWindowSeconds: 120)
        let episode = Episode(kind: .twitch, channel: "a", start: 0, end: 61, eventCount: 5, ratePerMinute: 5)
        #expect(strict.longEpisode([episode])?.rule == "a twitch episode lasts longer than 60 s (longEpisodeSeconds)")
        #expect(strict.multipleSites([F.event(.twitch, "a", 1), F.event(.twitch, "b", 2)]) == nil)
        let cramps = [0.0, 60, 120].map { F.event(.cramp, "a", $0, $0 + 5) }
        #expect(strict.repeatedCramps(Array(cramps.prefix(2))) == nil)
        #expect(strict.repeatedCramps(cramps) != nil)
    }
}
