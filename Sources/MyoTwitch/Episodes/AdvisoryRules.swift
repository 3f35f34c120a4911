/// The rules that raise advisory flags: patterns in a recording that medical guidance says are
/// worth showing to a doctor (DOMAIN.md). Each flag states what was seen, as a fact about the
/// recording, and carries the rule and threshold in `rule`. They are never a diagnosis.
///
/// | code | fires when | default |
/// |---|---|---|
/// | `long-twitch-episode` | a twitch episode lasts longer than `settings.longEpisodeSeconds` | 300 s |
/// | `multiple-sites` | twitches are found on at least `minimumSites` channels | 2 |
/// | `twitching-without-exercise` | a twitch has no `activity` event in the `exerciseLookbackSeconds` before it | 1800 s |
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
    /// Cramps that raise `repeated-cramps` when they start within `crampWindowSeconds`. Default 2.
    public var repeatedCramps: Int
    /// Window for `repeated-cramps`, seconds. Default 3600 s: after a cramp, susceptibility stays
    /// raised for at least 60 min (Muscle Nerve 2017).
    public var crampWindowSeconds: Double

    public init(settings: AnalysisSettings = AnalysisSettings(), minimumSites: Int = 2,
                exerciseLookbackSeconds: Double = 1800, repeatedCramps: Int = 2,
                crampWindowSeconds: Double = 3600) {
        self.settings = settings
        self.minimumSites = minimumSites
        self.exerciseLookbackSeconds = exerciseLookbackSeconds
        self.repeatedCramps = repeatedCramps
        self.crampWindowSeconds = crampWindowSeconds
    }

    /// The flags for a recording of `durationSeconds` with these events and episodes.
    public func flags(events: [DetectedEvent], episodes: [Episode],
                      durationSeconds: Double) -> [AdvisoryFlag] {
        [longEpisode(episodes), multipleSites(events), withoutExercise(events, durationSeconds),
         repeatedCramps(events)].compactMap { $0 }
    }

    func longEpisode(_ episodes: [Episode]) -> AdvisoryFlag? {
        let limit = settings.longEpisodeSeconds
        let long = episodes.filter { $0.kind == .twitch && $0.duration > limit }
        guard let longest = long.max(by: { ($0.duration, $1.start) < ($1.duration, $0.start) }) else { return nil }
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
        guard counts.count >= max(1, minimumSites) else { return nil }
        let listed = counts.keys.sorted().map { "\($0) (\(counts[$0]!))" }.joined(separator: ", ")
        return AdvisoryFlag(
            code: "multiple-sites",
            message: "Twitches were found on \(counts.count) channels: \(listed). If the channels "
                + "sit on different muscles, the twitching involved more than one area.",
            rule: "twitches on at least \(minimumSites) channels")
    }

    func withoutExercise(_ events: [DetectedEvent], _ durationSeconds: Double) -> AdvisoryFlag? {
        let window = exerciseLookbackSeconds
        let activity = events.filter { $0.kind == .activity }
        let twitches = events.filter { $0.kind == .twitch }
        // An activity counts when it began before the twitch and was still going on, or ended,
        // at most `window` seconds before it.
        let unexplained = twitches.filter { twitch in
            !activity.contains { $0.start <= twitch.start && $0.end >= twitch.start - window }
        }
        guard let first = unexplained.first else { return nil }
        let of = unexplained.count == twitches.count
            ? (twitches.count == 1 ? "the twitch" : "any of the \(twitches.count) twitches")
            : "\(unexplained.count) of the \(twitches.count) twitches"
        var message: String
        if durationSeconds < window {
            message = "No exercise or voluntary activity was seen before \(of). The recording "
                + "covers \(ReportText.duration(durationSeconds)), less than the "
                + "\(ReportText.minutes(window)) minutes the rule looks back, so only the recorded "
                + "time before each twitch could be checked."
        } else {
            message = "No exercise or voluntary activity was seen in the "
                + "\(ReportText.minutes(window)) minutes before \(of)."
            if first.start < window {
                message += " For twitches in the first \(ReportText.minutes(window)) minutes only "
                    + "the recorded time before them could be checked."
            }
        }
        return AdvisoryFlag(
            code: "twitching-without-exercise", message: message,
            rule: "a twitch with no activity event in the \(ReportText.fixed(window, 0)) s before "
                + "it (within the recording)")
    }

    func repeatedCramps(_ events: [DetectedEvent]) -> AdvisoryFlag? {
        let starts = events.filter { $0.kind == .cramp }.map(\.start).sorted()
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
