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
        current.singleSample = OneSampleOutlier.isPresent(
            in: rawRing, mask: ringMask, around: current.peakIndex, span: max(8, envelopeLength * 2),
            oldest: oldest, next: index, strict: sampleRate < profile.singleSampleMinimumRate)
    }
}
