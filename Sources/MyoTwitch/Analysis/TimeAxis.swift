/// Maps sample indices to seconds from the first sample, across gaps and clock anchors: within a
/// segment samples are evenly spaced at the segment's interval; a gap starts a new segment at the
/// time the input gave, and a `ClockAnchor` from the decoder (a fit to the time column) starts one
/// at the fitted time, so event times stay on the recording's clock over hours.
///
/// A sample's time depends only on segments that start at or before it, so it is the same
/// whether it is asked for as soon as its block arrived or at the end of the recording.
struct TimeAxis {
    private(set) var sampleCount = 0
    private var sampleRate = 1.0
    /// Segments: first index, its time, seconds per sample (nil: 1 / the layout's rate).
    private var runs: [(index: Int, time: Double, interval: Double?)] = [(0, 0, nil)]

    /// Segments kept: older ones are dropped in halves (only recent samples are asked for; the
    /// oldest a detector still holds is seconds old, while 2048 anchors span over an hour at
    /// 2 kHz), so memory stays bounded in an endless stream.
    static let keptSegments = 4096

    mutating func configure(sampleRate: Double) { self.sampleRate = sampleRate }

    mutating func advance(by count: Int, clock: [ClockAnchor] = []) {
        for anchor in clock {
            let index = sampleCount + anchor.offset
            if runs.last!.index == index { runs.removeLast() }
            runs.append((index, anchor.time, anchor.interval))
        }
        sampleCount += count
        if runs.count > Self.keptSegments { runs.removeFirst(Self.keptSegments / 2) }
    }

    /// The next sample lies at `time` seconds.
    mutating func jump(to time: Double) {
        let interval = runs.last!.interval  // the decoder's axis carries it across the gap too
        if runs.last!.index == sampleCount { runs.removeLast() }
        runs.append((sampleCount, time, interval))
    }

    func time(ofSample index: Int) -> Double {
        var k = runs.count - 1
        while k > 0 && runs[k].index > index { k -= 1 }
        guard let interval = runs[k].interval else {
            return runs[k].time + Double(index - runs[k].index) / sampleRate
        }
        return runs[k].time + Double(index - runs[k].index) * interval
    }

    /// Seconds from the first to the last sample.
    var duration: Double { sampleCount > 0 ? time(ofSample: sampleCount - 1) : 0 }
}
