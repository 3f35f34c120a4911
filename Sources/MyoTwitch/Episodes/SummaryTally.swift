/// The summary of a recording (per-channel counts, recurrence statistics, advisory flags) built
/// as events and episodes are handed out, so that a live stream need not keep its events: it
/// keeps a few numbers per cramp and per episode, and nothing per twitch once judged.
///
/// Gives the same summary as `ChannelSummary(channel:events:episodes:durationSeconds:)` and
/// `AdvisoryRules.flags` over the full lists. Events may arrive out of start order across
/// channels (a long event is handed out when it ends); the one rule that looks back across
/// events, `twitching-without-exercise`, therefore judges a twitch only once `settle(before:)`
/// says no activity can still arrive that starts before it.
struct SummaryTally {
    let rules: AdvisoryRules
    private var channels: [String: ChannelTally] = [:]
    private var longEpisodes = AdvisoryRules.LongEpisodes()
    private var twitchesPerChannel: [String: Int] = [:]
    private var crampStarts: [Double] = []
    private var twitchCount = 0
    private var unexplained = AdvisoryRules.UnexplainedTwitches()
    /// Start times of twitches old enough to be judged that an activity may still explain.
    private var unjudged: [Double] = []
    /// Activities that may still explain a twitch: start and end, seconds.
    private var activities: [(start: Double, end: Double)] = []

    init(rules: AdvisoryRules) {
        self.rules = rules
    }

    mutating func add(_ event: DetectedEvent) {
        channels[event.channel, default: ChannelTally()].add(event)
        switch event.kind {
        case .twitch:
            twitchCount += 1
            twitchesPerChannel[event.channel, default: 0] += 1
            if event.start >= rules.judgedAfterSeconds { unjudged.append(event.start) }
        case .cramp:
            crampStarts.append(event.start)
        case .activity:
            activities.append((event.start, event.end))
        case .artifact:
            break
        }
    }

    mutating func add(_ episode: Episode) {
        channels[episode.channel, default: ChannelTally()].add(episode)
        longEpisodes.add(episode, limit: rules.settings.longEpisodeSeconds)
    }

    /// No event still to come starts before `time` (seconds): judges the twitches before it and
    /// forgets the activities that can explain no later twitch.
    mutating func settle(before time: Double) {
        guard !unjudged.isEmpty || !activities.isEmpty else { return }
        var waiting: [Double] = []
        for start in unjudged {
            guard start < time else { waiting.append(start); continue }
            let explained = activities.contains {
                rules.explains(activityStart: $0.start, activityEnd: $0.end, twitchStart: start)
            }
            if !explained { unexplained.add(start: start, window: rules.exerciseLookbackSeconds) }
        }
        unjudged = waiting
        // A twitch yet to be judged starts at `time` or later, so it is at least that much
        // later than an activity that ended more than the look-back before `time`.
        let oldest = waiting.min().map { Swift.min($0, time) } ?? time
        activities.removeAll { $0.end < oldest - rules.exerciseLookbackSeconds }
    }

    /// The summary of `channelNames` over a recording of `durationSeconds`; judges every twitch.
    mutating func finish(channelNames: [String], durationSeconds: Double)
        -> (channels: [ChannelSummary], flags: [AdvisoryFlag]) {
        settle(before: .infinity)
        let summaries = channelNames.map {
            ChannelSummary(channel: $0, tally: channels[$0] ?? ChannelTally(),
                           durationSeconds: durationSeconds)
        }
        let flags = [rules.longEpisode(longEpisodes),
                     rules.multipleSites(twitchesPerChannel: twitchesPerChannel),
                     rules.withoutExercise(unexplained, twitchCount: twitchCount),
                     rules.repeatedCramps(starts: crampStarts)].compactMap { $0 }
        return (summaries, flags)
    }
}
