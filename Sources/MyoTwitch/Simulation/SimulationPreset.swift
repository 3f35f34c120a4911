/// A named mix of phenomena and how densely they occur (`myotwitch simulate --scenario`).
public enum SimulationPreset: String, Sendable, Codable, CaseIterable {
    /// Everything: isolated twitches and doublets, twitch episodes, cramps, exercise and voluntary
    /// contractions, every nuisance.
    case mixed
    /// A resting muscle: rare isolated twitches (about 0.5 per minute, below the healthy 3/min),
    /// artifacts, mains and baseline wander; no cramps, episodes or voluntary activity. False
    /// twitches per hour are measured on these.
    case rest
    /// Dense exercise: rhythmic bursts and voluntary contractions (walking and gross movement on
    /// accelerometers), some twitches, artifacts.
    case exercise
    /// Frequent cramps with twitches between them, artifacts.
    case cramps
    /// Dense twitch episodes (bouts at 5–60/min) with isolated twitches and doublets, artifacts.
    case twitchEpisodes = "twitch-episodes"

    /// The phenomena this preset includes.
    public var phenomena: SimulationPhenomena {
        let nuisances: SimulationPhenomena = [.motionArtifacts, .electrodePops, .spikes, .clipping,
                                              .baselineWander, .crosstalk]
        switch self {
        case .mixed: return .all
        case .rest: return nuisances.union([.isolatedTwitches])
        case .exercise: return nuisances.union([.isolatedTwitches, .exercise, .voluntary, .movement])
        case .cramps: return nuisances.union([.isolatedTwitches, .doublets, .cramps])
        case .twitchEpisodes: return nuisances.union([.isolatedTwitches, .doublets, .twitchEpisodes])
        }
    }

    /// Occurrences per minute of each planned phenomenon (per channel), tuned so that a
    /// 10-minute recording holds a few of every kind the preset includes.
    var density: SimulationDensity {
        switch self {
        case .mixed:
            SimulationDensity(isolatedTwitches: 1.5, twitchEpisodes: 0.15, cramps: 0.12,
                              exerciseBlocks: 0.08, voluntary: 0.3, movement: 0.3, artifacts: 1.5)
        case .rest:
            SimulationDensity(isolatedTwitches: 0.5, twitchEpisodes: 0, cramps: 0,
                              exerciseBlocks: 0, voluntary: 0, movement: 0, artifacts: 2)
        case .exercise:
            SimulationDensity(isolatedTwitches: 0.5, twitchEpisodes: 0, cramps: 0,
                              exerciseBlocks: 0.3, voluntary: 1, movement: 1, artifacts: 1.5)
        case .cramps:
            SimulationDensity(isolatedTwitches: 1, twitchEpisodes: 0, cramps: 0.5,
                              exerciseBlocks: 0, voluntary: 0, movement: 0, artifacts: 1)
        case .twitchEpisodes:
            SimulationDensity(isolatedTwitches: 1, twitchEpisodes: 0.4, cramps: 0,
                              exerciseBlocks: 0, voluntary: 0, movement: 0, artifacts: 1)
        }
    }
}

/// Occurrences per minute per channel; an included phenomenon with a non-zero density occurs at
/// least once in a recording of a minute or more.
struct SimulationDensity: Sendable {
    var isolatedTwitches: Double
    var twitchEpisodes: Double
    var cramps: Double
    var exerciseBlocks: Double
    var voluntary: Double
    var movement: Double
    var artifacts: Double
}
