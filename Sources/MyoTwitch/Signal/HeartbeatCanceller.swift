import Foundation

/// Takes the electrocardiogram out of one EMG column by subtracting a template of its beats,
/// before any filtering or detection sees the signal.
///
/// Near the heart (trunk, shoulder, and on the legs with a distant reference) every beat puts a
/// QRS complex of 20–40 Hz into the EMG band and a P and T wave into the motion band. Set aside as
/// artifacts, the beats still do harm: they fill the upper tail of the quiet envelope (on one
/// simulated and one public tibialis recording they lifted the false-alarm level from about 3 to
/// 8–10 × the median envelope), a twitch that coincides with a beat is judged with it and lost as
/// `low-frequency-power`, and beats that pass the shape checks read as twitches. ECG is periodic
/// and of one shape, so it can be estimated and removed (template subtraction, the common
/// method for ECG in trunk EMG; Drake & Callaghan 2006), which none of that needs.
///
/// How: R waves are found on the 8–30 Hz band (where QRS power lies, below most motor-unit
/// potentials' median frequency) as the largest value with nothing larger for `confirmSeconds`,
/// at most one per `refractorySeconds`. Each candidate's window (`preSeconds` before its R wave
/// to `postSeconds` after, on the signal high-passed at 0.5 Hz so that drift stays out of the
/// template) is compared with the template: once `establishedBeats` beats agree (correlation ≥
/// `learnCorrelation`, at intervals within ±25 % of each other), a candidate whose QRS part
/// correlates ≥ `subtractCorrelation` with the template, at a sub-sample alignment, is subtracted
/// with its own least-squares gain. A candidate that does not match is looked for again by
/// shape within ±30 ms where the rhythm expects a beat (`realign`: a potential on the beat can be
/// the largest value). Anything else — a twitch, a movement, noise — is passed
/// unchanged: a recording without ECG comes out bit for bit as it went in.
///
/// The output lags the input by `delay` samples (the window before an R wave must still be held
/// when the wave is confirmed); `finish` hands back the held samples. Each sample is taken and
/// given in order, so any chunking gives the same output.
struct HeartbeatCanceller: Sendable {
    /// Window before and after an R wave, s: the QRS onset lies within 0.1 s of the R peak, the
    /// T wave within 0.4 s after it.
    static let preSeconds = 0.1, postSeconds = 0.4
    /// A candidate R wave is confirmed when nothing larger comes within this time, s: the PR
    /// interval (≤ 0.2 s), so that a P wave above the floor is never taken for the beat.
    static let confirmSeconds = 0.2
    /// The shortest interval between beats, s (heart rates up to 170 per minute), which also
    /// keeps the T wave (0.2–0.35 s after the R wave) from being a candidate.
    static let refractorySeconds = 0.35
    /// Beats that must agree before anything is subtracted.
    static let establishedBeats = 4
    /// Correlation with the template for a beat to join it, and for one to be subtracted.
    static let learnCorrelation = 0.8, subtractCorrelation = 0.7
    /// The smallest R wave, in multiples of the QRS band's quiet RMS.
    static let minimumHeight = 8.0
    /// The template averages this many beats (exponentially thereafter).
    static let templateMemory = 16

