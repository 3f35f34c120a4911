/// Tells a fasciculation from a voluntary unit at the edge of a contraction: a spike within
/// `window` samples of a sustained event on the same channel (before its onset or after its end)
/// is `activity` (`recruitment`), not a twitch.
///
/// When a contraction starts, its first motor units are recruited one by one and fire
/// separately and repetitively (6–35 Hz) before the interference pattern builds up; when it ends,
/// the last ones are derecruited the same way. Each of those discharges looks like an isolated
/// potential to the spike detector, and the slow detector sees the contraction only once enough
/// units fire. A fasciculation is a spontaneous discharge of a muscle at rest. `window` (the
/// profile's `recruitmentWindowSeconds`): about a second, six discharges of the slowest unit.
///
/// Twitch candidates are held until no sustained event can still start within `window` after
/// them (the detector's earliest pending onset has passed), which delays twitch reports by about
/// `window`; everything else passes at once. Candidates arrive per channel in the order the
/// classifier hands them out.
struct RecruitmentGate {
    typealias Candidate = EventClassifier.Candidate
    /// Samples either side of a sustained event within which a spike is recruitment; 0: off.
    let window: Int
    private var held: [Candidate] = []
    /// Spans (onset, end) of the sustained events seen lately.
    private var bursts: [(onset: Int, end: Int)] = []

    init(window: Int) {
        self.window = window
    }

    private static func isContraction(_ c: Candidate) -> Bool {
        c.kind == .cramp || (c.kind == .activity && c.reason != "movement")
    }

    /// Takes a classified candidate; returns what is final now.
    mutating func take(_ c: Candidate) -> [Candidate] {
        guard window > 0 else { return [c] }
        if Self.isContraction(c) {
            let span = c.contextSpan
            if bursts.last.map({ $0.onset == span.lowerBound && $0.end == span.upperBound }) != true {
                bursts.append((span.lowerBound, span.upperBound))
            }
            var released = [c]
            // Spikes held before this contraction's onset are decided now if they are near it.
            held = held.filter { spike in
                guard span.lowerBound - spike.end <= window && spike.onset - span.upperBound <= window else { return true }
                released.append(Self.recruitment(spike))
                return false
            }
            return released
        }
        guard c.kind == .twitch else { return [c] }
        if bursts.contains(where: { c.onset - $0.end <= window && $0.onset - c.end <= window }) {
            return [Self.recruitment(c)]
        }
        held.append(c)
        return []
    }

    /// Releases held twitches once no contraction can start within `window` after them:
    /// `pending` is the earliest sample an undecided event of the detector may start at.
    mutating func advance(pending: Int) -> [Candidate] {
        bursts.removeAll { pending - $0.end > 2 * window }
        guard !held.isEmpty else { return [] }
        var released: [Candidate] = []
        held = held.filter { spike in
            guard pending - spike.end > window else { return true }
            released.append(spike)
            return false
        }
        return released
    }

    /// End of input (or a gap in the time axis): nothing more can come.
    mutating func flush() -> [Candidate] {
        defer { held.removeAll(); bursts.removeAll() }
        return held
    }

    var earliestHeldOnset: Int? { held.map(\.onset).min() }

    private static func recruitment(_ c: Candidate) -> Candidate {
        var a = c
        a.note(.nearContraction)
        return a
    }
}
