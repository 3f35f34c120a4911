/// The matching rules of `Evaluator` (documented once, reported with every evaluation).
///
/// - **twitch**: a detection matches a true twitch when it overlaps the true interval widened by
///   `twitchToleranceSeconds` on both sides (±100 ms: human raters and peers report agreement with
///   such windows; a doublet is one true event, so one detection covers it).
/// - **cramp**: intersection over union ≥ `crampMinIoU` (0.5) — a cramp must be found as one
///   sustained event of about the right extent, not as a fragment.
/// - **activity**, **artifact**: any overlap (closed intervals): these are context for the
///   twitch and cramp scores, and their exact extent is not a target.
/// - **episodes** (twitch and cramp): IoU ≥ `episodeMinIoU` (0.5).
///
/// Matching is one-to-one within each kind and channel, greedy by best overlap: every pair that
/// meets the rule is scored (seconds of overlap with the true interval for twitches — the
/// ±100 ms widening decides eligibility only —, IoU for cramps and episodes, overlap for
/// activity and artifacts), pairs are taken best first (ties: the
/// smaller onset difference, then the earlier true event), and a pair is skipped when either side
/// is already taken. Greedy best-first is what people do by eye and, with events on one channel
/// at least 0.3 s apart, it equals the optimal assignment in all but contrived cases.
public struct EvaluationRules: Sendable, Equatable, Codable {
    public var twitchToleranceSeconds: Double
    public var crampMinIoU: Double
    public var episodeMinIoU: Double
    /// Twitches at or above this true SNR (peak / background RMS) have their own recall.
    public var strongTwitchSNR: Double

    public init(twitchToleranceSeconds: Double = 0.1, crampMinIoU: Double = 0.5,
                episodeMinIoU: Double = 0.5, strongTwitchSNR: Double = 5) {
        self.twitchToleranceSeconds = twitchToleranceSeconds
        self.crampMinIoU = crampMinIoU
        self.episodeMinIoU = episodeMinIoU
        self.strongTwitchSNR = strongTwitchSNR
    }
}
