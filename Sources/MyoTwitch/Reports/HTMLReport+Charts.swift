import Foundation

/// The summary charts of the HTML report: twitch rate over time, the episode timeline and the
/// histogram of episode durations.
extension HTMLReport {
    /// Width of the bins of the rate chart: one minute, or whole minutes so that there are at
    /// most 600 bins (10 hours at one minute).
    static func rateBinSeconds(duration: Double) -> Double {
        duration <= 600 * 60 ? 60 : (duration / 600 / 60).rounded(.up) * 60
    }

    /// Twitches per minute in consecutive bins for each channel. A final partial bin is divided
    /// by its own length, but by at least half a bin, so one twitch in its last seconds does not
    /// look like a burst.
    static func twitchRates(_ result: AnalysisResult) -> (bin: Double, rates: [[Double]]) {
        let duration = result.source.durationSeconds
        let bin = rateBinSeconds(duration: duration)
        let bins = (duration / bin).rounded(.up)
        let count = bins.isFinite ? max(1, Int(min(bins, 100_000))) : 1
        var rates: [[Double]] = []
        for channel in result.source.channels {
            var counts = Array(repeating: 0, count: count)
            for e in result.events where e.kind == .twitch && e.channel == channel {
                // Clamped as a Double first: `Int(_:)` traps on values beyond its range, and a
                // saved result may hold any finite time.
                let index = min(Double(count - 1), max(0, (e.peakTime / bin).rounded(.down)))
                counts[index.isNaN ? 0 : Int(index)] += 1
            }
            rates.append(counts.indices.map { i in
                let length = max(min(bin, duration - Double(i) * bin), bin / 2)
                return Double(counts[i]) / length * 60
            })
        }
        return (bin, rates)
    }

    /// The highest healthy rate (per minute) that applies to one of the channels' muscles,
    /// drawn as the dashed reference line of the rate chart and named in its legend; `nil`
    /// (no line) when no channel's muscle has a published upper rate.
    static func referenceLine(_ result: AnalysisResult) -> (rate: Double, site: String)? {
        ReferenceRate.applicable(to: result).compactMap { a in a.reference.upperPerMinute.map { ($0, a.reference.site) } }.first
    }

    /// Twitch rate per minute over time, one line per channel, with the healthy shin maximum as
    /// a dashed reference line (labelled in the legend, where no line can cover the label).
    static func rateChart(_ result: AnalysisResult) -> String {
        let frame = TimeFrame(duration: result.source.durationSeconds)
        let top = 12.0, bottom = 190.0
        let (bin, rates) = twitchRates(result)
        let line = referenceLine(result)
        let highest = max(rates.flatMap { $0 }.max() ?? 0, line?.rate ?? 1)
        let (yMax, step) = niceScale(highest * 1.1)
        func y(_ v: Double) -> Double { bottom - v / yMax * (bottom - top) }
        var out = svgOpen(width: frame.width, height: bottom + 26, label: "Twitch rate per minute over time")
        out += timeAxis(frame, top: top, bottom: bottom)
        for k in 0...Int((yMax / step).rounded()) {
            let v = Double(k) * step
            out += "<line class=\"grid\" x1=\"\(f(frame.left))\" y1=\"\(f(y(v)))\" x2=\"\(f(frame.left + frame.plotWidth))\" y2=\"\(f(y(v)))\"/>"
            out += "<text x=\"\(f(frame.left - 10))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(ReportText.fixed(v, step < 1 ? 1 : 0))</text>"
        }
        out += "<text x=\"14\" y=\"\(f((top + bottom) / 2))\" transform=\"rotate(-90 14 \(f((top + bottom) / 2)))\" text-anchor=\"middle\">twitches per minute</text>"
        if let line {
            out += "<line class=\"ref\" x1=\"\(f(frame.left))\" y1=\"\(f(y(line.rate)))\" x2=\"\(f(frame.left + frame.plotWidth))\" y2=\"\(f(y(line.rate)))\"/>"
        }
        for (c, series) in rates.enumerated() {
            var d = ""
            for (i, v) in series.enumerated() {
                let x0 = frame.x(Double(i) * bin), x1 = frame.x(min(Double(i + 1) * bin, frame.duration))
                d += (i == 0 ? "M" : "L") + "\(f(x0)) \(f(y(v)))L\(f(x1)) \(f(y(v)))"
            }
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(seriesColours[c % seriesColours.count])\" stroke-width=\"1.8\"/>"
        }
        return out + "</svg>"
    }

