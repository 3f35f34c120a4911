extension ChannelDetector {
    /// Takes the QRS spans of subtracted beats (in order; known before their samples come).
    func noteSubtractedSpans(_ spans: [ClosedRange<Int>]) {
        subtractedSpans += spans
    }

    /// How long a subtracted span is kept after it ends, samples: long enough for a segment that
    /// began on it to end (`trimSubtractedBeat`).
    private var subtractedSpanMemory: Int { 2 * (maxTwitchLength + envelopeLength) }

    /// The first subtracted span an envelope at `n` or later can still cover (spans long past
    /// are dropped; `n` only grows).
    @inline(__always)
    private func currentSubtractedSpan(_ n: Int) -> ClosedRange<Int>? {
        guard !subtractedSpans.isEmpty else { return nil }
        var drop = 0
        while drop < subtractedSpans.count && subtractedSpans[drop].upperBound + subtractedSpanMemory < n { drop += 1 }
        if drop > 0 { subtractedSpans.removeFirst(drop) }
        return subtractedSpans.first { $0.upperBound + envelopeLength >= n }
    }

    /// Whether the envelope at `n` (the mean over the `envelopeLength` samples up to `n`) covers
    /// a subtracted QRS span.
    @inline(__always)
    func isTailExcluded(_ n: Int) -> Bool {
        guard let span = currentSubtractedSpan(n) else { return false }
        return n >= span.lowerBound && n <= span.upperBound + envelopeLength
    }

    /// Whether sample `n` lies on a subtracted beat's QRS span: a spike peaking there may be
    /// the subtraction's residue, which `HeartbeatGate` judges later; until then it arms no
    /// episode (on the emgGO tibialis recording such residues let the relaxed level pass a
    /// background potential).
    func isOnSubtractedBeat(_ n: Int) -> Bool {
        subtractedSpans.contains { $0.contains(n) }
    }

    /// Cuts a subtracted beat's span off a segment that begins (or ends) on it and runs on to a
    /// potential of its own beside it, when what is left is short: the potential is then judged
    /// alone, its peak and onset its own.
    ///
    /// What the subtraction of a beat leaves (its residue, on emgGO 5–18× the noise) keeps the
    /// envelope above the low threshold, so a twitch within ~0.1 s of a beat was one segment with
    /// it: too long for a twitch, and reported as a brief contraction (semi-synthetic, emgGO
    /// background: 9 potentials of 7–29 × the local noise lost as `short-burst`, each starting on
    /// a subtracted beat). The residue alone is `HeartbeatGate`'s to judge, so a segment whose
    /// remainder holds nothing above the detection threshold is left whole.
    func trimSubtractedBeat() {
        guard trimsSubtractedBeats, !subtractedSpans.isEmpty, current.length > maxTwitchLength + envelopeLength else { return }
        let oldest = index - ringMask
        var from = current.onset, to = current.end
        for span in subtractedSpans {
            if from >= span.lowerBound - envelopeLength && from <= span.upperBound + envelopeLength {
                from = span.upperBound + envelopeLength + 1
            }
            if to >= span.lowerBound - envelopeLength && to <= span.upperBound + envelopeLength {
                to = span.lowerBound - envelopeLength - 1
            }
        }
        guard from != current.onset || to != current.end, from - envelopeLength >= oldest,
              to - from + 1 >= envelopeLength, to - from + 1 <= maxTwitchLength + envelopeLength else { return }
        // The remainder must hold a detection of its own: an envelope above the threshold the
        // segment was found with.
        let high = thresholds(at: current.onset).high
        var sum = 0.0, largest = 0.0, peak = from, peakE = -1.0
        for j in (from - envelopeLength + 1)...to {
            let e = energyRing[j & ringMask]
            sum += e
            if j - envelopeLength >= from - envelopeLength + 1 { sum -= energyRing[(j - envelopeLength) & ringMask] }
            if j >= from {
                largest = max(largest, sum / Double(envelopeLength))
                if e > peakE { peakE = e; peak = j }
            }
        }
        guard largest > high * high else { return }
        current.onset = from
        current.end = to
        current.peakIndex = peak
        peakEnergy = peakE
    }
}
