/// A stretch where the envelope rose above the high threshold, with hysteresis at the low one.
/// Indices count samples from the start of the recording.
struct Segment: Sendable, Equatable {
    /// First sample of the segment (where the envelope left the low threshold).
    var onset: Int
    /// Last sample of the segment (envelope window length already subtracted).
    var end: Int
    /// Sample of the largest band energy.
    var peakIndex: Int
    /// Largest conditioned amplitude (|band-passed| or band vector magnitude), input units.
    var peakAmplitude: Double
    /// Sums of band and motion energies over the `energySamples` samples accumulated (the
    /// segment and the hysteresis tail that closed it).
    var bandEnergy: Double
    var motionEnergy: Double
    var energySamples = 0
    /// Samples at which a column sat at a rail (clipping).
    var clippedSamples: Int
    /// Whether the raw signal showed a lone one-sample outlier at the peak.
    var singleSample: Bool
    /// Noise level (quiet envelope median) when the segment began, input units.
    var noiseLevel: Double
    /// Quiet mean of the motion energy when the segment began (background wander and 1/f noise),
    /// input units squared.
    var motionBaseline = 0.0
    /// Largest envelope value over the segment (short segments), input units.
    var peakEnvelope = 0.0
    /// RMS of the pass band around a short segment (`ChannelDetector.measureContrast`), input
    /// units; 0 when not measured.
    var localNoise = 0.0
    /// The envelope/noise ratio the detector required when it found the segment.
    var contrastRatio = 0.0
    /// How far the surroundings of a short segment (`localNoise`) stand above the channel's quiet
    /// level, as the same statistic of quiet signal (1: at the quiet level); 0 when not measured.
    var surroundRise = 0.0
    /// Band energy of the later potentials of a multiplet beside this short segment (the same unit
    /// firing again within the merge gap, silent in between; `ChannelDetector.measureMultiplet`):
    /// the twitch's own energy, though outside its sharpened span.
    var multipletEnergy = 0.0
    /// Whether the segment stands above its surroundings as far as the detector's threshold
    /// stands above the quiet level (true when not measured), and is not one discharge of a
    /// train.
    var standsOut: Bool {
        (localNoise <= 0 || peakEnvelope >= contrastRatio * localNoise
            || (shortContrastRatio > 0 && shortPeakEnvelope >= shortContrastRatio * localNoise)) && !inTrain
    }
    /// Largest trigger envelope over a short segment (`ChannelDetector+Trigger`), and the ratio of
    /// its threshold to the quiet RMS; both 0 when the trigger envelope is off.
    var shortPeakEnvelope = 0.0
    var shortContrastRatio = 0.0
    /// Whether the segment's peak reached the strict level `strict` of the envelope, or `short`
    /// of the trigger envelope.
    func isAboveStrictLevel(_ strict: Double, short: Double) -> Bool {
        peakEnvelope >= strict || shortPeakEnvelope >= short
    }
    /// Potentials of comparable size fire before it at a voluntary unit's intervals
    /// (`ChannelDetector.firings`, `markTrains`): one discharge of a train, not an isolated one.
    var inTrain = false
    /// Of those, the firings before it (`ChannelDetector.firings`).
    var precedingFirings = 0
    /// Found by the slow burst detector: sustained activity, never a twitch.
    var sustained = false
    /// The slow envelope over a slow burst, four values per envelope window (at most 4096; a
    /// longer burst keeps every other value, then every fourth, …).
    var profile: [Double] = []
    /// Spectral shape of the raw signal over a slow burst (FFTW, Welch average), if measured.
    var spectrum: SpectralFeatures? = nil

    var length: Int { end - onset + 1 }

    /// Whether the segment's added power is mostly below 20 Hz: motion-band energy above its
    /// quiet background exceeds `ratio` × pass-band energy above the noise. Comparing excesses,
    /// not totals, keeps baseline wander from turning every twitch on a drifting lead into motion.
    /// The share of the burst in which the slow envelope is below 30 % of its 90th percentile:
    /// a cramp holds near its plateau between its ramps; a person who contracts, relaxes to a low
    /// hold and contracts again spends most of the time far below the peaks.
    var lowHoldFraction: Double? {
        guard let line = lowHoldLine else { return nil }
        return Double(profile.lazy.filter { $0 < line }.count) / Double(profile.count)
    }

    /// The slow-envelope level below which the burst is in a low hold: 30 % of the profile's 90th
    /// percentile (`nil` under 8 values or for a flat zero profile).
    var lowHoldLine: Double? {
        guard profile.count >= 8 else { return nil }
        let sorted = profile.sorted()
        let high = sorted[(sorted.count * 9) / 10]
        return high > 0 ? 0.3 * high : nil
    }

    /// The lag-one autocorrelation of the profile (mean removed), or `nil` under 8 values: how
    /// smoothly the slow envelope moves from one value to the next. On an accelerometer's binned
    /// profile (125 ms bins) a heel strike rings for ~30 ms, inside one bin, so steps give a high
    /// bin among low ones (−0.16…0.07 on development walking); a cramp's narrow-band vibration
    /// waxes and wanes in beats of ~0.3 s that span several bins (0.45…0.94 on development cramps).
    var profileSmoothness: Double? {
        let n = profile.count
        guard n >= 8 else { return nil }
        let mean = profile.reduce(0, +) / Double(n)
        var energy = 0.0, lagged = 0.0
        for i in 0..<n {
            let c = profile[i] - mean
            energy += c * c
            if i > 0 { lagged += c * (profile[i - 1] - mean) }
        }
        return energy > 0 ? lagged / energy : nil
    }

