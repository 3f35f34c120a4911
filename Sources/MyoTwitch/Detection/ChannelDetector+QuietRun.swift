extension ChannelDetector {
    /// Runs samples `i..<count` of the block through the detector for as long as nothing but quiet
    /// bookkeeping can happen, and returns the block index of the first sample that needs the full
    /// per-sample path (`count` if none).
    ///
    /// Most of a recording is quiet: neither detector is inside a segment, and until the next
    /// quiet-level value (`levelDecimation`, `slowDecimation`), the end of an episode window or the
    /// closing of the open group, every threshold is a constant. Such a stretch only has to keep
    /// the rings, sums and clipping runs and note its quiet samples, which this loop does with its
    /// state in registers; the first sample whose envelope crosses a high threshold is left
    /// untouched for the full path. Same arithmetic in the same order as `detect`, so the same
    /// result bit for bit.
    func quietRun(columns: [UnsafePointer<Double>], from i: Int, count: Int) -> Int {
        let n0 = index
        guard usesQuietRuns, phase == .idle, !slowActive, n0 >= settledAt, n0 >= burstLength,
              level.isPrimed, slowLevel.isPrimed else { return i }
        // The first index at which something other than quiet bookkeeping may be due.
        var limit = min(n0 + (count - i), levelTicks.next, slowTicks.next)
        if n0 - previousSpikeEnd <= episodeWindow { limit = min(limit, previousSpikeEnd + episodeWindow + 1) }
        if !group.isEmpty { limit = min(limit, group.end + groupCloseGap + 1) }
        guard limit > n0 else { return i }

        let (high, low, _) = thresholds(at: n0)
        let (slowHigh, slowLow) = slowThresholds
        let inverseLength = 1 / Double(envelopeLength), slowLength = Double(burstLength)
        let onsetLine = RootComparison(threshold: high, scale: 1)
        let shortOn = shortLength > 0
        let shortLine = RootComparison(threshold: shortOn ? shortThreshold(at: n0) : 0, scale: 1)
        let shortWin = shortWindow, shortSize = shortLength, inverseShort = 1 / Double(max(1, shortLength))  // as `shortEnvelope(adding:)` computes it
        var shortSum = shortWindowSum, shortPosition = shortWindowPosition
        let quietLine = RootComparison(threshold: low, scale: 1)
        let slowOnsetLine = RootComparison(threshold: slowHigh, scale: slowLength)
        let slowQuietLine = RootComparison(threshold: slowLow, scale: slowLength)
        let window = energyWindow, ring = energyRing, mask = ringMask
        let length = envelopeLength, slowLag = burstLength
        let band = bandEnergy
        var windowSum = energyWindowSum, position = energyWindowPosition, slow = slowSum
        var quietAt = lastQuietIndex, slowQuietAt = lastSlowQuietIndex
        var k = i, n = n0
        let end = i + (limit - n0)
        // The ring's reads reach `burstLength` back, before the run (`limit` is at most one slow
        // step ahead): its writes, like everything the decisions do not read, wait for `record`.
        while k < end {
            let e = band[k]
            let nextWindowSum = windowSum + (e - window[position])
            let nextSlow = slow + (e - ring[(n - slowLag) & mask])
            // The envelopes are square roots of these; `RootComparison` takes one only when a
            // value is too close to a threshold to tell without it.
            let energy = nextWindowSum * inverseLength
            if onsetLine.isBelow(energy, root: max(0, energy).squareRoot())
                || slowOnsetLine.isBelow(nextSlow, root: max(0, nextSlow / slowLength).squareRoot()) { break }
            var nextShortSum = 0.0
            if shortOn {
                nextShortSum = shortSum + (e - shortWin[shortPosition])
                let shortEnergy = nextShortSum * inverseShort
                if shortLine.isBelow(shortEnergy, root: max(0, shortEnergy).squareRoot()) { break }
            }
            #if DEBUG
            // What the full path would have done at `n`: nothing but quiet bookkeeping.
            if thresholds(at: n) != (high, low, level.median) || slowThresholds != (slowHigh, slowLow)
                || n % levelDecimation == 0 || n % slowDecimation == 0
                || (!group.isEmpty && n - group.end > groupCloseGap) {
                quietRunMisjudged = true
            }
            #endif
            windowSum = nextWindowSum
            window[position] = e
            position = position + 1 == length ? 0 : position + 1
            slow = nextSlow
            if shortOn {
                shortWin[shortPosition] = e
                shortPosition = shortPosition + 1 == shortSize ? 0 : shortPosition + 1
                shortSum = nextShortSum
            }
            if quietLine.isAtOrAbove(energy, root: max(0, energy).squareRoot()) { quietAt = n }
            if slowQuietLine.isAtOrAbove(nextSlow, root: max(0, nextSlow / slowLength).squareRoot()) {
                slowQuietAt = n
            }
            k += 1
            n += 1
        }
        record(columns: columns, from: i, to: k, at: n0)
        quietRunSamples += k - i
        energyWindowSum = windowSum
        energyWindowPosition = position
        shortWindowSum = shortSum
        shortWindowPosition = shortPosition
        slowSum = slow
        lastQuietIndex = quietAt
        lastSlowQuietIndex = slowQuietAt
        index = n
        return k
    }

    /// Writes block rows `i..<k` (sample indices from `n0`) into the rings, clipping runs and trace,
    /// a stream at a time.
    private func record(columns: [UnsafePointer<Double>], from i: Int, to k: Int, at n0: Int) {
        guard k > i else { return }
        copy(bandEnergy + i, count: k - i, intoRing: energyRing, at: n0)
        copy(motionEnergy + i, count: k - i, intoRing: motionRing, at: n0)
        for c in 0..<columnCount {
            let column = columns[c]
            copy(column + i, count: k - i, intoRing: rawRing[c], at: n0)
            var tracker = clipping[c]  // a local, so that it stays in registers
            for j in i..<k { tracker.add(column[j]) }
            clipping[c] = tracker
        }
        if collectTrace { for j in i..<k { addToTrace(bandEnergy[j]) } }
    }

    /// Writes `count` values as ring slots `n0 & ringMask` onwards, wrapping: at most two
    /// contiguous copies instead of a masked store per value.
    private func copy(_ values: UnsafePointer<Double>, count: Int, intoRing ring: UnsafeMutablePointer<Double>,
                      at n0: Int) {
        let length = ringMask + 1
        // Of more values than slots only the last `length` stay.
        let skipped = max(0, count - length)
        let start = (n0 + skipped) & ringMask, total = count - skipped
        let head = min(total, length - start)
        (ring + start).update(from: values + skipped, count: head)
        ring.update(from: values + skipped + head, count: total - head)
    }
}

