extension ChannelDetector {
    /// The slow burst detector, one sample: sustained activity too weak or too dense for the
    /// spike detector's thresholds (a weak voluntary contraction, a cramp's slow recruitment).
    @inline(__always)
    func slowStep(n: Int, tick: Bool, e: Double, q: Double, clipped: Bool, finished: inout [SegmentGroup]) {
        guard n >= settledAt, slowLevel.isPrimed || !tick else { return }
        let slow = max(0, slowSum / Double(burstLength)).squareRoot()
        let (high, low) = slowThresholds
        if tick {
            slowLevel.offer(slow, quiet: !slowActive && phase == .idle && slow <= high)
        }
        guard slowLevel.isPrimed else { return }
        if !slowActive {
            if slow > high {
                slowActive = true
                slowSegment = Segment(onset: max(lastSlowQuietIndex + 1, n - burstLength), end: n,
                                      peakIndex: n, peakAmplitude: 0, bandEnergy: 0, motionEnergy: 0,
                                      clippedSamples: 0, singleSample: false, noiseLevel: level.median,
                                      motionBaseline: max(0, motionQuietMean), sustained: true)
                slowPeakEnergy = 0
                binSum = 0
                burstSpectrum.reset()
            } else if slow <= low {
                lastSlowQuietIndex = n
            }
        }
        guard slowActive else { return }
        slowSegment.bandEnergy += e
        slowSegment.motionEnergy += q
        slowSegment.energySamples += 1
        binSum += e
        if tick {
            if slowSegment.profile.count >= 4096 {
                slowSegment.profile = stride(from: 0, to: slowSegment.profile.count, by: 2).map { slowSegment.profile[$0] }
            }
            slowSegment.profile.append(profile.binnedBurstProfile
                                       ? max(0, binSum / Double(slowDecimation)).squareRoot() : slow)
            binSum = 0
        }
        if clipped { slowSegment.clippedSamples += 1 }
        if e > slowPeakEnergy { slowPeakEnergy = e; slowSegment.peakIndex = n }
        if slow < low {
            endSlowSegment(at: n - burstLength / 2, finished: &finished)
            lastSlowQuietIndex = n
        }
    }

    /// The slow detector's current thresholds (slow-envelope units).
    var slowThresholds: (high: Double, low: Double) {
        let center = slowLevel.median
        let spread = max(slowLevel.spread, 0.02 * center, 1e-300)
        // In robust SDs, and at least a third (a sixth) above the quiet level: the slow envelope's
        // spread is so small that SDs alone would flag mere changes of background noise.
        return (max(center + 8 * spread, 1.33 * center), max(center + 4 * spread, 1.15 * center))
    }

    func endSlowSegment(at end: Int, finished: inout [SegmentGroup]) {
        slowActive = false
        slowSegment.end = max(slowSegment.onset, end)
        slowSegment.peakAmplitude = slowPeakEnergy.squareRoot()
        slowSegment.spectrum = burstSpectrum.features(excluding: notchFrequencies)
        // Too short to be more than a twitch or two seen through the slow window: the spike
        // detector has those. So is a longer activation that the group's spikes explain (all
        // short, each standing out from its surroundings as an isolated discharge, none a slow
        // activation yet): no longer than their span and one slow window, its excess energy
        // mostly theirs. Two strong twitches 0.3–0.5 s apart keep the 0.25 s envelope up for
        // more than `minBurstSeconds` without any contraction between them.
        let contraction = group.isMostlyBetweenSpikes(of: slowSegment)
        let spikesSeenSlowly = !group.isEmpty && !group.holdsSlowActivation
            && group.segments.allSatisfy { $0.length <= maxTwitchLength + envelopeLength && $0.standsOut }
            && slowSegment.length <= group.end - group.onset + burstLength
            && !contraction
        let awaiting = spikesAwaitingSlowEnd
        spikesAwaitingSlowEnd.removeAll()
        guard slowSegment.length >= minBurstLength, !spikesSeenSlowly else {
            // No burst, and its energy mostly the spikes' (not a brief contraction): the spikes
            // that lifted the slow envelope were twitch-like after all.
            if !contraction { for end in awaiting { confirmSpike(endingAt: end) } }
            if !group.isEmpty && slowSegment.onset <= group.end + groupGap {
                group.shortBurst = slowSegment
            }
            return
        }
        add(slowSegment, finished: &finished)
    }
}