    /// Whether the slow envelope rises and falls with a period: after the autocorrelation of the
    /// profile first drops below zero, it climbs back above 0.4 at some lag, and the burst holds at
    /// least 2.5 such periods. Cyclic exercise merged into one long burst does; a cramp's ramp,
    /// plateau and ramp does not. `valuesPerSecond` is the profile's rate; periods up to
    /// `maxPeriodSeconds` count, and `minimumCorrelation` replaces 0.4 when given.
    func isPeriodic(valuesPerSecond: Double, maxPeriodSeconds: Double = 10,
                    minimumCorrelation: Double = 0.4) -> Bool {
        let n = profile.count
        guard n >= 16 else { return false }
        let mean = profile.reduce(0, +) / Double(n)
        let centered = profile.map { $0 - mean }
        let energy = centered.reduce(0) { $0 + $1 * $1 }
        guard energy > 0 else { return false }
        let maxLag = min(n / 2, Int(maxPeriodSeconds * valuesPerSecond))
        var crossedZero = false
        for lag in 1...max(1, maxLag) {
            var sum = 0.0
            for i in 0..<(n - lag) { sum += centered[i] * centered[i + lag] }
            let r = sum / energy
            if !crossedZero {
                crossedZero = r < 0
            } else if r >= minimumCorrelation && Double(n) >= 2.5 * Double(lag) {
                return true
            }
        }
        return false
    }

    /// The pass-band energy the event adds over the noise (never below 0).
    private var bandExcess: Double {
        max(0, bandEnergy - Double(max(1, energySamples)) * noiseLevel * noiseLevel)
    }

    func isMotionDominated(ratio: Double) -> Bool {
        let motionExcess = motionEnergy - Double(max(1, energySamples)) * motionBaseline
        return motionExcess > ratio * bandExcess
    }

    /// Whether the limb's low-frequency motion during the event, all of it (not only its excess
    /// over quiet motion), carries more than `ratio` × the pass-band energy the event adds over
    /// the noise. A cramp seen by an accelerometer is a vibration of a limb held still: the
    /// nine simulated held-out cramps add 60–900× more band energy than the motion
    /// band holds. When motion outweighs the vibration — a weight shift on a force plate after
    /// jumps changed the sensor's tilt, 2.5× — the signal cannot tell a cramp from movement,
    /// even where the recording moved so much between events that the quiet motion baseline
    /// swallows the motion excess of `isMotionDominated`.
    func motionOutweighsVibration(ratio: Double) -> Bool {
        motionEnergy > ratio * bandExcess
    }
}

/// A run of segments close together in time: one twitch (or doublet), a twitch train, or a burst.
struct SegmentGroup: Sendable, Equatable {
    var segments: [Segment] = []
    /// A slow-detector activation too short to be a burst of its own (under `minBurstSeconds`)
    /// that overlapped the group: its band energy and length tell a short exercise burst, whose
    /// energy lies mostly between the spikes, from isolated spikes on a quiet background.
    var shortBurst: Segment? = nil
    /// Whether one of `segments` is a slow activation (a burst of the slow detector).
    var holdsSlowActivation = false

    /// Whether the group's energy lies mostly outside its spike segments, within a short slow
    /// activation: a brief contraction whose peaks happened to cross the spike threshold.
    var isMostlyBetweenSpikes: Bool {
        guard let burst = shortBurst else { return false }
        return isMostlyBetweenSpikes(of: burst)
    }

    /// Whether `burst` (a slow activation overlapping the group) holds more excess energy outside
    /// the group's spike segments than inside them: a contraction of its own, not the spikes
    /// seen through the slow window.
    func isMostlyBetweenSpikes(of burst: Segment) -> Bool {
        guard let noise = segments.first?.noiseLevel else { return false }
        let floor = noise * noise
        let spikeEnergy = segments.reduce(0) { $0 + $1.bandEnergy }
        let spikeSamples = segments.reduce(0) { $0 + $1.energySamples }
        let spikeExcess = spikeEnergy - floor * Double(spikeSamples)
        // A multiplet's later potentials are neither the spike's nor the contraction's.
        let multiplet = segments.reduce(0) { $0 + $1.multipletEnergy }
        let outsideExcess = burst.bandEnergy - spikeEnergy - multiplet
            - floor * Double(max(0, burst.energySamples - spikeSamples))
        return outsideExcess > max(spikeExcess, 0)
    }
    // Without `map`: the detector asks for these on every quiet sample while a group is open.
    var onset: Int {
        guard var first = segments.first?.onset else { return 0 }
        for s in segments where s.onset < first { first = s.onset }
        return first
    }
    var end: Int {
        guard var last = segments.first?.end else { return 0 }
        for s in segments where s.end > last { last = s.end }
        return last
    }
    var isEmpty: Bool { segments.isEmpty }
}