    let pre: Int, post: Int, confirm: Int, refractory: Int, delay: Int
    /// Largest alignment shift searched, samples (±3 ms).
    let maxLag: Int
    /// How far, samples (±30 ms), the R wave is looked for by shape when the candidate — the
    /// largest QRS-band value — does not match (`realign`).
    let searchLag: Int
    /// Seconds of that search: the QRS complex's half-width. A potential on a beat can make its S
    /// wave, or one of its own phases, the largest value; the R wave is then within a QRS of it.
    static let searchSeconds = 0.03
    let mask: Int
    private var raw: [Double]
    private var high: [Double]
    /// The QRS band (8–30 Hz), on which beats are found, aligned and compared: on the wider
    /// band any two smooth windows (drift, 1/f noise) correlate.
    private(set) var qrs: [Double]
    private var qrsHigh: Biquad, qrsLow: Biquad, baseline: Biquad
    private let qrsFilters: (Biquad, Biquad, Biquad)
    /// Samples taken so far (the index of the next one).
    private(set) var taken = 0
    /// Samples given out so far.
    private(set) var given = 0
    private var candidate = -1, candidateHeight = 0.0
    /// A candidate that did not match the template, waiting for the samples `realign` needs (it
    /// is concluded before any later candidate: those wait out the refractory period).
    private var deferred: Int? = nil
    /// Whether every beat seen is kept in `beatsSeen` (the start-up probe of `heartbeats(in:)`).
    private var recordsBeats = false
    /// The beats seen, matching the template or starting it (their QRS band's peaks), when
    /// `recordsBeats`.
    private(set) var beatsSeen: [Int] = []
    /// Whether a candidate that does not match is looked for again by shape (`realign`); off
    /// only in tests, to show the rule acts.
    var realigns = true
    private var lastBeat = Int.min / 2
    /// The QRS band's quiet level: RMS per `blockLength` samples, from the lower tail of the last
    /// 5 s (`RobustLevel`, which the beats themselves do not lift).
    private var noise: RobustLevel
    private let blockLength: Int
    private var blockSum = 0.0, blockCount = 0
    private var recentHeights: [Double] = []
    /// The last `heldRhythm` intervals between matching beats (gaps that `spansGap` bridged left
    /// out); the rhythm of `fitsRhythm` is judged on the last `establishedBeats` of them.
    private(set) var heldIntervals: [Int] = []
    var recentIntervals: ArraySlice<Int> { heldIntervals.suffix(Self.establishedBeats) }
    private var lastCandidate = Int.min / 2
    private var template: [Double]
    /// The template's QRS band, for matching.
    private(set) var qrsTemplate: [Double]
    private(set) var templateBeats = 0
    private var misses = 0
    /// Beats being subtracted: R index, sub-sample shift, gain.
    private var active: [(r: Int, shift: Double, gain: Double)] = []
    /// Beats whose whole window will join the template once it has come: R index, integer shift.
    private var pending: [(r: Int, lag: Int)] = []
    /// Beats subtracted so far.
    private(set) var subtractedBeats = 0
    /// Only delays (a column without ECG beside one with it: the columns stay aligned).
    let delaysOnly: Bool
    /// A subtracted beat: its QRS span (sample indices), where what is left is the subtraction's
    /// residual, and that residual's largest 10 ms energy there (of first differences, which
    /// weigh the pass band of twitches and not the baseline; `residueEnergy`). Beat-to-beat changes of the ECG
    /// leave residuals of similar energy; a potential on the beat adds its own.
    struct RemovedBeat: Sendable, Equatable {
        var span: ClosedRange<Int>
        var residue: Double
        /// The beat's time: its QRS band's peak (sample index, aligned to the template), a few
        /// milliseconds after the R wave (the band's delay).
        var peak: Int
    }
    /// The beats subtracted since `takeRemovedSpans`.
    private var removedSpans: [RemovedBeat] = []
    private let spanBefore: Int, spanAfter: Int
    /// 10 ms in samples: the window `residueEnergy` takes its largest energy over.
    private let residueWindow: Int

    init(sampleRate: Double, delaysOnly: Bool = false) {
        self.delaysOnly = delaysOnly
        pre = max(2, Int((Self.preSeconds * sampleRate).rounded()))
        post = max(4, Int((Self.postSeconds * sampleRate).rounded()))
        confirm = max(2, Int((Self.confirmSeconds * sampleRate).rounded()))
        refractory = max(confirm + 1, Int((Self.refractorySeconds * sampleRate).rounded()))
        maxLag = max(1, Int((0.003 * sampleRate).rounded()))
        searchLag = max(maxLag, Int((Self.searchSeconds * sampleRate).rounded()))
        // The window of a beat found up to `searchLag` before its candidate must still be held
        // when the candidate is judged, `searchLag` after its confirmation.
        delay = pre + confirm + 2 * searchLag + maxLag + 2
        var length = 1
        while length < pre + post + delay + 2 * maxLag + 8 { length *= 2 }
        mask = length - 1
        raw = [Double](repeating: 0, count: length)
        high = [Double](repeating: 0, count: length)
        qrs = [Double](repeating: 0, count: length)
        let upper = min(30, 0.4 * sampleRate)
        qrsFilters = (Biquad.highPass(cutoff: 8, q: 0.7071, sampleRate: sampleRate),
                      Biquad.lowPass(cutoff: upper, q: 0.7071, sampleRate: sampleRate),
                      Biquad.highPass(cutoff: 0.5, q: 0.7071, sampleRate: sampleRate))
        (qrsHigh, qrsLow, baseline) = qrsFilters
        blockLength = max(2, Int((0.02 * sampleRate).rounded()))
        noise = RobustLevel(capacity: 256, refreshInterval: 16)
        template = [Double](repeating: 0, count: pre + post + 1)
        qrsTemplate = template
        spanBefore = Int((0.06 * sampleRate).rounded())
        spanAfter = Int((0.08 * sampleRate).rounded())
        residueWindow = max(2, Int((0.01 * sampleRate).rounded()))
    }

