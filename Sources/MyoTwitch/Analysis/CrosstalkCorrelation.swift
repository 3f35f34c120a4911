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
            var j = i + (step - n % step) % step
            current.withUnsafeMutableBufferPointer { acc in
                while j < tileEnd {
                    var p = 0
                    for a in 0..<channels {
                        let x = signals[a][j]
                        for b in a..<channels {
                            acc[p] += x * signals[b][j]
                            p += 1
                        }
                    }
                    j += step
                }
            }
            i = tileEnd
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
