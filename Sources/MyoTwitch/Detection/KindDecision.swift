/// What an event's context says about it: found after the classifier has judged the event's own
/// signal, by the stages that see its surroundings — the heart rhythm (`HeartbeatGate`), the
/// contractions beside it on its channel (`RecruitmentGate`), the bursts before and after it
/// (`RhythmGate`) and the other channels (`CrosstalkFilter`). A finding is evidence, not a
/// verdict: `KindDecision` alone turns the classifier's verdict and the findings into the
/// event's kind and reason.
struct ContextFindings: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// On an ECG beat: a subtracted beat's residue, or a spike where the heart's rhythm puts the
    /// next beat and of a beat's size (`HeartbeatGate`).
    static let heartbeat = ContextFindings(rawValue: 1 << 0)
    /// Within the profile's recruitment window of a contraction on the same channel
    /// (`RecruitmentGate`).
    static let nearContraction = ContextFindings(rawValue: 1 << 1)
    /// One of at least three bursts of similar length in a chain on its channel (`RhythmGate`).
    static let repeatedContractions = ContextFindings(rawValue: 1 << 2)
    /// Other muscles hold sustained activity of their own over most of it (`CrosstalkFilter`).
    static let coContraction = ContextFindings(rawValue: 1 << 3)
    /// Its potential is an interference pattern: at least the profile's `multiUnitPhases`
    /// phases within the ±25 ms core that `PotentialMeasure` measures (the analyzer, from the
    /// morphology window).
    static let multiUnit = ContextFindings(rawValue: 1 << 4)
    /// Its surroundings on its channel had risen above the quiet level (by the crosstalk
    /// thresholds' `synergistRise`) while another channel's own contraction covered its peak
    /// (`CrosstalkFilter`).
    static let synergistActivity = ContextFindings(rawValue: 1 << 5)
}

/// The one place that decides an event's kind and reason: the classifier's verdict on the
/// event's own signal (`EventClassifier`, rules on shape, spectrum, clipping, motion and
/// duration), then the context rules below, in this order; the first that applies decides.
///
/// 1. A twitch on a heartbeat → `artifact` (`heartbeat`): an ECG beat that passed the
///    canceller, or what its subtraction left.
/// 2. A twitch near a contraction → `activity` (`recruitment`): a voluntary unit recruited or
///    derecruited at the contraction's edge fires separately and repetitively; a fasciculation is
///    a discharge of a muscle at rest.
/// 3. A twitch whose potential is several units → `activity` (`multi-unit`): one motor unit's
///    potential has 2–5 phases (DOMAIN.md: 3.3 ± 1.1 with a needle; surface potentials are
///    smoother), a doublet in the same 50 ms up to about 8; ten or more are the overlapping
///    potentials of many units, a brief voluntary contraction (a flick of the thumb).
/// 4. A twitch in a muscle taking part in another's contraction → `activity`
///    (`synergist-activity`): while another channel contracts, this channel's background has
///    risen (its power at least doubled), so this muscle is active with it — a synergist, or
///    the contraction's own potentials carried over — and a spike standing out there is one of
///    the active units. A fasciculation is judged in a muscle at rest; one in a muscle whose
///    background stays at its quiet level beside a distant contraction is still a twitch.
/// 5. A cramp among repeated contractions → `activity` (`repeated-contractions`): exercise and
///    tasks on cue repeat holds of a similar length; a cramp is one long hold.
/// 6. A cramp held with other muscles → `activity` (`co-contraction`): a cramp is involuntary
///    and local, a gesture recruits synergists together.
///
/// A finding that does not apply to the verdict (a heartbeat beside a cramp, say) changes
/// nothing. The gates record findings only where the kind decided so far lets them apply, so a
/// spike taken for a heartbeat is never also a recruitment.
enum KindDecision {
    static func decide(kind: EventKind, reason: String,
                       findings: ContextFindings) -> (kind: EventKind, reason: String) {
        guard !findings.isEmpty else { return (kind, reason) }
        switch kind {
        case .twitch:
            if findings.contains(.heartbeat) { return (.artifact, "heartbeat") }
            if findings.contains(.nearContraction) { return (.activity, "recruitment") }
            if findings.contains(.multiUnit) { return (.activity, "multi-unit") }
            if findings.contains(.synergistActivity) { return (.activity, "synergist-activity") }
        case .cramp:
            if findings.contains(.repeatedContractions) { return (.activity, "repeated-contractions") }
            if findings.contains(.coContraction) { return (.activity, "co-contraction") }
        case .activity, .artifact:
            break
        }
        return (kind, reason)
    }
}
