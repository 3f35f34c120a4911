/// The shape of one twitch's potential in the conditioned EMG signal, the measures
/// fasciculation studies report (DOMAIN.md: needle potentials 12.6 ± 4.4 ms, 3.3 ± 1.1 phases;
/// benign ones smaller, shorter, with fewer phases).
public struct PotentialShape: Sendable, Equatable, Codable {
    /// Maximum minus minimum of the potential, in the event's `peakUnit`.
    public var peakToPeak: Double
    /// From the first to the last sample outside the noise band (3 × the local noise RMS)
    /// within the ±100 ms window around the peak, milliseconds.
    public var durationMs: Double
    /// Baseline crossings within the duration plus one (a crossing counts only when the signal
    /// swings outside the noise band on both sides of it).
    public var phases: Int
    /// Changes of direction within the duration whose swing exceeds the noise band.
    public var turns: Int
    /// The putative motor unit (`MorphologySummary.units[].id`) the potential was assigned to.
    public var unit: Int?

    public init(peakToPeak: Double, durationMs: Double, phases: Int, turns: Int, unit: Int? = nil) {
        self.peakToPeak = peakToPeak
        self.durationMs = durationMs
        self.phases = phases
        self.turns = turns
        self.unit = unit
    }
}
