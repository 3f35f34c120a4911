extension ChannelDetector {
    /// Sharpens onset and end of a short segment from the band energy (first and last sample above
    /// 10 % of the peak amplitude or 2.5 × the noise level) and checks the raw signal for a lone
    /// one-sample outlier.
    func refineShortSegment() {
        let oldest = index - ringMask
        let lo = max(oldest, current.onset - envelopeLength)
        let hi = min(index - 1, current.end + envelopeLength)
        // 10 % of the peak amplitude, but at least 2.5 × the noise level so noise cannot drag
        // the onset away.
        let limit = max(0.01 * peakEnergy, 6.25 * current.noiseLevel * current.noiseLevel)
        // A potential's phases cross zero, so its energy dips between them: walk outwards across
        // dips shorter than 4 ms.
        let bridge = max(1, Int(0.004 * sampleRate))
        var first = current.peakIndex, last = current.peakIndex
        var i = current.peakIndex
        while i > lo {
            i -= 1
            if energyRing[i & ringMask] >= limit { first = i } else if first - i > bridge { break }
        }
        i = current.peakIndex
        while i < hi {
            i += 1
            if energyRing[i & ringMask] >= limit { last = i } else if i - last > bridge { break }
        }
        current.onset = first
        current.end = max(first, last)
        // The energies of a short event are judged over the event itself (plus half an envelope
        // each side), not over the hysteresis tail: over 100 ms of tail, the slow motion signal's
        // own fluctuation would outweigh a 10 ms potential.
        let margin = envelopeLength / 2
        let a = max(oldest + 1, current.onset - margin), b = min(index - 1, current.end + margin)
        if b >= a {
            var band = 0.0, motion = 0.0
            for j in a...b {
                band += energyRing[j & ringMask]
                motion += motionRing[j & ringMask]
            }
            current.bandEnergy = band
            current.motionEnergy = motion
            current.energySamples = b - a + 1
        }
        let firstPotential = measureMultiplet(from: lo, to: hi, limit: limit)
        measureContrast(oldest: oldest)
        current.singleSample = OneSampleOutlier.isPresent(
            in: rawRing, mask: ringMask, around: current.peakIndex, span: max(8, envelopeLength * 2),
            oldest: oldest, next: index, strict: sampleRate < profile.singleSampleMinimumRate)
        // A multiplet is one twitch from its first potential on: when the largest potential came
        // later (a unit's second discharge can be the stronger), the onset moves back to the
        // first. Its energies and contrast stay those of the largest potential.
        if let firstPotential { current.onset = min(current.onset, firstPotential) }
    }

    /// The energy of a multiplet's later potentials beside the sharpened segment, within the
    /// hysteresis span (`from...to`) and `mergeGap` of it: runs of samples at or above `limit`
    /// whose peak reaches a third of the segment's amplitude and 5× the noise, with the signal
    /// back at the noise level (below `limit`) for at least half of the time between the segment
    /// and the farthest of them. A unit firing again 20–110 ms later is silent in between; the
    /// interference pattern of a brief contraction never is, so its energy stays the burst's.
    /// Returns the first sample of the earliest potential joined before the segment, if any.
    @discardableResult
    func measureMultiplet(from lo: Int, to hi: Int, limit: Double) -> Int? {
        current.multipletEnergy = 0
        let strong = max(0.1 * peakEnergy, 25 * current.noiseLevel * current.noiseLevel)
        /// The energy joined on one side, and how far out (samples from `start`) the farthest
        /// joined potential reaches.
        func side(_ start: Int, _ step: Int, _ bound: Int) -> (energy: Double, reach: Int) {
            var energy = 0.0, quiet = 0, reach = 0, run = 0.0, runPeak = 0.0
            var i = start, offset = 0
            while (step > 0 ? i <= bound : i >= bound) && offset <= mergeGap {
                let e = energyRing[i & ringMask]
                if e >= limit {
                    run += e
                    runPeak = max(runPeak, e)
                } else {
                    if runPeak >= strong { energy += run; reach = offset }
                    run = 0; runPeak = 0
                    quiet += 1
                }
                i += step; offset += 1
            }
            if runPeak >= strong { energy += run; reach = offset }
            // Silent for at least half of the stretch up to the farthest potential joined.
            return reach > 0 && 2 * min(quiet, reach) >= reach ? (energy, reach) : (0, 0)
        }
        let margin = envelopeLength / 2
        let before = current.onset - margin - 1
        let (later, _) = side(current.end + margin + 1, 1, hi)
        let (earlier, reach) = side(before, -1, lo)
        current.multipletEnergy = later + earlier
        // `reach` is one step past the earliest joined sample.
        return earlier > 0 ? before - (reach - 1) : nil
    }

    /// Measures how far a short segment stands above its own surroundings: its largest envelope
    /// value, and the RMS of the pass band over `profile.contextSeconds` before it and what has
    /// come since its end (both a guard of one envelope window away from it).
    ///
    /// A fasciculation is an isolated discharge: against the signal around it, it stands out as
    /// far as against the channel's quiet level. A potential of a unit firing repetitively in weak
    /// voluntary activity (6–35 Hz), or a noise excursion on a background that has just risen
    /// (tonic activity, a movement), does not: the mean energy around it includes its neighbours.
    /// The classifier compares the two with the same ratio the detector used to find it.
    func measureContrast(oldest: Int) {
        let length = envelopeLength
        var peakWindow = 0.0, sum = 0.0
        let from = max(oldest + 1, current.onset - length), to = min(index - 1, current.end + length)
        if to >= from {
            for j in from...to {
                sum += energyRing[j & ringMask]
                if j - length >= from { sum -= energyRing[(j - length) & ringMask] }
                if j - from + 1 >= length { peakWindow = max(peakWindow, sum) }
            }
            if to - from + 1 < length { peakWindow = sum }
        }
        current.peakEnvelope = max(0, peakWindow / Double(length)).squareRoot()
        (current.shortPeakEnvelope, current.shortContrastRatio) = shortContrast(from: from, to: to)
        // The surroundings as envelope windows (non-overlapping, `length` samples), before the
        // segment and after it; their level is the mean energy of all but the largest tenth, so
        // that one or two other twitches of a dense episode do not lift it, while the many
        // potentials of a unit firing at 6–35 Hz, or a background that rose, do.
        let context = Int(profile.contextSeconds * sampleRate)
        contextWindows.removeAll(keepingCapacity: true)
        func addWindows(from start: Int, to stop: Int) {
            var j = start
            while j + length <= stop {
                var e = 0.0
                for k in j..<(j + length) { e += energyRing[k & ringMask] }
                contextWindows.append(e / Double(length))
                j += length
            }
        }
        addWindows(from: max(oldest + 1, current.onset - length - context, 0), to: current.onset - length)
        addWindows(from: current.end + length, to: min(index, current.end + length + context))
        if contextWindows.count >= 5 {
            contextWindows.sort()
            let kept = contextWindows.count - contextWindows.count / 10
            current.localNoise = (contextWindows[0..<kept].reduce(0, +) / Double(kept)).squareRoot()
        } else {
            current.localNoise = 0
        }
        let (high, _, noise) = thresholds(at: current.onset)
        // The surroundings are measured as a trimmed mean energy, the quiet level as a median:
        // the ratio is taken against the same statistic of quiet signal, so that on steady noise
        // the check asks no more than the threshold did.
        current.contrastRatio = noise > 0 ? high / (noise * tail.trimmedPerMedian) : 0
        current.surroundRise = noise > 0 ? current.localNoise / (noise * tail.trimmedPerMedian) : 0
        if profile.trainFirings > 0 {
            current.precedingFirings = firings(of: current, forward: false, bound: oldest + 1, noise: noise)
            current.inTrain = current.precedingFirings >= profile.trainFirings
        }
    }

    /// Potentials of at least half `segment`'s envelope amplitude (and 3× the noise level) in a
    /// chain before it (or after it, `forward`) whose gaps are at most `profile.trainGapSeconds`,
    /// looking no further than sample `bound`: a voluntary unit firing at 5–35 Hz leaves such a
    /// chain, a fasciculation is isolated. Runs of windows above the level closer than 25 ms are
    /// one potential.
    func firings(of segment: Segment, forward: Bool, bound: Int, noise: Double) -> Int {
        let length = envelopeLength
        let limit = max(0.25 * segment.peakEnvelope * segment.peakEnvelope, 9 * noise * noise) * Double(length)
        let gap = Int(profile.trainGapSeconds * sampleRate)
        let separation = max(1, Int(0.025 * sampleRate))
        let step = forward ? 1 : -1
        // The window [j - length + 1, j] (backward) or [j, j + length - 1] (forward), its far
        // edge `j` moving away from the segment one sample at a time.
        var j = forward ? segment.end + 1 : segment.onset - length
        let far = { (j: Int) in forward ? j + length - 1 : j - length + 1 }
        guard forward ? far(j) <= bound : far(j) >= max(bound, 0) else { return 0 }
        var sum = 0.0
        for k in min(j, far(j))...max(j, far(j)) { sum += energyRing[k & ringMask] }
        var chainEdge = forward ? segment.end : segment.onset
        var count = 0, lastRunEdge = forward ? Int.min / 2 : Int.max / 2, inRun = false
        while true {
            let distance = abs(j - chainEdge)
            if sum >= limit {
                if !inRun {
                    if distance > gap { break }
                    if abs(j - lastRunEdge) > separation { count += 1 }
                    inRun = true
                }
                chainEdge = far(j)
            } else {
                if inRun { inRun = false; lastRunEdge = j }
                if distance > gap { break }
            }
            let next = far(j) + step
            guard forward ? next <= bound : next >= max(bound, 0) else { break }
            sum += energyRing[next & ringMask] - energyRing[j & ringMask]
            j += step
        }
        return count
    }

    /// Completes the train check of a closing group's short segments with the firings after
    /// each (up to `profile.groupGapSeconds` on, at most sample `last`): a segment is one of a
    /// train when its preceding and following firings together reach `profile.trainFirings`.
    func markTrains(in group: inout SegmentGroup, last: Int) {
        guard profile.trainFirings > 0 else { return }
        let reach = groupGap, oldest = index - ringMask
        for k in group.segments.indices where !group.segments[k].sustained && !group.segments[k].inTrain {
            let segment = group.segments[k]
            // A long group's early segments have left the ring: they keep what was seen before.
            guard segment.end + 1 > oldest else { continue }
            let following = firings(of: segment, forward: true, bound: min(last, segment.end + reach),
                                    noise: segment.noiseLevel)
            group.segments[k].inTrain = segment.precedingFirings + following >= profile.trainFirings
        }
    }
}
