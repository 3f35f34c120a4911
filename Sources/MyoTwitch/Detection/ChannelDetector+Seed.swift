extension ChannelDetector {

    /// Seeds the quiet level from the first seconds (`columns`: the detector's input columns), as
    /// the envelope would see them, before detection starts.
    ///
    /// Only the warm-up's quiet blocks enter. The lower-tail estimate of `RobustLevel` tolerates
    /// activity in up to ~70 % of its values; a recording that starts with a strong contraction
    /// holds more (biosignalsnotebooks biceps fatigue: a 3 s burst in the first 4 s). Seeded from
    /// the burst, the level and the noise tail sat far above the noise, every later burst passed
    /// for quiet and entered the history, and the first 13 of 30 contractions (53 s) went
    /// unreported. Blocks are judged against the quietest of them, so a warm-up that is 80 %
    /// activity still seeds from its pauses; one that is all activity seeds from all of it, as before.
    ///
    /// `beats` (QRS spans, in order) are left out too: the canceller subtracts none of the first
    /// beats (it has no template yet), and seeded from them the noise tail sat high for the
    /// 20 s its history takes to renew (synthetic ECG: no potential of 10 × the noise found in the
    /// first 23 s).
    func seedLevel(columns: [[Double]], excluding beats: [ClosedRange<Int>] = []) {
        guard let count = columns.first?.count, count > 0 else { return }
        var probe = conditioner
        probe.prime(with: columns.map { $0[0] })
        reserve(count)
        withPointers(columns) { pointers in
            probe.process(columns: pointers, count: count, bandEnergy: bandEnergy,
                          motionEnergy: motionEnergy, scratch: scratch)
        }
        let quiet = quietBlocks(count: count)
        var sum = 0.0, values: [Double] = [], nextBeat = 0
        var shortSum = 0.0, shortValues: [Double] = []
        for i in 0..<count {
            sum += bandEnergy[i] - (i >= envelopeLength ? bandEnergy[i - envelopeLength] : 0)
            if shortLength > 0 { shortSum += bandEnergy[i] - (i >= shortLength ? bandEnergy[i - shortLength] : 0) }
            while nextBeat < beats.count && beats[nextBeat].upperBound < i - envelopeLength + 1 { nextBeat += 1 }
            let onBeat = nextBeat < beats.count && beats[nextBeat].lowerBound <= i
            if i >= seedStart && i % levelDecimation == 0 && quiet(i - envelopeLength + 1, i) && !onBeat {
                values.append(max(0, sum / Double(envelopeLength)).squareRoot())
                if shortLength > 0 { shortValues.append(max(0, shortSum / Double(shortLength)).squareRoot()) }
            }
        }
        if values.isEmpty { values.append(max(0, sum / Double(envelopeLength)).squareRoot()) }
        level.seed(with: values)
        // The start may hold activity: the tail is seeded from the values the lower-tail level
        // calls quiet (within 8 robust SDs), and learns the rest as quiet values come.
        let quietCap = level.median + 8 * max(level.spread, 0.05 * level.median)
        tail.seed(with: values.filter { $0 <= quietCap })
        if shortLength > 0 {
            shortTail.seed(with: zip(values, shortValues).filter { $0.0 <= quietCap }.map(\.1))
        }
        var slow = 0.0, slowValues: [Double] = []
        for i in 0..<count {
            slow += bandEnergy[i] - (i >= burstLength ? bandEnergy[i - burstLength] : 0)
            if i >= seedStart + burstLength && i % slowDecimation == 0 && quiet(i - burstLength + 1, i) {
                slowValues.append(max(0, slow / Double(burstLength)).squareRoot())
            }
        }
        if !slowValues.isEmpty { slowLevel.seed(with: slowValues) }
    }

    /// Which samples of the warm-up (`bandEnergy[0..<count]`) lie in quiet blocks: a test of
    /// whether samples `from...to` all do. Fewer than five settled blocks, or at least half of
    /// them quiet: everything counts as quiet (the seed is the lower-tail estimate of all).
    private func quietBlocks(count: Int) -> (Int, Int) -> Bool {
        let block = max(envelopeLength, Int(profile.seedBlockSeconds * sampleRate))
        let first = seedStart
        let blocks = (count - first) / block
        guard blocks >= 5 else { return { _, _ in true } }
        var means = [Double](repeating: 0, count: blocks)
        for b in 0..<blocks {
            var s = 0.0
            for i in (first + b * block)..<(first + (b + 1) * block) { s += bandEnergy[i] }
            means[b] = s / Double(block)
        }
        let reference = means.min() ?? 0
        let isQuiet = means.map { $0 <= profile.seedQuietEnergyFactor * reference }
        // With half the blocks or more quiet, the lower-tail estimate is right on all of them,
        // and the louder blocks tell the noise tail how the recording's background varies (on
        // 8-bit armbands at rest, low-level activity comes and goes).
        if 2 * isQuiet.filter({ $0 }).count >= blocks { return { _, _ in true } }
        return { from, to in
            // Samples before the first or after the last whole block take the nearest block's verdict.
            let a = min(blocks - 1, max(0, (from - first) / block))
            let b = min(blocks - 1, max(0, (to - first) / block))
            return (a...b).allSatisfy { isQuiet[$0] }
        }
    }
}
