import Foundation

/// The inline SVG plots of the HTML report. Coordinates are printed with one decimal and drawn
/// marks are merged per pixel, so the size of a plot is bounded by its width, not by the number
/// of events or samples.
extension HTMLReport {
    /// Horizontal geometry shared by the time plots: a label column, then the time axis.
    struct TimeFrame {
        var duration: Double
        var width = 1100.0
        var left = 150.0
        var right = 20.0

        var plotWidth: Double { width - left - right }

        func x(_ t: Double) -> Double {
            guard duration > 0, t.isFinite else { return left }
            return left + min(max(t / duration, 0), 1) * plotWidth
        }

        /// Tick spacing (seconds) giving at most about ten ticks.
        var tickStep: Double {
            let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
                                   10800, 21600, 43200, 86400]
            return steps.first { duration / $0 <= 10 } ?? (duration / 10).rounded(.up)
        }
    }

    static func f(_ v: Double) -> String { ReportText.fixed(v, 1) }

    /// Grid lines from `top` to `bottom` and time labels below.
    static func timeAxis(_ frame: TimeFrame, top: Double, bottom: Double) -> String {
        var out = "<line class=\"axis\" x1=\"\(f(frame.left))\" y1=\"\(f(bottom))\" x2=\"\(f(frame.left + frame.plotWidth))\" y2=\"\(f(bottom))\"/>"
        var t = 0.0
        while t <= frame.duration + 1e-9 {
            let x = f(frame.x(t))
            out += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(f(top))\" x2=\"\(x)\" y2=\"\(f(bottom))\"/>"
            out += "<text x=\"\(x)\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\">\(ReportText.clock(t))</text>"
            t += frame.tickStep
        }
        return out
    }

    /// Pixel spans `[x0, x1]` covering `intervals` (seconds), merged where they touch, at least
    /// `minimumWidth` pixels wide.
    static func spans(_ intervals: [(Double, Double)], _ frame: TimeFrame,
                      minimumWidth: Double = 1.5) -> [(Double, Double)] {
        var merged: [(Double, Double)] = []
        for (start, end) in intervals.sorted(by: { $0.0 < $1.0 }) {
            let x0 = frame.x(start), x1 = max(frame.x(end), x0 + minimumWidth)
            if let last = merged.last, x0 <= last.1 + 0.5 {
                merged[merged.count - 1].1 = max(last.1, x1)
            } else {
                merged.append((x0, x1))
            }
        }
        return merged
    }

    /// A channel name at the left of a row, with the full name as a tooltip.
    static func rowLabel(_ channel: String, _ frame: TimeFrame, y: Double) -> String {
        "<text x=\"\(f(frame.left - 10))\" y=\"\(f(y))\" text-anchor=\"end\"><title>\(XMLEscaping.escape(channel))</title>\(XMLEscaping.label(channel))</text>"
    }

    static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(XMLEscaping.escape(label))\">"
    }

    // MARK: - Plots

    /// Per-channel envelope (log scale, relative to the channel's median) with events shaded by
    /// kind; events only when there are no traces (reports from saved results).
    static func timeline(_ result: AnalysisResult, traces: [EnvelopeTrace]) -> String {
        let frame = TimeFrame(duration: result.source.durationSeconds)
        let rowHeight = 64.0, gap = 12.0, top = 8.0
        let channels = result.source.channels
        let bottom = top + Double(channels.count) * (rowHeight + gap)
        var out = svgOpen(width: frame.width, height: bottom + 26, label: "Signal envelope and events per channel")
        out += timeAxis(frame, top: top, bottom: bottom)
        for (i, channel) in channels.enumerated() {
            let y0 = top + Double(i) * (rowHeight + gap)
            out += "<rect x=\"\(f(frame.left))\" y=\"\(f(y0))\" width=\"\(f(frame.plotWidth))\" height=\"\(f(rowHeight))\" fill=\"#fafbfb\"/>"
            out += rowLabel(channel, frame, y: y0 + rowHeight / 2 + 4)
            let mine = result.events.filter { $0.channel == channel }
            for kind in [EventKind.activity, .cramp] {
                let intervals = mine.filter { $0.kind == kind }.map { ($0.start, $0.end) }
                for (x0, x1) in spans(intervals, frame) {
                    out += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(x1 - x0))\" height=\"\(f(rowHeight))\" fill=\"\(colour(kind))\" fill-opacity=\"0.3\"/>"
                }
            }
            // Artifacts as a thin strip along the top of the row, merged per pixel: hundreds of
            // them (an ECG gives one per heartbeat) would otherwise cover the whole row.
            let artifacts = mine.filter { $0.kind == .artifact }.map { ($0.start, $0.end) }
            for (x0, x1) in spans(artifacts, frame) {
                out += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(x1 - x0))\" height=\"5\" fill=\"\(colour(.artifact))\"/>"
            }
            if let trace = traces.first(where: { $0.channel == channel }) {
                out += envelopePath(trace, frame: frame, y0: y0, height: rowHeight)
            }
            let twitches = mine.filter { $0.kind == .twitch }.map { ($0.start, $0.end) }
            var path = ""
            for (x0, x1) in spans(twitches, frame, minimumWidth: 1) {
                path += "M\(f((x0 + x1) / 2)) \(f(y0 + rowHeight * 0.62))V\(f(y0 + rowHeight))"
            }
            if !path.isEmpty {
                out += "<path d=\"\(path)\" stroke=\"\(colour(.twitch))\" stroke-width=\"1.5\"/>"
            }
        }
        return out + "</svg>"
    }

    /// Points per channel an envelope keeps at most: enough for one point per pixel pair of a
    /// wide screen, and about 25 kB per channel.
    static let envelopePointLimit = 2000

    /// The envelope as a filled area in the row at `y0`, on a log scale from the channel's median
    /// (its noise floor at rest) to its maximum, so a cramp and a quiet stretch both stay
    /// readable. Values that are not finite and positive sit on the baseline.
    static func envelopePath(_ trace: EnvelopeTrace, frame: TimeFrame, y0: Double,
                             height: Double) -> String {
        guard trace.secondsPerPoint > 0, trace.secondsPerPoint.isFinite, trace.start.isFinite else { return "" }
        // Floor and top from the full trace: the median of decimated maxima would sit above
        // the resting level.
        let positive = trace.values.filter { $0 > 0 && $0.isFinite }.sorted()
        guard !positive.isEmpty else { return "" }
        let floor = positive[positive.count / 2], top = max(positive.last!, floor * 10)
        let span = log10(top / floor)
        func y(_ v: Double) -> Double {
            let r = v > floor && v.isFinite ? min(log10(v / floor) / span, 1) : 0
            return y0 + height - 2 - r * (height - 6)
        }
        let reduced = trace.decimated(maxPoints: envelopePointLimit)
        let step = reduced.secondsPerPoint
        var d = "M\(f(frame.x(reduced.start))) \(f(y0 + height))"
        for (j, v) in reduced.values.enumerated() {
            d += "L\(f(frame.x(reduced.start + (Double(j) + 0.5) * step))) \(f(y(v)))"
        }
        d += "L\(f(frame.x(reduced.end))) \(f(y0 + height))Z"
        return "<path d=\"\(d)\" fill=\"#9fb3c1\" fill-opacity=\"0.55\" stroke=\"#5d7686\" stroke-width=\"0.8\"/>"
    }

    /// One row per channel, a tick per twitch (ticks closer than half a pixel are drawn once).
    static func raster(_ result: AnalysisResult) -> String {
        let frame = TimeFrame(duration: result.source.durationSeconds)
        let rowHeight = 20.0, top = 6.0
        let channels = result.source.channels
        let bottom = top + Double(channels.count) * rowHeight
        var out = svgOpen(width: frame.width, height: bottom + 26, label: "Twitch raster")
        out += timeAxis(frame, top: top, bottom: bottom)
        for (i, channel) in channels.enumerated() {
            let y0 = top + Double(i) * rowHeight
            out += rowLabel(channel, frame, y: y0 + rowHeight / 2 + 4)
            var last = -1.0, path = ""
            for e in result.events where e.kind == .twitch && e.channel == channel {
                let x = (frame.x(e.peakTime) * 2).rounded() / 2
                if x == last { continue }
                last = x
                path += "M\(f(x)) \(f(y0 + 3))V\(f(y0 + rowHeight - 3))"
            }
            if !path.isEmpty {
                out += "<path d=\"\(path)\" stroke=\"\(colour(.twitch))\" stroke-width=\"1.2\"/>"
            }
        }
        return out + "</svg>"
    }
}
