/// Where twitch detection goes wrong: confusions with cramps, false twitches by context, recall
/// of clearly visible twitches.
public struct TwitchDiagnostics: Sendable, Equatable, Codable {
    /// True twitches not found as twitches but covered (±tolerance) by a detected cramp.
    public var twitchesReportedAsCramp: Int
    /// True cramps not found as cramps but with at least one detected twitch inside.
    public var crampsReportedAsTwitches: Int
    /// Unmatched detected twitches inside a true cramp.
    public var falseTwitchesInCramps: Int
    /// All unmatched detected twitches.
    public var falseTwitches: Int
    /// Unmatched detected twitches overlapping (±tolerance) a true `artifact` interval.
    public var falseTwitchesOnArtifacts: Int
    /// Unmatched detected twitches overlapping (±tolerance) a true `activity` interval.
    public var falseTwitchesOnActivity: Int
    /// Recording time evaluated, seconds (the truth's duration).
    public var durationSeconds: Double
    /// True twitches with SNR ≥ the rules' `strongTwitchSNR`, and how many of them were matched.
    public var strongTwitches: Int
    public var strongTwitchesFound: Int

    public init(twitchesReportedAsCramp: Int = 0, crampsReportedAsTwitches: Int = 0,
                falseTwitchesInCramps: Int = 0, falseTwitches: Int = 0, falseTwitchesOnArtifacts: Int = 0,
                falseTwitchesOnActivity: Int = 0, durationSeconds: Double = 0, strongTwitches: Int = 0,
                strongTwitchesFound: Int = 0) {
        self.twitchesReportedAsCramp = twitchesReportedAsCramp
        self.crampsReportedAsTwitches = crampsReportedAsTwitches
        self.falseTwitchesInCramps = falseTwitchesInCramps
        self.falseTwitches = falseTwitches
        self.falseTwitchesOnArtifacts = falseTwitchesOnArtifacts
        self.falseTwitchesOnActivity = falseTwitchesOnActivity
        self.durationSeconds = durationSeconds
        self.strongTwitches = strongTwitches
        self.strongTwitchesFound = strongTwitchesFound
    }

    /// False twitches per hour of recording; `nil` for an empty recording.
    public var falseTwitchesPerHour: Double? {
        durationSeconds > 0 ? Double(falseTwitches) / (durationSeconds / 3600) : nil
    }

    /// Recall over true twitches with SNR ≥ the threshold; `nil` when there were none.
    public var strongTwitchRecall: Double? {
        strongTwitches > 0 ? Double(strongTwitchesFound) / Double(strongTwitches) : nil
    }

    /// Counts and durations summed.
    public static func + (a: Self, b: Self) -> Self {
        Self(twitchesReportedAsCramp: a.twitchesReportedAsCramp + b.twitchesReportedAsCramp,
             crampsReportedAsTwitches: a.crampsReportedAsTwitches + b.crampsReportedAsTwitches,
             falseTwitchesInCramps: a.falseTwitchesInCramps + b.falseTwitchesInCramps,
             falseTwitches: a.falseTwitches + b.falseTwitches,
             falseTwitchesOnArtifacts: a.falseTwitchesOnArtifacts + b.falseTwitchesOnArtifacts,
             falseTwitchesOnActivity: a.falseTwitchesOnActivity + b.falseTwitchesOnActivity,
             durationSeconds: a.durationSeconds + b.durationSeconds,
             strongTwitches: a.strongTwitches + b.strongTwitches,
             strongTwitchesFound: a.strongTwitchesFound + b.strongTwitchesFound)
    }

    enum CodingKeys: String, CodingKey {
        case twitchesReportedAsCramp, crampsReportedAsTwitches, falseTwitchesInCramps, falseTwitches,
             falseTwitchesPerHour, falseTwitchesOnArtifacts, falseTwitchesOnActivity, durationSeconds,
             strongTwitches, strongTwitchesFound, strongTwitchRecall
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(twitchesReportedAsCramp: try c.decode(Int.self, forKey: .twitchesReportedAsCramp),
                  crampsReportedAsTwitches: try c.decode(Int.self, forKey: .crampsReportedAsTwitches),
                  falseTwitchesInCramps: try c.decode(Int.self, forKey: .falseTwitchesInCramps),
                  falseTwitches: try c.decode(Int.self, forKey: .falseTwitches),
                  falseTwitchesOnArtifacts: try c.decode(Int.self, forKey: .falseTwitchesOnArtifacts),
                  falseTwitchesOnActivity: try c.decode(Int.self, forKey: .falseTwitchesOnActivity),
                  durationSeconds: try c.decode(Double.self, forKey: .durationSeconds),
                  strongTwitches: try c.decode(Int.self, forKey: .strongTwitches),
                  strongTwitchesFound: try c.decode(Int.self, forKey: .strongTwitchesFound))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(twitchesReportedAsCramp, forKey: .twitchesReportedAsCramp)
        try c.encode(crampsReportedAsTwitches, forKey: .crampsReportedAsTwitches)
        try c.encode(falseTwitchesInCramps, forKey: .falseTwitchesInCramps)
        try c.encode(falseTwitches, forKey: .falseTwitches)
        try c.encode(falseTwitchesPerHour, forKey: .falseTwitchesPerHour)
        try c.encode(falseTwitchesOnArtifacts, forKey: .falseTwitchesOnArtifacts)
        try c.encode(falseTwitchesOnActivity, forKey: .falseTwitchesOnActivity)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(strongTwitches, forKey: .strongTwitches)
        try c.encode(strongTwitchesFound, forKey: .strongTwitchesFound)
        try c.encode(strongTwitchRecall, forKey: .strongTwitchRecall)
    }
}
