/// The signal envelope of one channel at a coarse, even time step, for the timeline of the HTML
/// report.
///
/// A saved result (`AnalysisResult`) holds events but no signal, so the analyzer hands traces to
/// the HTML renderer beside the result. A trace is small by construction: one value per
/// `secondsPerPoint` (the analyzer's default 0.5 s gives 7,200 points for an hour), and the
/// renderer reduces it further with `decimated(maxPoints:)` before drawing. Each value summarises
/// its bin (the analyzer uses the RMS of the conditioned signal; the maximum of |signal| works as
/// well): the renderer only assumes values are non-negative amplitudes in one unit per channel.
public struct EnvelopeTrace: Sendable, Equatable, Codable {
    /// The channel, as named in `SourceInfo.channels`; traces are matched to rows by this name.
    public var channel: String
    /// Time of the start of the first bin, in seconds from the first sample of the recording.
    public var start: Double
    /// Width of one bin in seconds; bin `i` covers `start + i * secondsPerPoint` onwards.
    public var secondsPerPoint: Double
    /// One value per bin, in time order.
    public var values: [Double]

    public init(channel: String, start: Double = 0, secondsPerPoint: Double, values: [Double]) {
        self.channel = channel
        self.start = start
        self.secondsPerPoint = secondsPerPoint
        self.values = values
    }

    /// The end of the last bin, in seconds from the first sample.
    public var end: Double { start + secondsPerPoint * Double(values.count) }

    /// This trace with at most `maxPoints` values: consecutive bins are merged by taking their
    /// maximum, so that a short burst stays visible however far the trace is reduced. The bin
    /// width grows by the whole number of bins merged; a shorter last group is kept as a point
    /// of its own. Traces that already fit (or a `maxPoints` below 1) are returned unchanged.
    public func decimated(maxPoints: Int) -> EnvelopeTrace {
        guard maxPoints > 0, values.count > maxPoints else { return self }
        let factor = (values.count + maxPoints - 1) / maxPoints
        var merged: [Double] = []
        merged.reserveCapacity(values.count / factor + 1)
        var i = 0
        while i < values.count {
            let upper = min(i + factor, values.count)
            var top = values[i]
            for v in values[(i + 1)..<upper] where v > top || top.isNaN { top = v }
            merged.append(top)
            i = upper
        }
        return EnvelopeTrace(channel: channel, start: start,
                             secondsPerPoint: secondsPerPoint * Double(factor), values: merged)
    }
}