/// `root > threshold` and `root <= threshold` for a root that is the square root of `value /
/// scale` (rounded as its caller rounds it), decided from `value` alone wherever a margin of one
/// part in 10⁹ makes that certain — and from `root` otherwise. The caller passes `root` as an
/// expression the optimiser computes only on that rare path, so the answer is always the one the
/// square root gives, bit for bit, and the square root is almost never paid.
struct RootComparison {
    let threshold: Double
    /// Below `lower`, `root` is surely under the threshold; above `upper`, surely over it.
    let lower: Double, upper: Double

    init(threshold: Double, scale: Double) {
        self.threshold = threshold
        let square = threshold * threshold
        let scaled = square * scale
        if threshold > 0 && square.isNormal && scaled.isNormal {
            (lower, upper) = (scaled * (1 - 1e-9), scaled * (1 + 1e-9))
        } else {  // zero, subnormal, infinite or NaN lines: always the exact comparison
            (lower, upper) = (-.infinity, .infinity)
        }
    }

    /// Whether the line is below `root` (`root > threshold`).
    @inline(__always)
    func isBelow(_ value: Double, root: @autoclosure () -> Double) -> Bool {
        if value < lower { return false }
        if value > upper { return true }
        return root() > threshold
    }

    /// Whether the line is at or above `root` (`root <= threshold`).
    @inline(__always)
    func isAtOrAbove(_ value: Double, root: @autoclosure () -> Double) -> Bool {
        if value < lower { return true }
        if value > upper { return false }
        return root() <= threshold
    }
}