    /// The beats subtracted since the last call.
    mutating func takeRemovedSpans() -> [RemovedBeat] {
        defer { removedSpans.removeAll(keepingCapacity: true) }
        return removedSpans
    }

    /// Starts again after a gap (or at the start) with `first` as the next sample; the template
    /// is kept (the heart is the same), the rhythm is not.
    mutating func restart(first: Double) {
        (qrsHigh, qrsLow, baseline) = qrsFilters
        qrsHigh.prime(steadyInput: first)
        qrsLow.prime(steadyInput: 0)
        baseline.prime(steadyInput: first)
        taken = 0
        given = 0
        candidate = -1
        candidateHeight = 0
        lastBeat = Int.min / 2
        lastCandidate = Int.min / 2
        heldIntervals.removeAll()
        active.removeAll()
        pending.removeAll()
    }

    /// Takes `count` samples from `input`, writes the samples now final to `output` (as many as
    /// the return value says: `count` once the first `delay` have been taken).
    mutating func process(_ input: UnsafePointer<Double>, count: Int, into output: UnsafeMutablePointer<Double>) -> Int {
        var written = 0
        for i in 0..<count {
            take(input[i])
            if taken > delay {
                output[written] = give()
                written += 1
            }
        }
        return written
    }

    /// The QRS spans of the beats in `samples` (the first seconds of a column), or nil when they
    /// show no ECG. An ECG is at least three R waves above the height floor that agree in shape
    /// (the template has learnt three: the first and two matching it at correlation ≥
    /// `learnCorrelation`; a burst's peaks clear the floor too, but never match). Columns without
    /// one are not filtered for it (it costs a fifth of an 8-channel analysis): ECG is a matter
    /// of where the electrodes sit, which does not change. The spans are every beat seen,
    /// subtracted or not (the first ones never are): the detector's quiet level is seeded
    /// without them.
    static func heartbeats(in samples: [Double], sampleRate: Double) -> [ClosedRange<Int>]? {
        guard let first = samples.first else { return nil }
        var probe = HeartbeatCanceller(sampleRate: sampleRate)
        probe.recordsBeats = true
        probe.restart(first: first)
        var sink = [Double](repeating: 0, count: samples.count)
        _ = samples.withUnsafeBufferPointer { input in
            sink.withUnsafeMutableBufferPointer { probe.process(input.baseAddress!, count: samples.count, into: $0.baseAddress!) }
        }
        guard probe.templateBeats >= 3 else { return nil }
        return probe.beatsSeen.map(probe.qrsSpan(around:))
    }

    /// The QRS span around a beat's time (its QRS band's peak): what `RemovedBeat.span` covers.
    func qrsSpan(around peak: Int) -> ClosedRange<Int> { (peak - spanBefore)...(peak + spanAfter) }

    /// Hands back the samples still held (end of input or a gap).
    mutating func finish(into output: UnsafeMutablePointer<Double>) -> Int {
        var written = 0
        while given < taken {
            output[written] = give()
            written += 1
        }
        return written
    }

