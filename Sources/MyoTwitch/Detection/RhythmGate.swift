/// Tells exercise from cramps by recurrence: three or more bursts on one channel, each starting
/// within `gap` samples of the previous one's end, are a rhythm (exercise, `activity`); a
/// sustained burst that starts no such chain is a cramp.
///
/// Cramps recur over tens of minutes; exercise bursts every few seconds. A cramp candidate is
/// therefore held until `gap` has passed after it without the chain growing to three, which
/// delays cramp reports by at most `gap` (twitches, artifacts and short activity pass at once).
struct RhythmGate {
    typealias Candidate = EventClassifier.Candidate
    /// Bursts closer than this (samples) continue a chain.
    let gap: Int
    /// Chain length from which bursts are exercise.
    static let rhythmLength = 3

    private var chainLength = 0
    private var chainEnd = Int.min
    private var held: [Candidate] = []

    init(gap: Int) {
        self.gap = gap
    }

    private static func isBurst(_ c: Candidate) -> Bool {
        c.kind == .cramp || (c.kind == .activity && c.reason != "movement")
    }

    /// Takes a classified candidate (in onset order per channel); returns what is final now.
    mutating func take(_ c: Candidate) -> [Candidate] {
        guard Self.isBurst(c) else { return [c] }
        var released: [Candidate] = []
        if chainLength > 0 && c.onset - chainEnd <= gap {
            chainLength += 1
        } else {
            released += releaseHeld()
            chainLength = 1
        }
        chainEnd = max(chainEnd, c.end)
        if chainLength >= Self.rhythmLength {
            // A rhythm: everything held in it, and this burst, is exercise.
            released += held.map(Self.asRhythm)
            held.removeAll()
            released.append(c.kind == .cramp ? Self.asRhythm(c) : c)
        } else if c.kind == .cramp {
            held.append(c)
        } else {
            released.append(c)
        }
        return released
    }

    /// Releases held cramps once `index` (samples processed) shows the chain can no longer grow.
    mutating func advance(to index: Int) -> [Candidate] {
        guard !held.isEmpty, index - chainEnd > gap else { return [] }
        chainLength = 0
        return releaseHeld()
    }

    /// End of input (or a gap in the time axis): held cramps are cramps.
    mutating func flush() -> [Candidate] {
        chainLength = 0
        chainEnd = Int.min
        return releaseHeld()
    }

    /// The earliest onset among held candidates.
    var earliestHeldOnset: Int? { held.first?.onset }

    private mutating func releaseHeld() -> [Candidate] {
        defer { held.removeAll() }
        return held
    }

    private static func asRhythm(_ c: Candidate) -> Candidate {
        var c = c
        c.kind = .activity
        c.reason = "rhythmic-bursts"
        return c
    }
}
