/// Maps sample indices to seconds from the first sample, across gaps: samples are evenly spaced
/// within a run, and a gap starts a new run at the time the input gave.
struct TimeAxis {
    private(set) var sampleCount = 0
    private var sampleRate = 1.0
    /// Runs of evenly spaced samples: first index and its time. Few entries: one per gap.
    private var runs: [(index: Int, time: Double)] = [(0, 0)]

    mutating func configure(sampleRate: Double) { self.sampleRate = sampleRate }

    mutating func advance(by count: Int) { sampleCount += count }

    /// The next sample lies at `time` seconds.
    mutating func jump(to time: Double) {
        if runs.last!.index == sampleCount { runs.removeLast() }
        runs.append((sampleCount, time))
    }

    func time(ofSample index: Int) -> Double {
        var k = runs.count - 1
        while k > 0 && runs[k].index > index { k -= 1 }
        return runs[k].time + Double(index - runs[k].index) / sampleRate
    }

    /// Seconds from the first to the last sample.
    var duration: Double { sampleCount > 0 ? time(ofSample: sampleCount - 1) : 0 }
}
