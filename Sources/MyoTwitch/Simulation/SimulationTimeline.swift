/// The labelled intervals of one channel while they are being planned, kept sorted and apart.
///
/// Spacing rules (the ground truth's promise to the evaluator):
/// - events of different kinds, and any two cramps or artifacts, are at least 1 s apart;
/// - twitches are at least 0.3 s apart (a doublet is one event, so its discharges may be closer);
/// - `activity` bursts of one exercise block are at least 0.2 s apart, the real pause between
///   strokes (exercise at 1.5 Hz leaves no room for 1 s).
/// Checking the two neighbours of a new interval is enough: every required gap is ≤ 1 s and each
/// neighbour already keeps its own gap to the intervals beyond it.
struct SimulationTimeline {
    struct Slot {
        var start: Double
        var end: Double
        var kind: EventKind
    }

    /// Recording length in seconds; intervals stay inside [margin, duration − margin].
    let duration: Double
    /// Labelled events keep this far from the recording's ends (seconds), so that filters
    /// settling at the edges do not decide the score.
    let margin = 0.5
    private(set) var slots: [Slot] = []

    init(duration: Double) {
        self.duration = duration
    }

    static func requiredGap(_ a: EventKind, _ b: EventKind) -> Double {
        switch (a, b) {
        case (.twitch, .twitch): 0.3
        case (.activity, .activity): 0.2
        default: 1.0
        }
    }

    /// Whether [start, end] of `kind` fits without breaking a spacing rule.
    func fits(start: Double, end: Double, kind: EventKind) -> Bool {
        guard start >= margin, end <= duration - margin, end >= start else { return false }
        let index = insertionIndex(start)
        if index > 0 {
            let before = slots[index - 1]
            if start - before.end < Self.requiredGap(before.kind, kind) { return false }
        }
        if index < slots.count {
            let after = slots[index]
            if after.start - end < Self.requiredGap(after.kind, kind) { return false }
        }
        return true
    }

    /// Adds the interval if it fits; returns whether it was added.
    @discardableResult
    mutating func place(start: Double, end: Double, kind: EventKind) -> Bool {
        guard fits(start: start, end: end, kind: kind) else { return false }
        slots.insert(Slot(start: start, end: end, kind: kind), at: insertionIndex(start))
        return true
    }

    /// Tries random starts for an interval of `length` seconds until one fits (at most
    /// `attempts`); returns the start placed, or `nil`.
    mutating func placeAnywhere(length: Double, kind: EventKind, random: inout SimulationRandom,
                                attempts: Int = 60) -> Double? {
        let latest = duration - margin - length
        guard latest > margin else { return nil }
        for _ in 0..<attempts {
            let start = random.uniform(margin, latest)
            if place(start: start, end: start + length, kind: kind) { return start }
        }
        return nil
    }

    private func insertionIndex(_ start: Double) -> Int {
        var low = 0, high = slots.count
        while low < high {
            let mid = (low + high) / 2
            if slots[mid].start < start { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
