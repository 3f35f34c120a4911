/// Takes each neighbour's crosstalk out of an EMG channel's pass-band signal before detection.
///
/// Volume conduction makes a channel see a scaled, practically simultaneous copy of a strongly
/// active neighbour (3–20 % in our simulator; tens of percent between adjacent surface
/// electrodes). While the neighbour cramps, that copy is the channel's background and the
/// channel's own twitches drown in it. Subtracting `gain × neighbour` leaves the channel's own
/// activity: its motor units fire independently of the neighbour's, so they survive.
///
/// Works on the 0.1 s tiles of `CrosstalkCorrelation`, each seen whole (the analyzer holds rows
/// back until their tile is complete, so block sizes do not matter):
/// - **Learning.** The gain of source `b` into target `a` is the least-squares slope Σab / Σbb
///   over tiles in which `b` clearly dominates (≥ 2× `a`'s energy) and the two correlate
///   (|ρ| ≥ 0.4): tiles that show the copy and little else. Sums decay by 1 % per such tile (a
///   memory of ~10 s of crosstalk), so the gain follows a moved electrode. A gain needs 3 tiles
///   of support and must stay under 0.7 in size: a copy is weaker than its source, and two
///   channels with a larger slope carry the same signal (two digitisations of one electrode),
///   which subtracting would only distort.
/// - **Cleaning.** A tile is cleaned of `b` only when the tile itself shows the copy: ρ of the
///   same sign as the gain and |ρ| ≥ 0.3. A disturbance on `b` alone (an electrode pop, a
///   cable movement) is not volume-conducted, does not correlate, and so is never subtracted
///   into `a` as a fake spike.
final class CrosstalkCanceller {
    let channels: Int
    // The sums and tile records below are exempt from run-time exclusivity checks (`clean` runs
    // per tile over every pair; the checks cost 1 % of an 8-channel analysis). One thread at a
    // time drives a canceller.
    /// Per ordered pair `a * channels + b` (target `a`, source `b`): decayed Σab and Σbb.
    @exclusivity(unchecked) private var numerator: [Double]
    @exclusivity(unchecked) private var denominator: [Double]
    @exclusivity(unchecked) private var support: [Int]
    /// The same sums over every tile in which `b` dominates, correlated or not: the slope of a
    /// copy too weak to show in any one tile (and so never cleaned), for the crosstalk filter.
    @exclusivity(unchecked) private var weakNumerator: [Double]
    @exclusivity(unchecked) private var weakDenominator: [Double]
    @exclusivity(unchecked) private var weakSupport: [Int]
    /// Current gain per ordered pair; 0 while unknown.
    @exclusivity(unchecked) private(set) var gains: [Double]
    /// Per ordered pair, the learnt gain and the copy's size (`copyGain`) after each tile that
    /// changed them: the crosstalk filter judges an event by what was known at its tile, not by
    /// what has been learnt by the time it is released (which depends on block sizes).
    @exclusivity(unchecked) private var history: [GainHistory]
    /// Per kept tile and target channel, the sources it was cleaned of (bit `b`, `b` < 64).
    @exclusivity(unchecked) private var cleanedSources: [UInt64]
    /// Per kept tile and target channel, the largest gain of a copy left after cleaning (the
    /// slope of the cleaned signal on each source it was cleaned of).
    @exclusivity(unchecked) private var leftoverGains: [Float]
    @exclusivity(unchecked) private var tileOfSlot: [Int]
    /// Per kept tile and channel, the largest pass-band amplitude before cleaning: how large a
    /// copy of that channel can be anywhere in the tile.
    @exclusivity(unchecked) private var tilePeaks: [Float]
    /// Tiles remembered: as long as the correlation keeps them (10 min).
    let capacity: Int
    /// The signals of the tile before cleaning (every target is cleaned against originals).
    private var originals: [UnsafeMutablePointer<Double>] = []
    private var bufferCapacity = 0
    /// The (target, source, gain) cleanings of the current tile; kept to reuse its storage.
    @exclusivity(unchecked) private var pending: [(target: Int, source: Int, gain: Double)] = []

    static let dominance = 2.0
    static let learningCorrelation = 0.4
    static let cleaningCorrelation = 0.3
    static let decay = 0.99
    static let minimumSupport = 3
    /// Dominated tiles needed before a weak copy's slope is trusted (1 s of the source's activity).
    static let weakSupport = 10
    static let maximumGain = 0.7
    /// Gains below this are left off: such a copy is under the noise of any real recording.
    static let negligibleGain = 0.01

