/// The detector of one analysed channel: conditioning, moving-RMS envelope, adaptive robust
/// thresholds, hysteresis segmentation and grouping. It is pushed samples and hands back groups of
/// segments once no later sample can change them; `EventClassifier` names them.
///
/// Everything is decided at fixed sample counts, never at block boundaries, so any chunking of the
/// same samples gives the same groups.
struct ChannelDetector {
    let profile: DetectorProfile
    let sampleRate: Double
    let columnCount: Int
    private var conditioner: ChannelConditioner
    // Moving RMS of the band energy over `envelopeLength` samples.
    let envelopeLength: Int
    private var energyWindow: [Double]
    private var energyWindowPosition = 0
    private var energyWindowSum = 0.0
    private var energyWindowFilled = 0
    // Quiet level of the envelope.
    private(set) var level: RobustLevel
    private let levelDecimation: Int
    // Recent raw samples and band energies, for onset refinement and the raw-signal checks.
    private var rawRing: [[Double]]
    private var energyRing: [Double]
    private let ringMask: Int
    // Clipping: per column, the run of identical samples and the extremes seen so far.
    private var runLength: [Int]
    private var lastRaw: [Double]
    private var railLow: [Double]
    private var railHigh: [Double]
    private let clipRun: Int
    // Segmentation state.
    private enum Phase { case idle, active, closing }
    private var phase = Phase.idle
    private var current = Segment(onset: 0, end: 0, peakIndex: 0, peakAmplitude: 0, bandEnergy: 0,
                                  motionEnergy: 0, clippedSamples: 0, singleSample: false,
                                  noiseLevel: 0)
    private var peakEnergy = 0.0
    private var lastQuietIndex = -1
    private var closeDeadline = 0
    private var group = SegmentGroup()
    private let mergeGap: Int, groupGap: Int, sustainedGap: Int, sustainedLength: Int
    private let maxTwitchLength: Int
    /// Samples processed so far (the index of the next sample).
    private(set) var index = 0
    /// Detection is suppressed before this index (filters settling after start or a gap).
    private var settledAt = 0
    private let settleLength: Int
    /// Trace of the envelope for reports: RMS of the band signal per `traceBinLength` samples.
    let traceBinLength: Int
    private var traceSum = 0.0
    private var traceCount = 0
    private(set) var trace: [Double] = []
    private let collectTrace: Bool

    init(profile: DetectorProfile, sampleRate: Double, columnCount: Int,
         notchFrequencies: [Double], collectTrace: Bool, traceBinSeconds: Double) {
        self.profile = profile
        self.sampleRate = sampleRate
        self.columnCount = columnCount
        conditioner = ChannelConditioner(profile: profile, sampleRate: sampleRate,
                                         columnCount: columnCount,
                                         notchFrequencies: notchFrequencies)
        envelopeLength = max(2, Int((profile.envelopeSeconds * sampleRate).rounded()))
        energyWindow = [Double](repeating: 0, count: envelopeLength)
        // About 1024 quiet values cover the last 20 s (or more at low rates); refreshed twice a
        // second.
        levelDecimation = max(max(1, envelopeLength / 2), Int(20 * sampleRate / 1024))
        let valuesPerSecond = max(1, Int(sampleRate) / levelDecimation)
        level = RobustLevel(capacity: 1024, refreshInterval: max(1, valuesPerSecond / 2))
        var ringLength = 1
        while ringLength < Int(1.5 * sampleRate) + 4 * envelopeLength + 64 { ringLength *= 2 }
        ringMask = ringLength - 1
        rawRing = Array(repeating: [Double](repeating: 0, count: ringLength), count: columnCount)
        energyRing = [Double](repeating: 0, count: ringLength)
        runLength = Array(repeating: 0, count: columnCount)
        lastRaw = Array(repeating: .nan, count: columnCount)
        railLow = Array(repeating: .infinity, count: columnCount)
        railHigh = Array(repeating: -.infinity, count: columnCount)
        // A rail holds a value for ≥ 2 ms and ≥ 4 samples; a real potential is never that flat at
        // its extreme, even when quantised to 8 bits.
        clipRun = max(4, Int((0.002 * sampleRate).rounded(.up)))
        mergeGap = Int(profile.mergeGapSeconds * sampleRate)
        groupGap = Int(profile.groupGapSeconds * sampleRate)
        sustainedGap = Int(profile.sustainedGapSeconds * sampleRate)
        sustainedLength = Int(profile.sustainedSeconds * sampleRate)
        maxTwitchLength = Int(profile.maxTwitchSeconds * sampleRate)
        // Mains notches (Q 30) ring for about Q / (π f) ≈ 0.2 s after a start; three time
        // constants let them settle.
        let notchSettle = notchFrequencies.isEmpty ? 0 : 3 * 30 / (Double.pi * notchFrequencies[0])
        settleLength = Int(max(profile.settleSeconds, notchSettle) * sampleRate)
        self.collectTrace = collectTrace
        traceBinLength = max(1, Int(traceBinSeconds * sampleRate))
    }

