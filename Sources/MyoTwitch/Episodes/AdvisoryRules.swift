/// The rules that raise advisory flags: patterns in a recording that medical guidance says are
/// worth showing to a doctor (DOMAIN.md). Each flag states what was seen, as a fact about the
/// recording, and carries the rule and threshold in `rule`. They are never a diagnosis.
///
/// | code | fires when | default |
/// |---|---|---|
/// | `long-twitch-episode` | a twitch episode lasts longer than `settings.longEpisodeSeconds` | 300 s |
/// | `multiple-sites` | twitches are found on at least `minimumSites` channels | 2 |
/// | `twitching-without-exercise` | a twitch with at least `minimumLookbackSeconds` recorded before it has no `activity` event in the `exerciseLookbackSeconds` before it | 1800 s (300 s recorded) |
/// | `repeated-cramps` | at least `repeatedCramps` cramps start within `crampWindowSeconds` | 2 in 3600 s |
///
/// Flags come in the order of the table, at most one per code.
public struct AdvisoryRules: Sendable {
    public var settings: AnalysisSettings
    /// Channels with twitches that raise `multiple-sites`. Default 2: guidance names twitching
    /// that "affects more than one area of the body".
    public var minimumSites: Int
    /// How far back (seconds) an `activity` event counts as exercise before a twitch. Default
    /// 1800 s: twitches after exercise are common while muscles recover; half an hour covers the
    /// usual post-exercise period.
    public var exerciseLookbackSeconds: Double
    /// Recorded time a twitch needs before it to be judged by `twitching-without-exercise`.
    /// Default 300 s: with less, the recording cannot tell whether exercise came just before it
    /// started, and "none was seen in the 20 s before" is no fact worth a flag. When the
    /// recording covers less than `exerciseLookbackSeconds` before a twitch, the flag says how
    /// much it covers. Values above `exerciseLookbackSeconds` act as `exerciseLookbackSeconds`.
    public var minimumLookbackSeconds: Double
    /// Cramps that raise `repeated-cramps` when they start within `crampWindowSeconds`. Default 2.
    public var repeatedCramps: Int
    /// Window for `repeated-cramps`, seconds. Default 3600 s: after a cramp, susceptibility stays
    /// raised for at least 60 min (Muscle Nerve 2017).
    public var crampWindowSeconds: Double

    public init(settings: AnalysisSettings = AnalysisSettings(), minimumSites: Int = 2,
                exerciseLookbackSeconds: Double = 1800, minimumLookbackSeconds: Double = 300,
                repeatedCramps: Int = 2, crampWindowSeconds: Double = 3600) {
        self.settings = settings
        self.minimumSites = minimumSites
        self.exerciseLookbackSeconds = exerciseLookbackSeconds
        self.minimumLookbackSeconds = minimumLookbackSeconds
        self.repeatedCramps = repeatedCramps
        self.crampWindowSeconds = crampWindowSeconds
    }

    /// The flags for a recording of `durationSeconds` with these events and episodes.
    ///
    /// Times are seconds from the first sample, so the recorded time before an event is its
    /// start time; `durationSeconds` is not needed by the current rules and kept so that callers
    /// need not change when a rule comes to depend on it.
    public func flags(events: [DetectedEvent], episodes: [Episode],
                      durationSeconds: Double) -> [AdvisoryFlag] {
        [longEpisode(episodes), multipleSites(events), withoutExercise(events),
         repeatedCramps(events)].compactMap { $0 }
    }

    func longEpisode(_ episodes: [Episode]) -> AdvisoryFlag? {
        var long = LongEpisodes()
        for episode in episodes { long.add(episode, limit: settings.longEpisodeSeconds) }
        return longEpisode(long)
    }

    /// Twitch episodes longer than the limit: how many, and the longest (the earliest of equals).
    struct LongEpisodes {
        var count = 0
        var longest: Episode?

        mutating func add(_ episode: Episode, limit: Double) {
            guard episode.kind == .twitch && episode.duration > limit else { return }
            count += 1
            if let l = longest, !((l.duration, episode.start) < (episode.duration, l.start)) { return }
            longest = episode
        }
    }

    func longEpisode(_ long: LongEpisodes) -> AdvisoryFlag? {
        let limit = settings.longEpisodeSeconds
        guard let longest = long.longest else { return nil }
        let which = long.count == 1 ? "One twitch episode" : "\(long.count) twitch episodes"
        return AdvisoryFlag(
            code: "long-twitch-episode",
            message: "\(which) lasted longer than \(ReportText.minutes(limit)) min; the longest "
                + "lasted \(ReportText.duration(longest.duration)) on \(longest.channel), from "
                + "\(ReportText.clock(longest.start)) to \(ReportText.clock(longest.end)) "
                + "(\(longest.eventCount) twitches).",
            rule: "a twitch episode lasts longer than \(ReportText.fixed(limit, 0)) s "
                + "(longEpisodeSeconds)")
    }

    func multipleSites(_ events: [DetectedEvent]) -> AdvisoryFlag? {
        var counts: [String: Int] = [:]
        for event in events where event.kind == .twitch { counts[event.channel, default: 0] += 1 }
        return multipleSites(twitchesPerChannel: counts)
    }