    private mutating func take(_ x: Double) {
        let n = taken
        taken += 1
        raw[n & mask] = x
        if delaysOnly { return }
        high[n & mask] = baseline.process(x)
        let y = qrsLow.process(qrsHigh.process(x))
        qrs[n & mask] = y
        blockSum += y * y
        blockCount += 1
        if blockCount == blockLength {
            noise.offer((blockSum / Double(blockLength)).squareRoot(), quiet: true)
            blockSum = 0
            blockCount = 0
        }
        let a = abs(y)
        if n - lastBeat >= refractory && a > candidateHeight {
            candidate = n
            candidateHeight = a
        }
        // A candidate that did not match, once the window `realign` searches has come.
        if let r = deferred, n - r >= confirm + searchLag {
            deferred = nil
            conclude(r, realigning: true)
        }
        // Judged once the window after it (and room for the alignment shift) has come.
        if candidate >= 0 && n - candidate >= confirm + maxLag {
            judge(candidate, height: candidateHeight)
            candidate = -1
            candidateHeight = 0
        }
        while let first = pending.first, n >= first.r + post + first.lag {
            learn(first.r, lag: first.lag)
            pending.removeFirst()
        }
    }

    private mutating func give() -> Double {
        let m = given
        given += 1
        var x = raw[m & mask]
        for beat in active {
            let t = Double(m - beat.r + pre) - beat.shift
            guard t > -2, t < Double(pre + post + 2) else { continue }
            x -= beat.gain * templateAt(t)
        }
        if let first = active.first, m >= first.r + post + maxLag + 1 { active.removeFirst() }
        return x
    }

    @inline(__always)
    private func templateValue(_ k: Int) -> Double { k >= 0 && k <= pre + post ? template[k] : 0 }

