/// Recurrence statistics, advisory flags and the settings used for one recording.
public struct AnalysisSummary: Sendable, Equatable, Codable {
    public var channels: [ChannelSummary]
    public var flags: [AdvisoryFlag]
    /// Mains frequency found in the spectrum and removed (50 or 60), or `nil` when none was found.
    public var mainsHz: Double?
    /// How many input warnings there were (the first ones are listed in `warnings`).
    public var warningCount: Int
    public var warnings: [InputWarning]
    public var settings: AnalysisSettings

    public init(channels: [ChannelSummary], flags: [AdvisoryFlag], mainsHz: Double?,
                warningCount: Int, warnings: [InputWarning], settings: AnalysisSettings) {
        self.channels = channels
        self.flags = flags
        self.mainsHz = mainsHz
        self.warningCount = warningCount
        self.warnings = warnings
        self.settings = settings
    }
}

/// Per-channel counts and recurrence statistics.
public struct ChannelSummary: Sendable, Equatable, Codable {
    public var channel: String
    public var twitchCount: Int
    /// Twitches per minute over the whole recording.
    public var twitchRatePerMinute: Double
    public var crampCount: Int
    /// Total seconds spent in cramps.
    public var crampSeconds: Double
    public var activityCount: Int
    public var artifactCount: Int
    /// Twitch episodes (clusters) on this channel.
    public var twitchEpisodeCount: Int
    /// Twitch and cramp episodes per hour of recording.
    public var episodesPerHour: Double
    /// Episode durations, seconds (twitch and cramp episodes together).
    public var episodeDuration: Statistics
    /// Time from the end of one episode to the start of the next, seconds.
    public var intervalBetweenEpisodes: Statistics
    /// Durations of twitch episodes alone, seconds (a cramp's seconds and a bout's minutes are
    /// different things; `episodeDuration` keeps both for compatibility).
    public var twitchEpisodeDuration: Statistics?
    /// Durations of cramps alone, seconds.
    public var crampDuration: Statistics?
    /// Whether the recording is long enough for its rates to mean something
    /// (`ReferenceRate.minimumObservationSeconds`); reports print no rate when it is not.
    public var ratesMeaningful: Bool?
    /// The muscle under the channel (`--muscle`, a BIDS channels.tsv, or a recognised label),
    /// which decides the healthy reference rate shown beside it.
    public var muscle: String?

    public init(channel: String, twitchCount: Int, twitchRatePerMinute: Double, crampCount: Int,
                crampSeconds: Double, activityCount: Int, artifactCount: Int,
                twitchEpisodeCount: Int, episodesPerHour: Double, episodeDuration: Statistics,
                intervalBetweenEpisodes: Statistics) {
        self.channel = channel
        self.twitchCount = twitchCount
        self.twitchRatePerMinute = twitchRatePerMinute
        self.crampCount = crampCount
        self.crampSeconds = crampSeconds
        self.activityCount = activityCount
        self.artifactCount = artifactCount
        self.twitchEpisodeCount = twitchEpisodeCount
        self.episodesPerHour = episodesPerHour
        self.episodeDuration = episodeDuration
        self.intervalBetweenEpisodes = intervalBetweenEpisodes
    }
}

/// Count, mean, median, minimum and maximum of a set of values (all 0 when `count == 0`).
public struct Statistics: Sendable, Equatable, Codable {
    public var count: Int
    public var mean: Double
    public var median: Double
    public var min: Double
    public var max: Double

    public init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else { mean = 0; median = 0; min = 0; max = 0; return }
        let sorted = values.sorted()
        mean = sorted.reduce(0, +) / Double(sorted.count)
        let mid = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        min = sorted.first!
        max = sorted.last!
    }
}

/// A fact about the recording that medical guidance says is worth showing to a doctor.
///
/// Flags describe the recording, with the rule and threshold used; they are not a diagnosis.
public struct AdvisoryFlag: Sendable, Equatable, Codable {
    /// Machine-readable code, e.g. `"long-twitch-episode"`.
    public var code: String
    /// The observation, as a plain sentence.
    public var message: String
    /// The rule that raised the flag, with its threshold.
    public var rule: String

    public init(code: String, message: String, rule: String) {
        self.code = code
        self.message = message
        self.rule = rule
    }
}