    /// Seeds the quiet level from the first seconds (`columns`: the detector's input columns),
    /// as the envelope would see them, before detection starts.
    static func seedLevel(_ detector: inout ChannelDetector, columns: [[Double]]) {
        guard let count = columns.first?.count, count > 0 else { return }
        var probe = detector.conditioner
        var row = columns.map { $0[0] }
        probe.prime(with: row)
        var window = [Double](repeating: 0, count: detector.envelopeLength)
        var sum = 0.0, values: [Double] = []
        for i in 0..<count {
            for c in columns.indices { row[c] = columns[c][i] }
            let e = row.withUnsafeBufferPointer { probe.process($0.baseAddress!).band }
            sum += e - window[i % window.count]
            window[i % window.count] = e
            if i >= detector.settleLength && i % detector.levelDecimation == 0 {
                values.append(max(0, sum / Double(window.count)).squareRoot())
            }
        }
        if values.isEmpty { values.append(max(0, sum / Double(window.count)).squareRoot()) }
        detector.level.seed(with: values)
    }

    /// Restarts filters and envelope after a gap (or at the start), with `first` as the first row.
    mutating func restart(first: UnsafePointer<Double>) {
        conditioner.prime(with: (0..<columnCount).map { first[$0] })
        for i in energyWindow.indices { energyWindow[i] = 0 }
        energyWindowSum = 0
        energyWindowFilled = 0
        settledAt = index + settleLength
        for c in 0..<columnCount { runLength[c] = 0; lastRaw[c] = .nan }
    }

    /// Current detection thresholds (envelope units): high and low.
    private var thresholds: (high: Double, low: Double, noise: Double) {
        let median = level.median
        // Quantised or very clean signals can have a MAD of 0; a floor of 5 % of the median keeps
        // thresholds finite and meaningful.
        let spread = max(level.spread, 0.05 * median, 1e-300)
        return (median + profile.highThreshold * spread, median + profile.lowThreshold * spread,
                median)
    }