    /// Twitch and cramp episodes per channel as bars along the recording.
    static func episodeTimeline(_ result: AnalysisResult) -> String {
        let frame = TimeFrame(duration: result.source.durationSeconds)
        let rowHeight = 24.0, top = 6.0
        let channels = result.source.channels
        let bottom = top + Double(channels.count) * rowHeight
        var out = svgOpen(width: frame.width, height: bottom + 26, label: "Episode timeline")
        out += timeAxis(frame, top: top, bottom: bottom)
        for (i, channel) in channels.enumerated() {
            let y0 = top + Double(i) * rowHeight
            out += rowLabel(channel, frame, y: y0 + rowHeight / 2 + 4)
            for kind in EpisodeKind.allCases {
                let colour = colour(kind == .twitch ? .twitch : .cramp)
                let intervals = result.episodes.filter { $0.channel == channel && $0.kind == kind }
                    .map { ($0.start, $0.end) }
                for (x0, x1) in spans(intervals, frame, minimumWidth: 2) {
                    out += "<rect x=\"\(f(x0))\" y=\"\(f(y0 + 4))\" width=\"\(f(x1 - x0))\" height=\"\(f(rowHeight - 8))\" rx=\"2\" fill=\"\(colour)\" fill-opacity=\"0.75\"/>"
                }
            }
        }
        return out + "</svg>"
    }

    /// Bins of the duration histogram: upper edges in seconds and labels.
    static let durationBins: [(upper: Double, label: String)] = [
        (10, "under 10 s"), (30, "10–30 s"), (60, "30 s–1 min"), (120, "1–2 min"),
        (300, "2–5 min"), (600, "5–10 min"), (1800, "10–30 min"), (.infinity, "30 min or more"),
    ]

    /// Episode durations in the bins of `durationBins`, twitch and cramp episodes stacked.
    static func durationHistogram(_ result: AnalysisResult) -> String {
        let width = 1100.0, left = 60.0, top = 22.0, bottom = 180.0
        var counts = Array(repeating: (twitch: 0, cramp: 0), count: durationBins.count)
        for e in result.episodes {
            let b = durationBins.firstIndex { e.duration < $0.upper } ?? durationBins.count - 1
            if e.kind == .twitch { counts[b].twitch += 1 } else { counts[b].cramp += 1 }
        }
        // Whole-number ticks, at most four steps: 0, 1, 2 for a tallest bar of 2; 0, 2, …, 8 for 7.
        let tallest = Double(max(1, counts.map { $0.twitch + $0.cramp }.max() ?? 1))
        let step = (tallest / 4).rounded(.up)
        let yMax = step * (tallest / step).rounded(.up)
        func y(_ v: Double) -> Double { bottom - v / yMax * (bottom - top) }
        let slot = (width - left - 20) / Double(durationBins.count)
        var out = svgOpen(width: width, height: bottom + 26, label: "Histogram of episode durations")
        for k in 0...Int(yMax / step) {
            let v = Double(k) * step
            out += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(width - 20))\" y2=\"\(f(y(v)))\"/>"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(ReportText.fixed(v, 0))</text>"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(width - 20))\" y2=\"\(f(bottom))\"/>"
        for (b, bin) in durationBins.enumerated() {
            let x = left + Double(b) * slot + slot * 0.15, w = slot * 0.7
            let (t, c) = counts[b]
            if t > 0 {
                out += "<rect x=\"\(f(x))\" y=\"\(f(y(Double(t))))\" width=\"\(f(w))\" height=\"\(f(bottom - y(Double(t))))\" fill=\"\(colour(.twitch))\" fill-opacity=\"0.8\"/>"
            }
            if c > 0 {
                out += "<rect x=\"\(f(x))\" y=\"\(f(y(Double(t + c))))\" width=\"\(f(w))\" height=\"\(f(y(Double(t)) - y(Double(t + c))))\" fill=\"\(colour(.cramp))\" fill-opacity=\"0.8\"/>"
            }
            if t + c > 0 {
                out += "<text x=\"\(f(x + w / 2))\" y=\"\(f(y(Double(t + c)) - 4))\" text-anchor=\"middle\">\(t + c)</text>"
            }
            out += "<text x=\"\(f(x + w / 2))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\">\(bin.label)</text>"
        }
        return out + "</svg>"
    }

    /// An axis from 0 to at least `value` in at most five steps of 1, 2 or 5 × 10ⁿ, so that tick
    /// labels are round numbers: `(40, 10)` for 31.9, `(4, 1)` for 3.3.
    static func niceScale(_ value: Double) -> (max: Double, step: Double) {
        guard value.isFinite, value > 0 else { return (1, 1) }
        var step = pow(10, floor(log10(value / 5)))
        for m in [1.0, 2, 5, 10] where (value / (m * step)).rounded(.up) <= 5 {
            step *= m
            break
        }
        return (step * (value / step).rounded(.up), step)
    }
}