    init(channels: Int, tiles: Int) {
        self.channels = channels
        capacity = max(1, tiles)
        cleanedSources = Array(repeating: 0, count: capacity * channels)
        leftoverGains = Array(repeating: 0, count: capacity * channels)
        tileOfSlot = Array(repeating: -1, count: capacity)
        tilePeaks = Array(repeating: 0, count: capacity * channels)
        numerator = Array(repeating: 0, count: channels * channels)
        denominator = numerator
        support = Array(repeating: 0, count: channels * channels)
        weakNumerator = numerator
        weakDenominator = numerator
        weakSupport = support
        gains = numerator
        history = Array(repeating: GainHistory(), count: channels * channels)
    }

    /// Whether sample `index`'s tile (of `tileLength` samples) on `target` was cleaned of
    /// `source`, and if so the largest gain of a copy left in it; nil when it was not (or is no
    /// longer remembered).
    func leftover(target: Int, of source: Int, atSample index: Int, tileLength: Int) -> Double? {
        let tile = index / max(1, tileLength), slot = tile % capacity
        guard source != target, source >= 0, source < min(channels, 64), target >= 0, target < channels,
              index >= 0, tileOfSlot[slot] == tile,
              cleanedSources[slot * channels + target] & (1 << UInt64(source)) != 0 else { return nil }
        return Double(leftoverGains[slot * channels + target])
    }

    /// The largest pass-band amplitude of `channel` (before cleaning) in the tiles around sample
    /// `index` (its own and its two neighbours, those still kept), or nil when none is kept.
    func peak(of channel: Int, around index: Int, tileLength: Int) -> Double? {
        guard channel >= 0, channel < channels, index >= 0 else { return nil }
        let tile = index / max(1, tileLength)
        var peak: Float?
        for t in max(0, tile - 1)...(tile + 1) where tileOfSlot[t % capacity] == t {
            peak = max(peak ?? 0, tilePeaks[(t % capacity) * channels + channel])
        }
        return peak.map(Double.init)
    }

    /// The size of `source`'s copy in `target` relative to the source, as known after tile
    /// `tile` (the current value without it): the learnt gain, or for a copy too weak to learn
    /// from correlated tiles, the slope over the ≥ 10 tiles in which the source dominated; nil
    /// while neither is known.
    func copyGain(source: Int, target: Int, atTile tile: Int? = nil) -> Double? {
        guard source != target, source >= 0, target >= 0, source < channels, target < channels else { return nil }
        let k = target * channels + source
        if let tile {
            let copy = history[k].entry(atTile: tile)?.copy ?? -1
            return copy >= 0 ? copy : nil
        }
        return currentCopyGain(k)
    }

    private func currentCopyGain(_ k: Int) -> Double? {
        if gains[k] != 0 { return abs(gains[k]) }
        // A slope beyond the largest gain: the two channels carry the same signal (not a copy
        // the canceller can describe); the crosstalk filter's other rules judge them.
        if support[k] >= Self.minimumSupport, denominator[k] > 0,
           abs(numerator[k] / denominator[k]) > Self.maximumGain { return nil }
        guard weakSupport[k] >= Self.weakSupport, weakDenominator[k] > 0 else { return nil }
        return abs(weakNumerator[k] / weakDenominator[k])
    }

    /// The learnt crosstalk gain of `source` into `target` (pass-band amplitude ratio), or 0;
    /// as known after tile `tile` when given.
    func gain(source: Int, target: Int, atTile tile: Int? = nil) -> Double {
        guard source != target, source >= 0, target >= 0, source < channels, target < channels else { return 0 }
        let k = target * channels + source
        if let tile { return history[k].entry(atTile: tile)?.gain ?? 0 }
        return gains[k]
    }

    /// Forgets the gain history before tile `tile`: no event still to be judged ends earlier
    /// (the analyzer's earliest unreleased onset), so none will ask.
    func forgetGains(before tile: Int) {
        for k in history.indices { history[k].forget(before: tile) }
    }

    deinit {
        for p in originals { p.deallocate() }
    }