    /// The template at fractional index `t`: Catmull-Rom between its values (a QRS complex spans
    /// only a few samples at low rates, where a straight line between them would leave much of
    /// it behind).
    @inline(__always)
    private func templateAt(_ t: Double) -> Double {
        let k = Int(t.rounded(.down)), f = t - Double(k)
        let p0 = templateValue(k - 1), p1 = templateValue(k), p2 = templateValue(k + 1), p3 = templateValue(k + 2)
        return p1 + 0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)))
    }

    /// The largest energy of the first differences, over any 10 ms within `span`, of what
    /// subtracting the beat at `r` (shift, gain) leaves (all of the span already taken: it ends
    /// before the confirmation). 10 ms, a potential's length: summed over the whole span, the
    /// noise of 140 ms hid a potential of 10× its RMS (1.7× the plain residue); over 10 ms it
    /// stands out ~6×.
    private func residueEnergy(r: Int, shift: Double, gain: Double, over span: ClosedRange<Int>) -> Double {
        var squares: [Double] = []
        squares.reserveCapacity(span.count)
        var previous = raw[(span.lowerBound - 1) & mask] - gain * templateAt(Double(span.lowerBound - 1 - r + pre) - shift)
        for m in span {
            let value = raw[m & mask] - gain * templateAt(Double(m - r + pre) - shift)
            squares.append((value - previous) * (value - previous))
            previous = value
        }
        let window = min(squares.count, residueWindow)
        var sum = squares.prefix(window).reduce(0, +), largest = sum
        for i in window..<squares.count {
            sum += squares[i] - squares[i - window]
            largest = max(largest, sum)
        }
        return largest
    }

    /// A confirmed candidate R wave at `r` (now `confirm` samples in the past).
    private mutating func judge(_ r: Int, height: Double) {
        // A QRS complex stands far above the band's noise (whose largest value in a refractory
        // period is about 3.3 × its RMS, so 8 × is never reached by Gaussian noise: noise peaks
        // have the band's autocorrelation as their mean shape, alike enough to pass for beats);
        // and it is at least half the recent beats' size (a lower floor would let a noise peak
        // just before a beat hold the beat off).
        guard noise.isPrimed, height >= Self.minimumHeight * noise.median else { return }
        if recentHeights.count >= 3 {
            let sorted = recentHeights.sorted()
            let typical = sorted[sorted.count / 2]
            guard height >= 0.5 * typical else { return }
            // Far larger than the beats: something else (a strong twitch, a movement) is there.
            if height > 2 * typical && templateBeats >= Self.establishedBeats { return }
        }
        lastBeat = r
        recentHeights.append(height)
        if recentHeights.count > 8 { recentHeights.removeFirst() }
        if templateBeats == 0 {
            lastCandidate = r
            pending.append((r, 0))
            if recordsBeats { beatsSeen.append(r) }
            return
        }
        conclude(r, realigning: false)
    }

    /// Matches a candidate R wave that passed the height checks with the template, and
    /// subtracts it when it is a beat on the rhythm. A candidate that does not match, once the
    /// template is established, is concluded `searchLag` later (`realigning`), when the window
    /// around it has come for `realign`.
    private mutating func conclude(_ r: Int, realigning: Bool) {
        // Align the QRS part (the window up to the confirmation) with the template.
        let span = pre + confirm
        var r = r
        var (best, bestLag, scores) = align(r, span: span)
        // Found by its shape rather than its size: not learnt (whatever moved the largest value
        // is on this beat and would enter the template).
        var realigned = false
        if best < Self.subtractCorrelation && templateBeats >= Self.establishedBeats && realigns {
            guard realigning else { deferred = r; return }
            // Only where the rhythm expects the beat: a window that matches elsewhere (beside a
            // twitch between beats) would put a false interval into the rhythm.
            if let better = realign(r, span: span), !spansGap(better - lastCandidate),
               fitsRhythm(rhythmInterval(better - lastCandidate)) {
                r = better
                (best, bestLag, scores) = align(r, span: span)
                realigned = true
            }
        }
        // The rhythm is that of the beats matching the template, not of every candidate.
        let interval = rhythmInterval(r - lastCandidate)
        let afterGap = spansGap(r - lastCandidate)
        let onRhythm = best >= Self.subtractCorrelation && !afterGap && fitsRhythm(interval)
        if best >= Self.learnCorrelation && !realigned {
            misses = 0
            pending.append((r, bestLag))
        }
        if best >= Self.subtractCorrelation {
            lastCandidate = r
            if recordsBeats { beatsSeen.append(r + bestLag) }
            if !afterGap {
                heldIntervals.append(interval)
                if heldIntervals.count > Self.heldRhythm { heldIntervals.removeFirst() }
            }
        } else {
            misses += 1
            if misses >= 5 {
                // The template matches nothing any more (it was learnt from noise, or the
                // electrode moved): start again from this candidate.
                templateBeats = 0
                misses = 0
                lastCandidate = r
                heldIntervals.removeAll()
                pending.removeAll()
                pending.append((r, 0))
                return
            }
        }
        guard templateBeats >= Self.establishedBeats, onRhythm else { return }
        // Sub-sample shift from a parabola through the best score and its neighbours.
        var shift = Double(bestLag)
        let i = bestLag + maxLag
        if i > 0 && i < scores.count - 1 {
            let (l, c, h) = (scores[i - 1], scores[i], scores[i + 1])
            let d = l - 2 * c + h
            if d < 0 { shift += max(-0.5, min(0.5, 0.5 * (l - h) / d)) }
        }
        // Least-squares gain of the template on the QRS part, kept within a factor of two.
        var num = 0.0, den = 0.0
        for k in 0..<span {
            let t = qrsTemplate[k], x = qrs[(r + bestLag - pre + k) & mask]
            num += t * x
            den += t * t
        }
        let gain = den > 0 ? max(0.5, min(2, num / den)) : 1
        active.append((r, shift, gain))
        subtractedBeats += 1
        let removed = qrsSpan(around: r + bestLag)
        removedSpans.append(RemovedBeat(span: removed,
                                        residue: residueEnergy(r: r, shift: shift, gain: gain, over: removed),
                                        peak: r + bestLag))
    }

    /// Adds the whole window of the beat at `r` (shifted by `lag`) to the template.
    private mutating func learn(_ r: Int, lag: Int) {
        let start = r + lag - pre
        guard start >= 0, taken - start <= mask + 1 else { return }
        let weight = 1 / Double(min(templateBeats + 1, Self.templateMemory))
        for k in 0...(pre + post) {
            template[k] += weight * (high[(start + k) & mask] - template[k])
            qrsTemplate[k] += weight * (qrs[(start + k) & mask] - qrsTemplate[k])
        }
        templateBeats += 1
    }
}