    /// `twitchesPerChannel` lists only channels with at least one twitch.
    func multipleSites(twitchesPerChannel counts: [String: Int]) -> AdvisoryFlag? {
        guard counts.count >= max(1, minimumSites) else { return nil }
        let listed = counts.keys.sorted().map { "\($0) (\(counts[$0]!))" }.joined(separator: ", ")
        return AdvisoryFlag(
            code: "multiple-sites",
            message: "Twitches were found on \(counts.count) channels: \(listed). If the channels "
                + "sit on different muscles, the twitching involved more than one area.",
            rule: "twitches on at least \(minimumSites) channels")
    }

    /// Recorded time a twitch needs before it to be judged by `twitching-without-exercise`.
    var judgedAfterSeconds: Double { min(max(0, minimumLookbackSeconds), exerciseLookbackSeconds) }

    /// Whether an activity from `activityStart` to `activityEnd` counts as exercise before a
    /// twitch at `twitchStart`: it began before the twitch and was still going on, or ended, at
    /// most `exerciseLookbackSeconds` before it.
    func explains(activityStart: Double, activityEnd: Double, twitchStart: Double) -> Bool {
        activityStart <= twitchStart && activityEnd >= twitchStart - exerciseLookbackSeconds
    }

    /// The twitches no activity explains: how many, how many with the whole look-back window
    /// recorded before them, and the first and last start times (seconds).
    struct UnexplainedTwitches {
        var count = 0
        var full = 0
        var firstFull: Double?
        var first: Double?
        var last: Double?

        mutating func add(start: Double, window: Double) {
            count += 1
            if start >= window {
                full += 1
                firstFull = Swift.min(firstFull ?? start, start)
            }
            first = Swift.min(first ?? start, start)
            last = Swift.max(last ?? start, start)
        }
    }

    func withoutExercise(_ events: [DetectedEvent]) -> AdvisoryFlag? {
        let needed = judgedAfterSeconds
        let activity = events.filter { $0.kind == .activity }
        let twitches = events.filter { $0.kind == .twitch }
        // Twitches too early in the recording to look back `needed` seconds are not judged.
        var unexplained = UnexplainedTwitches()
        for twitch in twitches where twitch.start >= needed
            && !activity.contains(where: { explains(activityStart: $0.start, activityEnd: $0.end, twitchStart: twitch.start) }) {
            unexplained.add(start: twitch.start, window: exerciseLookbackSeconds)
        }
        return withoutExercise(unexplained, twitchCount: twitches.count)
    }

    func withoutExercise(_ unexplained: UnexplainedTwitches, twitchCount: Int) -> AdvisoryFlag? {
        let window = exerciseLookbackSeconds
        let needed = judgedAfterSeconds
        guard let first = unexplained.first, let last = unexplained.last else { return nil }
        let partial = unexplained.count - unexplained.full
        func of(_ n: Int) -> String {
            n == twitchCount
                ? (n == 1 ? "the twitch" : "any of the \(n) twitches")
                : "\(n) of the \(twitchCount) twitches"
        }
        var message: String
        if let firstFull = unexplained.firstFull {
            message = "No exercise or voluntary activity was seen in the "
                + "\(ReportText.minutes(window)) minutes before \(of(unexplained.full)) "
                + "(\(unexplained.full == 1 ? "at" : "the first at") \(ReportText.clock(firstFull)))."
            if partial > 0 {
                message += " Before \(ReportText.count(partial, "earlier twitch", "earlier twitches"))"
                    + " the recording covers less than \(ReportText.minutes(window)) minutes "
                    + "(\(ReportText.duration(first)) at the shortest), and none was seen there either."
            }
        } else {
            // Every unexplained twitch came less than `window` into the recording: state the
            // span that was checked instead of claiming the whole window.
            let covered = first == last
                ? ReportText.duration(first)
                : "\(ReportText.duration(first)) to \(ReportText.duration(last))"
            message = "No exercise or voluntary activity was seen in the recorded time before "
                + "\(of(unexplained.count)): \(covered), less than the "
                + "\(ReportText.minutes(window)) minutes the rule looks back, so exercise before "
                + "the recording started cannot be ruled out."
        }
        return AdvisoryFlag(
            code: "twitching-without-exercise", message: message,
            rule: "a twitch with no activity event in the \(ReportText.fixed(window, 0)) s before "
                + "it (within the recording; twitches with less than \(ReportText.fixed(needed, 0)) s "
                + "recorded before them are not judged)")
    }

    func repeatedCramps(_ events: [DetectedEvent]) -> AdvisoryFlag? {
        repeatedCramps(starts: events.filter { $0.kind == .cramp }.map(\.start))
    }

    /// `starts`: the start times of every cramp, seconds, in any order.
    func repeatedCramps(starts unsorted: [Double]) -> AdvisoryFlag? {
        let starts = unsorted.sorted()
        let needed = max(2, repeatedCramps)
        // The densest window: most cramp starts within `crampWindowSeconds` of the first.
        var best = (count: 0, first: 0.0, last: 0.0)
        var lower = 0
        for upper in starts.indices {
            while starts[upper] - starts[lower] > crampWindowSeconds { lower += 1 }
            let n = upper - lower + 1
            if n > best.count { best = (n, starts[lower], starts[upper]) }
        }
        guard best.count >= needed else { return nil }
        return AdvisoryFlag(
            code: "repeated-cramps",
            message: "\(best.count) cramps started within \(ReportText.minutes(crampWindowSeconds)) "
                + "minutes: between \(ReportText.clock(best.first)) and \(ReportText.clock(best.last)) "
                + "(\(starts.count) cramps in the whole recording).",
            rule: "at least \(needed) cramps start within \(ReportText.fixed(crampWindowSeconds, 0)) s")
    }
}
