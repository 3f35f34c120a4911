/// Tells exercise from cramps by recurrence: a sustained burst is exercise (`activity`,
/// `repeated-contractions`) when at least two other bursts of similar length (within a factor of two)
/// lie in the same chain, a chain being bursts on one channel each starting within `gap` samples
/// of the previous one's end.
///
/// Cyclic exercise repeats bursts of about the same length every few seconds; a cramp is one long
/// hold, even when it strikes in the middle of exercise (exercise-associated cramps), so a 20 s
/// burst among 1 s exercise bursts stays a cramp. A cramp candidate is held until `gap` has passed
/// after its chain's last burst, which delays cramp reports by at most `gap` (twitches, artifacts
/// and short activity pass at once).
struct RhythmGate {
    typealias Candidate = EventClassifier.Candidate
    /// Bursts closer than this (samples) continue a chain.
    let gap: Int
    /// Bursts of similar length a cramp candidate needs around it to count as exercise
    /// (the profile's `similarBursts`).
    let similarBursts: Int

    /// Durations (samples) of the bursts in the current chain.
    private var chain: [Int] = []
    private var chainEnd = Int.min
    private var held: [Candidate] = []

    init(gap: Int, similarBursts: Int = DetectorProfile.emg.similarBursts) {
        self.gap = gap
        self.similarBursts = similarBursts
    }

    private static func isBurst(_ c: Candidate) -> Bool {
        c.kind == .cramp || (c.kind == .activity && c.reason != "movement")
    }

    /// Takes a classified candidate (in onset order per channel); returns what is final now.
    mutating func take(_ c: Candidate) -> [Candidate] {
        guard Self.isBurst(c) else { return [c] }
        var released: [Candidate] = []
        if !chain.isEmpty && c.onset - chainEnd > gap {
            released += settle()
        }
        chain.append(c.end - c.onset)
        chainEnd = max(chainEnd, c.end)
        if c.kind == .cramp { held.append(c) } else { released.append(c) }
        return released
    }

    /// Releases held candidates once the chain is over: `pending` is the earliest sample at which
    /// an undecided burst of the detector may start (a long burst still in progress continues the
    /// chain even when its start lies more than `gap` behind the samples processed).
    mutating func advance(pending: Int) -> [Candidate] {
        guard !held.isEmpty, pending - chainEnd > gap else { return [] }
        return settle()
    }

    /// End of input (or a gap in the time axis): the chain is over.
    mutating func flush() -> [Candidate] {
        settle()
    }

    /// The earliest onset among held candidates.
    var earliestHeldOnset: Int? { held.first?.onset }

    /// Decides every held cramp candidate against the finished chain.
    private mutating func settle() -> [Candidate] {
        defer {
            held.removeAll()
            chain.removeAll()
            chainEnd = Int.min
        }
        return held.map { c in
            let length = max(1, c.end - c.onset)
            let similar = chain.filter { $0 * 2 >= length && $0 <= 2 * length }.count - 1
            guard similar >= similarBursts else { return c }
            var rhythmic = c
            rhythmic.note(.repeatedContractions)
            return rhythmic
        }
    }
}
