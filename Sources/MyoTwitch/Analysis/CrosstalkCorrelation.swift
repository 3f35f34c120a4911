/// Zero-lag correlation of the pass-band EMG between every pair of channels, kept in tiles of
/// 0.1 s for the last 10 minutes, so that the crosstalk filter can ask how alike two channels
/// were over any stretch of that time.
///
/// Crosstalk is volume conduction: a neighbour sees a scaled, practically simultaneous copy of
/// the active muscle, so over a sustained event the two pass-band signals correlate strongly,
/// while two muscles active on their own do not (their motor units fire independently). The SNR
/// of a copy says little by itself: it depends on the neighbour's own noise.
struct CrosstalkCorrelation {
    let channels: Int
    /// Samples per tile.
    let tileLength: Int
    /// Every `step`-th sample enters the sums: about 1,000 per second are plenty for a
    /// correlation over tenths of a second, and keep the cost flat at high rates.
    let step: Int
    /// Tiles kept: 10 minutes. Longer events are judged on their last 10 minutes.
    let capacity: Int
    private let pairs: Int
    /// Completed tiles' sums, single precision: 7 digits are plenty for a correlation, and the
    /// history (pairs × 6,000 tiles) is the analyzer's largest allocation with many channels.
    private var sums: [Float]
    private var tileOfSlot: [Int]
    private var current: [Double]
    private var currentTile = -1
    /// The channels of each pair, in pair order (`pair(a, b)`).
    private let pairIndex: [(a: Int, b: Int)]

    /// Seconds per tile.
    static let tileSeconds = 0.1
    /// Seconds of history.
    static let historySeconds = 600.0

    init(channels: Int, sampleRate: Double) {
        self.channels = channels
        tileLength = max(1, Int((Self.tileSeconds * sampleRate).rounded()))
        step = max(1, Int(sampleRate / 1000))
        capacity = max(1, Int(Self.historySeconds / Self.tileSeconds))
        pairs = channels * (channels + 1) / 2
        sums = Array(repeating: 0, count: capacity * pairs)
        tileOfSlot = Array(repeating: -1, count: capacity)
        current = Array(repeating: 0, count: pairs)
        pairIndex = (0..<channels).flatMap { a in (a..<channels).map { b in (a: a, b: b) } }
    }

    /// Index of pair (a, b), a ≤ b, in a tile's sums.
    @inline(__always)
    private func pair(_ a: Int, _ b: Int) -> Int { a * channels - a * (a - 1) / 2 + (b - a) }

    /// Adds `count` samples per channel, the first at global sample index `first`.
    mutating func add(_ signals: [UnsafePointer<Double>], count: Int, first: Int) {
        guard signals.count == channels else { return }
        var i = 0
        while i < count {
            let n = first + i
            let tile = n / tileLength
            if tile != currentTile { commit(); currentTile = tile }
            // The samples of this tile within the block, every `step`-th by global index.
            let tileEnd = min(count, (tile + 1) * tileLength - first)
            let j = i + (step - n % step) % step
            if j < tileEnd { accumulate(signals, from: j, to: tileEnd) }
            i = tileEnd
        }
    }

    /// Adds samples `from`, `from + step`, … before `to` of every pair to the current tile's sums.
    /// Pair by pair, four at a time: each sum takes its products in sample order (the same
    /// additions as sample by sample), kept in a register, and four independent sums keep the
    /// adder busy.
    private mutating func accumulate(_ signals: [UnsafePointer<Double>], from: Int, to: Int) {
        let step = self.step, pairs = self.pairs
        current.withUnsafeMutableBufferPointer { acc in
            pairIndex.withUnsafeBufferPointer { members in
                var p = 0
                while p + 4 <= pairs {
                    let (a0, b0) = members[p], (a1, b1) = members[p + 1]
                    let (a2, b2) = members[p + 2], (a3, b3) = members[p + 3]
                    let (x0, y0, x1, y1) = (signals[a0], signals[b0], signals[a1], signals[b1])
                    let (x2, y2, x3, y3) = (signals[a2], signals[b2], signals[a3], signals[b3])
                    var (s0, s1, s2, s3) = (acc[p], acc[p + 1], acc[p + 2], acc[p + 3])
                    var j = from
                    while j < to {
                        s0 += x0[j] * y0[j]
                        s1 += x1[j] * y1[j]
                        s2 += x2[j] * y2[j]
                        s3 += x3[j] * y3[j]
                        j += step
                    }
                    (acc[p], acc[p + 1], acc[p + 2], acc[p + 3]) = (s0, s1, s2, s3)
                    p += 4
                }
                while p < pairs {
                    let (x, y) = (signals[members[p].a], signals[members[p].b])
                    var sum = acc[p], j = from
                    while j < to { sum += x[j] * y[j]; j += step }
                    acc[p] = sum
                    p += 1
                }
            }
        }
    }

    private mutating func commit() {
        guard currentTile >= 0 else { return }
        let slot = currentTile % capacity
        for p in 0..<pairs {
            sums[slot * pairs + p] = Float(current[p])
            current[p] = 0
        }
        tileOfSlot[slot] = currentTile
    }

    /// The sums so far over the current tile for channels `a` and `b`: Σab, Σaa, Σbb.
    func currentSums(_ a: Int, _ b: Int) -> (ab: Double, aa: Double, bb: Double) {
        let (x, y) = (min(a, b), max(a, b))
        let (xx, yy) = (current[pair(x, x)], current[pair(y, y)])
        return (current[pair(x, y)], a < b ? xx : yy, a < b ? yy : xx)
    }

    /// The correlation of channels `a` and `b` over samples `from...to`, or nil when less than
    /// half a second of it is still kept.
    func correlation(_ a: Int, _ b: Int, from: Int, to: Int) -> Double? {
        guard a != b, a >= 0, b >= 0, a < channels, b < channels, to >= from else { return nil }
        let (x, y) = (min(a, b), max(a, b))
        let pab = pair(x, y), paa = pair(x, x), pbb = pair(y, y)
        var sab = 0.0, saa = 0.0, sbb = 0.0, tiles = 0
        for tile in (from / tileLength)...(to / tileLength) {
            if tile == currentTile {
                sab += current[pab]; saa += current[paa]; sbb += current[pbb]
            } else {
                let slot = tile % capacity
                guard tileOfSlot[slot] == tile else { continue }
                sab += Double(sums[slot * pairs + pab]); saa += Double(sums[slot * pairs + paa])
                sbb += Double(sums[slot * pairs + pbb])
            }
            tiles += 1
        }
        guard Double(tiles) * Self.tileSeconds >= 0.5, saa > 0, sbb > 0 else { return nil }
        return sab / (saa * sbb).squareRoot()
    }
}
