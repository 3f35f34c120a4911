/// What an `AnalysisSession` hands out while it runs, in order.
public enum SessionOutput: Sendable, Equatable {
    /// A final event.
    case event(DetectedEvent)
    /// A closed episode.
    case episode(Episode)
    /// A survived input problem (skipped row, backwards timestamp, gap).
    case warning(InputWarning)
}
