/// What the analyzer hands out as soon as it is final.
public enum AnalyzerOutput: Sendable, Equatable {
    case event(DetectedEvent)
    /// An episode whose gap has passed (or that ended with the input).
    case episode(Episode)
}

/// Options of an analysis run that do not change its results.
public struct AnalyzerOptions: Sendable, Equatable {
    /// Keep a decimated envelope per channel for the HTML report. Off for live streams, where it
    /// would grow with the stream.
    public var collectTraces: Bool
    /// Seconds per trace point. 0.5 s keeps an hour at 7,200 points per channel.
    public var traceBinSeconds: Double

    /// Use more than one thread for one recording (reading beside analysing, channels side by
    /// side). Off when the caller already runs one recording per core (`analyze --jobs`), where
    /// extra threads per file would only compete.
    public var parallel: Bool

    /// Keep every event and episode for the final `AnalysisResult`. Off for live streams, which
    /// hand each one out as it becomes final: the result then carries the summary (built as they
    /// pass) with empty `events` and `episodes`, and memory does not grow with the events found.
    public var keepsEvents: Bool

    /// Take each neighbour's crosstalk out of an EMG channel before detecting on it (several EMG
    /// channels only; see `CrosstalkCanceller`). Off only to measure what it does.
    public var cancelsCrosstalk: Bool

    /// Subtract the ECG from each EMG column before detecting on it (see `HeartbeatCanceller`).
    /// Off only to measure what it does.
    public var cancelsHeartbeats: Bool

    public init(collectTraces: Bool = false, traceBinSeconds: Double = 0.5, parallel: Bool = true,
                keepsEvents: Bool = true, cancelsCrosstalk: Bool = true, cancelsHeartbeats: Bool = true) {
        self.cancelsCrosstalk = cancelsCrosstalk
        self.cancelsHeartbeats = cancelsHeartbeats
        self.collectTraces = collectTraces
        self.traceBinSeconds = traceBinSeconds
        self.parallel = parallel
        self.keepsEvents = keepsEvents
    }
}
