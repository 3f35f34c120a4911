/// Makes simulated recordings with exact ground truth, for tests and for the evaluation set.
///
/// Deterministic: the simulator draws only from its own seeded generator (xoshiro256**), so the
/// same scenario gives the same samples, CSV bytes and truth on every machine and run.
public enum Simulator {
    /// The recording `scenario` describes. `path` becomes the truth's `source.path` (the CSV's
    /// path as the caller will write it).
    public static func generate(_ scenario: SimulationScenario, path: String = "simulated.csv")
        -> SimulatedRecording {
        var random = SimulationRandom(seed: scenario.seed)
        let signals: SimulatedSignals
        switch scenario.sensor {
        case .emg: signals = EMGSimulation.render(scenario, random: &random)
        case .accelerometer: signals = AccelerometerSimulation.render(scenario, random: &random)
        }
        let count = signals.samples.first?.count ?? 0
        let duration = Double(max(0, count - 1)) / scenario.sampleRateHz
        let events = signals.events.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
        let settings = AnalysisSettings()
        let episodes = EpisodeBuilder(settings: settings).episodes(from: events)
        let source = SourceInfo(
            path: path, sensor: scenario.sensor, sampleRateHz: scenario.sampleRateHz,
            channels: signals.channels, durationSeconds: duration, sampleCount: count,
            columns: signals.columns,
            units: [String?](repeating: scenario.unit.reportedName, count: signals.columns.count),
            dialect: "plain", timeAxis: "column:time (s)", gaps: [])
        let summary = AnalysisSummary(
            channels: signals.channels.map {
                ChannelSummary(channel: $0, events: events, episodes: episodes, durationSeconds: duration)
            },
            flags: [],
            mainsHz: scenario.sensor == .emg && scenario.mainsStrength > 0 ? scenario.mainsHz : nil,
            warningCount: 0, warnings: [], settings: settings)
        let truth = AnalysisResult(source: source, events: events, episodes: episodes, summary: summary)
        return SimulatedRecording(scenario: scenario, columns: signals.columns, samples: signals.samples,
                                  decimals: signals.decimals, truth: truth)
    }
}