    /// Processes one row (`columnCount` values); finished groups are appended to `finished`.
    mutating func process(_ row: UnsafePointer<Double>, finished: inout [SegmentGroup]) {
        let n = index
        index += 1
        let (e, q, _) = conditioner.process(row)
        let slot = n & ringMask
        energyRing[slot] = e
        var clipped = false
        for c in 0..<columnCount {
            let x = row[c]
            rawRing[c][slot] = x
            if x == lastRaw[c] { runLength[c] += 1 } else { runLength[c] = 1; lastRaw[c] = x }
            if x < railLow[c] { railLow[c] = x }
            if x > railHigh[c] { railHigh[c] = x }
            if runLength[c] >= clipRun && railHigh[c] > railLow[c]
                && (x == railHigh[c] || x == railLow[c]) {
                clipped = true
            }
        }
        energyWindowSum += e - energyWindow[energyWindowPosition]
        energyWindow[energyWindowPosition] = e
        energyWindowPosition = energyWindowPosition + 1 == envelopeLength ? 0 : energyWindowPosition + 1
        if energyWindowFilled < envelopeLength { energyWindowFilled += 1 }
        let envelope = max(0, energyWindowSum / Double(envelopeLength)).squareRoot()

        if collectTrace {
            traceSum += e
            traceCount += 1
            if traceCount == traceBinLength {
                trace.append((traceSum / Double(traceCount)).squareRoot())
                traceSum = 0
                traceCount = 0
            }
        }

        guard n >= settledAt, level.isPrimed else {
            // Without a seed (input ended or jumped before the first seconds were complete), the
            // floor learns from the settled signal itself before anything is detected.
            if n >= settledAt && n % levelDecimation == 0 { level.offer(envelope, quiet: true) }
            lastQuietIndex = n
            return
        }
        let (high, low, noise) = thresholds
        if n % levelDecimation == 0 {
            // Everything outside segments counts as quiet: gating at the low threshold would
            // cut the distribution's upper tail and shrink the spread, lowering thresholds in a
            // spiral.
            level.offer(envelope, quiet: phase == .idle && envelope <= high)
        }

        switch phase {
        case .idle:
            if envelope > high {
                phase = .active
                current = Segment(onset: max(lastQuietIndex + 1, n - envelopeLength), end: n,
                                  peakIndex: n, peakAmplitude: 0, bandEnergy: 0, motionEnergy: 0,
                                  clippedSamples: 0, singleSample: false, noiseLevel: noise)
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
            if envelope > high {
                phase = .active
            } else if n >= closeDeadline {
                finishSegment(finished: &finished)
                lastQuietIndex = n
            }
        }
    }

    @inline(__always)
    private mutating func accumulate(n: Int, e: Double, q: Double, clipped: Bool) {
        current.bandEnergy += e
        current.motionEnergy += q
        if clipped { current.clippedSamples += 1 }
        if e > peakEnergy {
            peakEnergy = e
            current.peakIndex = n
        }
    }

    private mutating func finishSegment(finished: inout [SegmentGroup]) {
        phase = .idle
        current.peakAmplitude = max(0, peakEnergy).squareRoot()
        if current.length <= maxTwitchLength + envelopeLength {
            refineShortSegment()
        }
        if !group.isEmpty {
            let allowed = group.end - group.onset >= sustainedLength ? sustainedGap : groupGap
            if current.onset - group.end > allowed {
                finished.append(group)
                group = SegmentGroup()
            }
        }
        group.segments.append(current)
    }

    /// Closes the open group once the allowed gap has passed with nothing new.
    private mutating func closeGroupIfDue(at n: Int, finished: inout [SegmentGroup]) {
        guard !group.isEmpty else { return }
        let allowed = group.end - group.onset >= sustainedLength ? sustainedGap : groupGap
        if n - group.end > allowed {
            finished.append(group)
            group = SegmentGroup()
        }
    }

    /// Sharpens onset and end of a short segment from the band energy (first and last sample above
    /// 10 % of the peak amplitude or 2.5 × the noise level) and checks the raw signal for a
    /// lone one-sample outlier.
    private mutating func refineShortSegment() {
        let oldest = index - ringMask
        let lo = max(oldest, current.onset - envelopeLength)
        let hi = min(index - 1, current.end + envelopeLength)
        // 10 % of the peak amplitude, but at least 2.5 × the noise level so noise cannot drag
        // the onset away.
        let limit = max(0.01 * peakEnergy, 6.25 * current.noiseLevel * current.noiseLevel)
        // A potential's phases cross zero, so its energy dips between them: walk outwards
        // across dips shorter than 4 ms.
        let bridge = max(1, Int(0.004 * sampleRate))
        var first = current.peakIndex, last = current.peakIndex
        var i = current.peakIndex
        while i > lo && current.peakIndex - i < ringMask / 2 {
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
        current.singleSample = isSingleSampleOutlier(at: current.peakIndex, oldest: oldest)
    }

    /// Whether the raw signal at `peak` (± 2 samples, where the filter delay puts it) holds a lone
    /// outlier: a second difference that dwarfs every other one nearby except its own neighbours.
    private func isSingleSampleOutlier(at peak: Int, oldest: Int) -> Bool {
        let span = max(8, envelopeLength * 2)
        let lo = max(oldest + 1, peak - span), hi = min(index - 2, peak + span)
        guard hi - lo >= 6 else { return false }
        var best = 0.0
        for c in 0..<columnCount {
            var maxIndex = lo, maxValue = 0.0
            var d2 = [Double](repeating: 0, count: hi - lo + 1)
            for j in lo...hi {
                let v = abs(rawRing[c][j & ringMask]
                    - 0.5 * (rawRing[c][(j - 1) & ringMask] + rawRing[c][(j + 1) & ringMask]))
                d2[j - lo] = v
                if v > maxValue { maxValue = v; maxIndex = j }
            }
            guard maxValue > 0 else { continue }
            var rest = 0.0
            for j in lo...hi where abs(j - maxIndex) >= 2 { rest = max(rest, d2[j - lo]) }
            best = max(best, rest / maxValue < 0.2 ? 1 : 0)
        }
        return best > 0
    }

    /// Ends whatever is open (end of input or a gap): the segment in progress and its group.
    mutating func flush(finished: inout [SegmentGroup]) {
        if phase != .idle {
            if phase == .active { current.end = max(current.onset, index - 1 - envelopeLength / 2) }
            finishSegment(finished: &finished)
        }
        if !group.isEmpty {
            finished.append(group)
            group = SegmentGroup()
        }
        lastQuietIndex = index - 1
    }

    /// The earliest sample index an event still to come from this detector can start at.
    var earliestPendingOnset: Int {
        if !group.isEmpty { return group.onset }
        if phase != .idle { return current.onset }
        return max(0, index - envelopeLength - maxTwitchLength)
    }

    /// Flushes the partial trace bin (end of input).
    mutating func finishTrace() {
        if collectTrace && traceCount > 0 {
            trace.append((traceSum / Double(traceCount)).squareRoot())
            traceSum = 0
            traceCount = 0
        }
    }
}
