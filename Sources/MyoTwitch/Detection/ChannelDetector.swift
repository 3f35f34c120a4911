/// The detector of one analysed channel: conditioning, moving-RMS envelope, adaptive robust
/// thresholds, hysteresis segmentation and grouping. It is pushed blocks of samples and hands back
/// groups of segments once no later sample can change them; `EventClassifier` names them.
///
/// Everything is decided at fixed sample counts, never at block boundaries, so any chunking of the
/// same samples gives the same groups. One instance belongs to one thread at a time.
///
/// The type spans files: this one holds the state and the per-sample spike detector;
/// `+Segmentation` the segmentation state machine, `+SlowBurst` the slow burst detector, `+Refinement` the sharpening of short segments, `+Lanes`
/// the conditioning of several channels in SIMD lanes. Much of the state is internal rather than
/// private only so that those files can reach it; nothing outside the type touches it.
final class ChannelDetector {
    let profile: DetectorProfile
    let sampleRate: Double
    let columnCount: Int
    @exclusivity(unchecked) var conditioner: ChannelConditioner
    /// Length of the moving-RMS envelope, samples.
    let envelopeLength: Int
    let energyWindow: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) var energyWindowPosition = 0
    @exclusivity(unchecked) var energyWindowSum = 0.0
    /// The envelope/median ratio that Gaussian noise exceeds with the profile's false-alarm
    /// probability (see `FalseAlarmThreshold`).
    let falseAlarmRatio: Double
    /// The same ratio within `episodeWindow` of a twitch-like spike (`profile.episodeFalseAlarmProbability`).
    let episodeFalseAlarmRatio: Double
    let episodeWindow: Int
    /// The trigger envelope (`profile.triggerSeconds`, `ChannelDetector+Trigger.swift`): its
    /// window in samples (0: off), the window's energies and sum, its own noise tail, and its
    /// white-noise false-alarm ratios.
    let shortLength: Int
    let shortWindow: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) var shortWindowPosition = 0
    @exclusivity(unchecked) var shortWindowSum = 0.0
    @exclusivity(unchecked) var shortTail: NoiseTail
    let shortFalseAlarmRatio: Double, shortEpisodeFalseAlarmRatio: Double
    /// Ends of the last two short spikes outside any burst (far in the past at first).
    @exclusivity(unchecked) var lastSpikeEnd = Int.min / 2
    @exclusivity(unchecked) var previousSpikeEnd = Int.min / 2
    /// Ends of confirmed spikes that came while the slow detector was active: they arm the
    /// episode mode once that activation ends as no burst (`endSlowSegment`), since a strong
    /// twitch lifts the slow envelope itself.
    var spikesAwaitingSlowEnd: [Int] = []
    /// Quiet level of the envelope.
    @exclusivity(unchecked) var level: RobustLevel
    /// The measured upper tail of the quiet envelope: the false-alarm levels of this channel's
    /// own noise (`NoiseTail`).
    @exclusivity(unchecked) var tail: NoiseTail
    /// The sample spans of the QRS complexes `HeartbeatCanceller` subtracted, oldest first. What
    /// the subtraction leaves there (its residue) is judged by `HeartbeatGate`, and is neither
    /// noise nor activity: the noise tail does not learn from it (learnt as noise, the residues —
    /// on emgGO 5–18× the noise, 70 times a minute — lifted the false-alarm level above faint
    /// potentials between the beats), and a segment is not stretched over it to a potential
    /// beside the beat (`trimSubtractedBeat`).
    @exclusivity(unchecked) var subtractedSpans: [ClosedRange<Int>] = []
    /// Whether a segment that begins or ends on a subtracted span is cut to what lies beside it
    /// (`trimSubtractedBeat`); off only in tests, to show the rule acts.
    var trimsSubtractedBeats = true
    /// Scratch for the context windows of `measureContrast` (kept to avoid an allocation each).
    @exclusivity(unchecked) var contextWindows: [Double] = []
    let levelDecimation: Int
    /// The samples at which the quiet levels take a value (multiples of their decimations),
    /// counted rather than divided for: a division per sample cost more than the rest of a quiet one.
    @exclusivity(unchecked) var levelTicks: Ticker
    @exclusivity(unchecked) var slowTicks: Ticker
    // Recent raw samples and band energies (rings), for onset refinement and raw-signal checks.
    let rawRing: [UnsafeMutablePointer<Double>]
    let energyRing: UnsafeMutablePointer<Double>
    let motionRing: UnsafeMutablePointer<Double>
    let ringMask: Int
    // Per-block work buffers.
    @exclusivity(unchecked) var blockCapacity = 0
    @exclusivity(unchecked) var bandEnergy: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) var motionEnergy: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) var scratch: UnsafeMutablePointer<Double>
    /// The last block's pass-band signal (first column), when `keepsBandSignal`.
    @exclusivity(unchecked) private(set) var bandSignal: UnsafeMutablePointer<Double>
    /// Room for one block of vectors when this detector leads a group conditioned together.
    var laneBuffer: (pointer: UnsafeMutableRawPointer, bytes: Int)?
    /// Keep the pass-band signal of each block for the analyzer's crosstalk correlation.
    var keepsBandSignal = false
    // Clipping: per column, the run of identical samples and the extremes seen so far.
    // Per column, in raw buffers: as arrays, each per-sample update paid a uniqueness check.
    let clipping: UnsafeMutablePointer<ClipTracker>
    let clipRun: Int
    // Segmentation state.
    enum Phase { case idle, active, closing }
    @exclusivity(unchecked) var phase = Phase.idle
    @exclusivity(unchecked) var current = Segment(onset: 0, end: 0, peakIndex: 0, peakAmplitude: 0, bandEnergy: 0,
                                  motionEnergy: 0, clippedSamples: 0, singleSample: false,
                                  noiseLevel: 0)
    @exclusivity(unchecked) var peakEnergy = 0.0
    @exclusivity(unchecked) var lastQuietIndex = -1
    @exclusivity(unchecked) var closeDeadline = 0
    @exclusivity(unchecked) var group = SegmentGroup()
    let mergeGap: Int, groupGap: Int, sustainedGap: Int, sustainedLength: Int
    /// `profile.slowRestartGapSeconds` in samples (0: none).
    let slowRestartGap: Int
    let maxTwitchLength: Int
    // The slow burst detector: moving RMS over `burstLength` samples with its own quiet level.
    let burstLength: Int
    let minBurstLength: Int
    @exclusivity(unchecked) var slowSum = 0.0
    @exclusivity(unchecked) var slowLevel: RobustLevel
    let slowDecimation: Int
    /// Samples between two values of a slow burst's profile (grows by doubling for long bursts,
    /// which the classifier's periodicity check allows for by taking the count it sees).
    var profileSpacing: Int { slowDecimation }
    @exclusivity(unchecked) var slowActive = false
    @exclusivity(unchecked) var slowSegment = Segment(onset: 0, end: 0, peakIndex: 0, peakAmplitude: 0,
                                                              bandEnergy: 0, motionEnergy: 0, clippedSamples: 0,
                                                              singleSample: false, noiseLevel: 0, sustained: true)
    @exclusivity(unchecked) var slowPeakEnergy = 0.0
    /// Band energy since the last profile value (`profile.binnedBurstProfile`).
    @exclusivity(unchecked) var binSum = 0.0
    @exclusivity(unchecked) var lastSlowQuietIndex = -1
    /// Spectrum of the raw signal during a slow burst (first column): median frequency and
    /// low-frequency fraction of sustained events.
    let burstSpectrum: SpectrumAccumulator
    let notchFrequencies: [Double]
    /// Mean motion energy of quiet signal (exponential average over quiet values, about 10 s).
    @exclusivity(unchecked) var motionQuietMean = -1.0
    let motionSmoothing: Double
    /// Samples processed so far (the index of the next sample).
    @exclusivity(unchecked) var index = 0
    /// Detection is suppressed before this index (filters settling after start or a gap).
    @exclusivity(unchecked) var settledAt = 0
    let settleLength: Int
    /// The first sample of the warm-up that seeds the quiet level (`seedLevel`): once the pass
    /// band has settled, which on an accelerometer comes well before its `settleSeconds` (the
    /// 0.3 Hz motion band's).
    let seedStart: Int
    /// RMS of the band signal per `traceBinLength` samples, for reports.
    let traceBinLength: Int
    @exclusivity(unchecked) private var traceSum = 0.0
    @exclusivity(unchecked) private var traceCount = 0
    @exclusivity(unchecked) private(set) var trace: [Double] = []
    let collectTrace: Bool
    /// Whether quiet stretches take `quietRun` (tests turn it off to compare), and how many
    /// samples did.
    var usesQuietRuns = true
    @exclusivity(unchecked) var quietRunSamples = 0
    /// Debug builds: set when a quiet run took a sample the full path would have treated
    /// differently (a threshold, level step or group closing due).
    var quietRunMisjudged = false

    init(profile: DetectorProfile, sampleRate: Double, columnCount: Int,
         notchFrequencies: [Double], collectTrace: Bool, traceBinSeconds: Double) {
        self.profile = profile
        self.sampleRate = sampleRate
        self.columnCount = columnCount
        conditioner = ChannelConditioner(profile: profile, sampleRate: sampleRate,
                                         columnCount: columnCount,
                                         notchFrequencies: notchFrequencies)
        envelopeLength = max(2, Int((profile.envelopeSeconds * sampleRate).rounded()))
        let nyquistCap = 0.45 * sampleRate
        let bandwidth = min(profile.band.high, nyquistCap) - min(profile.band.low, 0.2 * sampleRate)
        let dof = min(Double(envelopeLength), max(2, 2 * bandwidth * Double(envelopeLength) / sampleRate))
        falseAlarmRatio = FalseAlarmThreshold.ratio(degreesOfFreedom: dof * Double(columnCount),
                                                    tail: profile.falseAlarmProbability)
        episodeFalseAlarmRatio = FalseAlarmThreshold.ratio(degreesOfFreedom: dof * Double(columnCount),
                                                           tail: profile.episodeFalseAlarmProbability)
        episodeWindow = Int(profile.episodeWindowSeconds * sampleRate)
        energyWindow = .allocate(capacity: envelopeLength)
        energyWindow.initialize(repeating: 0, count: envelopeLength)
        // 512 quiet values cover the last 20 s (or more at low rates), refreshed once a second:
        // the floor follows slow changes, and the median costs a few operations per sample.
        levelDecimation = max(max(1, envelopeLength / 2), Int(20 * sampleRate / 512))
        let valuesPerSecond = max(1, Int(sampleRate) / levelDecimation)
        level = RobustLevel(capacity: 512, refreshInterval: valuesPerSecond)
        tail = NoiseTail(capacity: 512, refreshInterval: valuesPerSecond,
                         whiteDegreesOfFreedom: dof * Double(columnCount),
                         strictProbability: profile.falseAlarmProbability,
                         episodeProbability: profile.episodeFalseAlarmProbability)
        let trigger = Self.trigger(profile: profile, sampleRate: sampleRate, envelopeLength: envelopeLength,
                                   bandwidth: bandwidth, columnCount: columnCount, valuesPerSecond: valuesPerSecond)
        (shortLength, shortTail) = (trigger.length, trigger.tail)
        (shortFalseAlarmRatio, shortEpisodeFalseAlarmRatio) = (trigger.ratio, trigger.episodeRatio)
        shortWindow = .allocate(capacity: max(1, shortLength))
        shortWindow.initialize(repeating: 0, count: max(1, shortLength))
        burstLength = max(envelopeLength * 2, Int((profile.burstEnvelopeSeconds * sampleRate).rounded()))
        minBurstLength = Int(profile.minBurstSeconds * sampleRate)
        // Four slow values per window: 16 per second at 0.25 s, 512 of them span half a minute.
        slowDecimation = max(1, burstLength / 4)
        levelTicks = Ticker(period: levelDecimation)
        slowTicks = Ticker(period: slowDecimation)
        slowLevel = RobustLevel(capacity: 512,
                                refreshInterval: max(1, Int(sampleRate) / max(1, burstLength / 4)))
        // Frames of about 1/8 s: 8 Hz resolution, and a few frames even in the shortest burst.
        burstSpectrum = SpectrumAccumulator(
            frameLength: SpectrumAccumulator.frameLength(sampleRate: sampleRate, resolution: 8),
            sampleRate: sampleRate)
        self.notchFrequencies = notchFrequencies
        motionSmoothing = min(1, Double(levelDecimation) / (10 * sampleRate))
        var ringLength = 1
        while ringLength < max(Int(1.5 * sampleRate), burstLength) + 4 * envelopeLength + 64 { ringLength *= 2 }
        ringMask = ringLength - 1
        rawRing = (0..<columnCount).map { _ in
            let p = UnsafeMutablePointer<Double>.allocate(capacity: ringLength)
            p.initialize(repeating: 0, count: ringLength)
            return p
        }
        energyRing = .allocate(capacity: ringLength)
        energyRing.initialize(repeating: 0, count: ringLength)
        motionRing = .allocate(capacity: ringLength)
        motionRing.initialize(repeating: 0, count: ringLength)
        bandEnergy = .allocate(capacity: 1)
        motionEnergy = .allocate(capacity: 1)
        scratch = .allocate(capacity: 1)
        bandSignal = .allocate(capacity: 1)
        clipping = .allocate(capacity: columnCount)
        clipping.initialize(repeating: ClipTracker(), count: columnCount)
        // A rail holds a value for ≥ 2 ms and ≥ 4 samples; a real potential is never that flat at
        // its extreme, even when quantised to 8 bits.
        clipRun = max(4, Int((0.002 * sampleRate).rounded(.up)))
        mergeGap = Int(profile.mergeGapSeconds * sampleRate)
        groupGap = Int(profile.groupGapSeconds * sampleRate)
        sustainedGap = Int(profile.sustainedGapSeconds * sampleRate)
        slowRestartGap = Int(profile.slowRestartGapSeconds * sampleRate)
        sustainedLength = Int(profile.sustainedSeconds * sampleRate)
        maxTwitchLength = Int(profile.maxTwitchSeconds * sampleRate)
        // Mains notches (Q 30) ring for about Q / (π f) ≈ 0.2 s after a start; three time
        // constants let them settle.
        let notchSettle = notchFrequencies.isEmpty ? 0 : 3 * 30 / (Double.pi * notchFrequencies[0])
        settleLength = Int(max(profile.settleSeconds, notchSettle) * sampleRate)
        seedStart = min(settleLength, max(envelopeLength, Int(max(notchSettle, profile.seedSettleSeconds) * sampleRate)))
        self.collectTrace = collectTrace
        traceBinLength = max(1, Int(traceBinSeconds * sampleRate))
    }

    deinit {
        energyWindow.deallocate()
        shortWindow.deallocate()
        for p in rawRing { p.deallocate() }
        energyRing.deallocate()
        motionRing.deallocate()
        bandEnergy.deallocate()
        motionEnergy.deallocate()
        scratch.deallocate()
        bandSignal.deallocate()
        laneBuffer?.pointer.deallocate()
        clipping.deallocate()
    }

    func reserve(_ count: Int) {
        guard count > blockCapacity else { return }
        bandEnergy.deallocate(); motionEnergy.deallocate(); scratch.deallocate(); bandSignal.deallocate()
        blockCapacity = max(count, 4096)
        bandEnergy = .allocate(capacity: blockCapacity)
        motionEnergy = .allocate(capacity: blockCapacity)
        scratch = .allocate(capacity: blockCapacity)
        bandSignal = .allocate(capacity: blockCapacity)
    }

    /// Restarts filters and envelope after a gap (or at the start), with `first` as the first row.
    func restart(first: [Double]) {
        conditioner.prime(with: first)
        energyWindow.update(repeating: 0, count: envelopeLength)
        energyWindowSum = 0
        shortWindow.update(repeating: 0, count: max(1, shortLength))
        (shortWindowPosition, shortWindowSum) = (0, 0)
        slowSum = 0
        slowActive = false
        spikesAwaitingSlowEnd.removeAll()
        settledAt = index + settleLength + burstLength
        for c in 0..<columnCount { clipping[c].restartRun() }
    }

    /// Processes `count` rows (`columns[c]`: column `c`); finished groups go to `finished`.
    func process(columns: [UnsafePointer<Double>], count: Int, finished: inout [SegmentGroup]) {
        condition(columns: columns, count: count)
        detect(columns: columns, count: count, finished: &finished)
    }

    /// The first half of `process`: filters `count` rows into the block's band and motion
    /// energies (and `bandSignal`, when kept), so that the analyzer can work across channels on
    /// the pass-band signals before `detect` runs on the same rows.
    func condition(columns: [UnsafePointer<Double>], count: Int) {
        guard count > 0 else { return }
        reserve(count)
        conditioner.process(columns: columns, count: count, bandEnergy: bandEnergy,
                            motionEnergy: motionEnergy, scratch: scratch,
                            bandSignal: keepsBandSignal ? bandSignal : nil)
    }

    /// The second half of `process`: runs the envelope, thresholds and segmentation over the
    /// `count` rows that `condition` prepared.
    func detect(columns: [UnsafePointer<Double>], count: Int, finished: inout [SegmentGroup]) {
        guard count > 0 else { return }
        let window = energyWindow, ring = energyRing, mask = ringMask
        let length = envelopeLength, inverseLength = 1 / Double(envelopeLength)
        var i = 0
        while i < count {
            if phase == .idle && !slowActive {
                i = quietRun(columns: columns, from: i, count: count)
                if i == count { break }
            }
            defer { i += 1 }
            let n = index
            index += 1
            let e = bandEnergy[i], q = motionEnergy[i]
            let slot = n & mask
            ring[slot] = e
            motionRing[slot] = q
            var clipped = false
            for c in 0..<columnCount {
                let x = columns[c][i]
                rawRing[c][slot] = x
                clipping[c].add(x)
                if clipping[c].isOnRail(x, minimumRun: clipRun) { clipped = true }
            }
            // The ring still holds the energy `burstLength` samples back (it is longer).
            slowSum += e - (n >= burstLength ? ring[(n - burstLength) & mask] : 0)
            energyWindowSum += e - window[energyWindowPosition]
            window[energyWindowPosition] = e
            energyWindowPosition = energyWindowPosition + 1 == length ? 0 : energyWindowPosition + 1
            let envelope = max(0, energyWindowSum * inverseLength).squareRoot()
            let short = shortLength > 0 ? shortEnvelope(adding: e) : 0
            if collectTrace { addToTrace(e) }
            let levelTick = levelTicks.pass(n), slowTick = slowTicks.pass(n)
            step(n: n, tick: levelTick, envelope: envelope, short: short, e: e, q: q, clipped: clipped,
                 finished: &finished)
            slowStep(n: n, tick: slowTick, e: e, q: q, clipped: clipped, finished: &finished)
            if slowActive { burstSpectrum.add(columns[0][i]) }
        }
    }

    @inline(__always)
    func addToTrace(_ e: Double) {
        traceSum += e
        traceCount += 1
        if traceCount == traceBinLength {
            trace.append((traceSum / Double(traceCount)).squareRoot())
            traceSum = 0
            traceCount = 0
        }
    }

    /// Flushes the partial trace bin (end of input).
    func finishTrace() {
        if collectTrace && traceCount > 0 {
            trace.append((traceSum / Double(traceCount)).squareRoot())
            traceSum = 0
            traceCount = 0
        }
    }
}