    /// Learns from tile number `tile`, whose `count` samples per channel `signals` hold
    /// (`correlation` has just taken them, and they are the whole tile), then cleans them in
    /// place, marking the channels it changed in `changed`.
    func clean(_ signals: [UnsafeMutablePointer<Double>], count: Int, tile: Int,
               correlation: CrosstalkCorrelation, changed: inout [Bool]) {
        guard signals.count == channels, changed.count == channels, count > 0 else { return }
        let slot = tile % capacity
        tileOfSlot[slot] = tile
        for a in 0..<channels {
            cleanedSources[slot * channels + a] = 0
            leftoverGains[slot * channels + a] = 0
            var peak = 0.0
            let signal = UnsafePointer(signals[a])
            for i in 0..<count { peak = max(peak, abs(signal[i])) }
            tilePeaks[slot * channels + a] = Float(peak)
        }
        let (dominance, learning, cleaning) = (Self.dominance, Self.learningCorrelation, Self.cleaningCorrelation)
        let (decay, minimumSupport, negligible, maximum) = (Self.decay, Self.minimumSupport, Self.negligibleGain, Self.maximumGain)
        pending.removeAll(keepingCapacity: true)
        for a in 0..<channels {
            for b in 0..<channels where b != a {
                let s = correlation.currentSums(a, b)
                guard s.aa > 0, s.bb > 0 else { continue }
                let rho = s.ab / (s.aa * s.bb).squareRoot()
                let k = a * channels + b
                if s.bb >= dominance * s.aa {
                    weakNumerator[k] = decay * weakNumerator[k] + s.ab
                    weakDenominator[k] = decay * weakDenominator[k] + s.bb
                    weakSupport[k] += 1
                    if abs(rho) >= learning {
                        numerator[k] = decay * numerator[k] + s.ab
                        denominator[k] = decay * denominator[k] + s.bb
                        support[k] += 1
                        let gain = numerator[k] / denominator[k]
                        gains[k] = support[k] >= minimumSupport && abs(gain) >= negligible
                            && abs(gain) <= maximum ? gain : 0
                    }
                    history[k].append(tile: tile, gain: gains[k], copy: currentCopyGain(k) ?? -1,
                                      keepingFrom: tile - capacity)
                }
                let gain = gains[k]
                if gain != 0 && rho * gain > 0 && abs(rho) >= cleaning { pending.append((a, b, gain)) }
            }
        }
        guard !pending.isEmpty else { return }
        reserve(count)
        for c in 0..<channels { originals[c].update(from: signals[c], count: count) }
        for (a, b, gain) in pending {
            let (target, source) = (signals[a], UnsafePointer(originals[b]))
            for i in 0..<count { target[i] -= gain * source[i] }
            changed[a] = true
            if b < 64 { cleanedSources[slot * channels + a] |= 1 << UInt64(b) }
        }
        for (a, b, _) in pending {
            let (target, source) = (UnsafePointer(signals[a]), UnsafePointer(originals[b]))
            var ab = 0.0, bb = 0.0
            for i in 0..<count { ab += target[i] * source[i]; bb += source[i] * source[i] }
            let k = slot * channels + a
            if bb > 0 { leftoverGains[k] = max(leftoverGains[k], Float(abs(ab / bb))) }
        }
    }

    private func reserve(_ count: Int) {
        guard count > bufferCapacity else { return }
        for p in originals { p.deallocate() }
        bufferCapacity = max(count, 1024)
        originals = (0..<channels).map { _ in .allocate(capacity: bufferCapacity) }
    }
}

/// One pair's gains after each tile that changed them, oldest first; entries before `keepingFrom`
/// go, except the last of them (the value still in force there). Stored in single precision (12
/// bytes a tile; the amplitudes they scale are kept so too, `tilePeaks`).
private struct GainHistory {
    private var tiles: [Int32] = []
    private var values: [(gain: Float, copy: Float)] = []
    private var start = 0

    mutating func append(tile: Int, gain: Double, copy: Double, keepingFrom oldest: Int) {
        tiles.append(Int32(clamping: tile))
        values.append((Float(gain), Float(copy)))
        forget(before: oldest)
    }

    /// Drops the entries no query at `oldest` or later needs (all but the last before it).
    mutating func forget(before oldest: Int) {
        while start + 1 < tiles.count && Int(tiles[start + 1]) <= oldest { start += 1 }
        if start > 64 && 2 * start > tiles.count {
            tiles.removeFirst(start)
            values.removeFirst(start)
            start = 0
        }
    }

    /// The values after the last change at or before `tile`; nil when none came by then.
    func entry(atTile tile: Int) -> (gain: Double, copy: Double)? {
        var (lo, hi) = (start, tiles.count)  // the first index whose tile is after `tile`
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tiles[mid]) <= tile { lo = mid + 1 } else { hi = mid }
        }
        return lo > start ? (Double(values[lo - 1].gain), Double(values[lo - 1].copy)) : nil
    }
}
