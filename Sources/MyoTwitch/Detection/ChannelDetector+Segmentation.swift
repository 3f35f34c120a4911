/// The spike detector's segmentation, one sample at a time: hysteresis between the high and low
/// thresholds (either envelope may start a segment), segments merged across `mergeGap`, short
/// ones refined, and the confirmed spikes that arm the episode mode.
extension ChannelDetector {
    /// The segmentation state machine, one sample.
    @inline(__always)
    func step(n: Int, tick: Bool, envelope: Double, short: Double, e: Double, q: Double, clipped: Bool,
                      finished: inout [SegmentGroup]) {
        guard n >= settledAt, level.isPrimed else {
            // Without a seed (input ended or jumped before the first seconds were complete), the
            // floor learns from the settled signal itself before anything is detected.
            if n >= settledAt && tick {
                level.offer(envelope, quiet: true)
                tail.add(envelope)
                if shortLength > 0 { shortTail.add(short) }
            }
            lastQuietIndex = n
            return
        }
        let (high, low, noise) = thresholds(at: n)
        // Inside a segment nothing compares the trigger envelope with its level.
        let shortHigh = shortLength > 0 && phase != .active ? shortThreshold(at: n) : .infinity
        if tick {
            // Everything outside segments counts as quiet: gating at the low threshold would cut
            // the distribution's upper tail and shrink the spread, lowering thresholds in a spiral.
            level.offer(envelope, quiet: phase == .idle && envelope <= high)
            // The tail learns from brief excursions only: noise spikes last a few milliseconds
            // and barely move the slow envelope, while a contraction, an ECG beat or a movement
            // lifts it; those are events, and a tail that learnt them would stop seeing
            // anything their size.
            let slowEnergy = max(0, slowSum / Double(burstLength))
            let quietScale = profile.tailSlowGate * level.median
            if phase == .idle && envelope <= high && short <= shortHigh && slowEnergy <= quietScale * quietScale
                && !isTailExcluded(n) {
                tail.add(envelope)
                if shortLength > 0 { shortTail.add(short) }
            }
            if phase == .idle && envelope <= high {
                motionQuietMean = motionQuietMean < 0 ? q : motionQuietMean + motionSmoothing * (q - motionQuietMean)
            }
        }
        switch phase {
        case .idle:
            if envelope > high || short > shortHigh {
                phase = .active
                current = Segment(onset: max(lastQuietIndex + 1, n - envelopeLength), end: n,
                                  peakIndex: n, peakAmplitude: 0, bandEnergy: 0, motionEnergy: 0,
                                  clippedSamples: 0, singleSample: false, noiseLevel: noise,
                                  motionBaseline: max(0, motionQuietMean))
                peakEnergy = -1
                accumulate(n: n, e: e, q: q, clipped: clipped)
            } else {
                if envelope <= low { lastQuietIndex = n }
                closeGroupIfDue(at: n, finished: &finished)
            }
        case .active:
            accumulate(n: n, e: e, q: q, clipped: clipped)
            if envelope < low {
                phase = .closing
                current.end = max(current.onset, n - envelopeLength)
                closeDeadline = n + mergeGap
            }
        case .closing:
            accumulate(n: n, e: e, q: q, clipped: clipped)
            if envelope > high || short > shortHigh {
                phase = .active
            } else if n >= closeDeadline {
                finishSegment(finished: &finished)
                lastQuietIndex = n
            }
        }
    }

    @inline(__always)
    private func accumulate(n: Int, e: Double, q: Double, clipped: Bool) {
        current.bandEnergy += e
        current.motionEnergy += q
        current.energySamples += 1
        if clipped { current.clippedSamples += 1 }
        if e > peakEnergy {
            peakEnergy = e
            current.peakIndex = n
        }
    }

    private func finishSegment(finished: inout [SegmentGroup]) {
        phase = .idle
        trimSubtractedBeat()
        current.peakAmplitude = max(0, peakEnergy).squareRoot()
        if current.length <= maxTwitchLength + envelopeLength || isMultiplet() {
            refineShortSegment()
            // Only confirmed spikes arm the episode mode: above the strict level and standing out
            // from their surroundings. A relaxed detection arming it again would let one false
            // alarm hold the relaxed level open indefinitely; nor does a spike on a subtracted
            // beat (`isOnSubtractedBeat`). A spike during a slow activation waits for it: a strong
            // twitch lifts the slow envelope past its threshold itself (at 2 kHz a potential of
            // 5 × the noise does), and only a burst of its own (`minBurstSeconds`) makes it part
            // of a contraction.
            if current.clippedSamples == 0 && !current.singleSample && !isOnSubtractedBeat(current.peakIndex)
                && current.standsOut && current.isAboveStrictLevel(strictThreshold, short: shortStrictThreshold) {
                if slowActive { spikesAwaitingSlowEnd.append(current.end) } else { confirmSpike(endingAt: current.end) }
            }
        }
        add(current, finished: &finished)
    }

    /// Whether the segment, too long for one potential, is a multiplet
    /// (`profile.maxMultipletSeconds`): two to four potentials (runs of band energy at or above
    /// the refinement's limit, bridging a potential's own zero crossings of < 4 ms) with the
    /// energy below that limit for at least half of its span. It is then refined as a short
    /// segment: sharpened to its largest potential, the others joined as its multiplet, its
    /// onset at the first (`refineShortSegment`).
    func isMultiplet() -> Bool {
        let longest = profile.maxMultipletSeconds > 0 ? Int(profile.maxMultipletSeconds * sampleRate) + envelopeLength : 0
        guard current.length <= longest, current.onset > index - ringMask, current.end >= current.onset else { return false }
        let noise = current.noiseLevel * current.noiseLevel
        let limit = max(0.01 * peakEnergy, 6.25 * noise), strong = max(0.1 * peakEnergy, 25 * noise)
        let bridge = max(1, Int(0.004 * sampleRate))
        var (quiet, potentials, sinceRun, runPeak) = (0, 0, bridge + 1, 0.0)
        for i in current.onset...current.end {
            let e = energyRing[i & ringMask]
            if e >= limit {
                if sinceRun > bridge { runPeak = 0 }
                if runPeak < strong && e >= strong { potentials += 1 }
                runPeak = max(runPeak, e)
                sinceRun = 0
            } else {
                quiet += 1
                sinceRun += 1
            }
        }
        return potentials >= 2 && potentials <= 4 && 2 * quiet >= current.length
    }

    /// Counts a confirmed spike for the episode mode.
    func confirmSpike(endingAt end: Int) {
        (previousSpikeEnd, lastSpikeEnd) = (lastSpikeEnd, end)
    }

    /// Ends whatever is open (end of input or a gap): the segment in progress and its group.
    func flush(finished: inout [SegmentGroup]) {
        if slowActive { endSlowSegment(at: index - 1 - burstLength / 2, finished: &finished) }
        if phase != .idle {
            if phase == .active { current.end = max(current.onset, index - 1 - envelopeLength / 2) }
            finishSegment(finished: &finished)
        }
        if !group.isEmpty { closeGroup(last: index - 1, finished: &finished) }
        lastQuietIndex = index - 1
    }

    /// The earliest sample index an event still to come from this detector can start at.
    var earliestPendingOnset: Int {
        var earliest = max(0, index - envelopeLength - maxTwitchLength - burstLength)
        if !group.isEmpty { earliest = min(earliest, group.onset) }
        // Refinement can move a short segment's onset back by up to an envelope window
        // (`refineShortSegment`): one the trigger envelope started begins where the long
        // envelope was still quiet.
        if phase != .idle { earliest = min(earliest, current.onset - envelopeLength) }
        if slowActive { earliest = min(earliest, slowSegment.onset) }
        return earliest
    }
}
