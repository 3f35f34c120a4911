import Foundation
import MyoTwitch

/// One readable line per stream output, for a person watching a terminal.
enum TextLine {
    static func describe(_ output: SessionOutput) -> String {
        switch output {
        case .event(let e):
            return String(format: "%10.3f s  %-14@ %-9@ %7.3f s  peak %.4g%@ (%.1f× noise)  [%@]",
                          e.start, e.channel as NSString, e.kind.rawValue as NSString,
                          e.duration, e.peak, (e.peakUnit.map { " " + $0 } ?? "") as NSString, e.snr,
                          e.reason as NSString)
        case .episode(let e):
            let what = e.kind == .cramp ? "cramp episode" : "twitch episode, \(e.eventCount) twitches"
            return String(format: "%10.3f s  %-14@ %@ from %.1f s to %.1f s (%.1f s)",
                          e.end, e.channel as NSString, what as NSString, e.start, e.end, e.duration)
        case .warning(let w):
            return "warning: line \(w.line): \(w.message)"
        }
    }

    static func describe(_ result: AnalysisResult) -> String {
        var lines = [String(format: "summary: %.1f s at %.0f Hz, %d channel(s)",
                            result.source.durationSeconds, result.source.sampleRateHz,
                            result.source.channels.count)]
        for c in result.summary.channels {
            lines.append(String(format: "  %@: %d twitches (%.2f/min), %d twitch episodes, %d cramps (%.1f s), %d activity, %d artifacts",
                                c.channel as NSString, c.twitchCount, c.twitchRatePerMinute,
                                c.twitchEpisodeCount, c.crampCount, c.crampSeconds,
                                c.activityCount, c.artifactCount))
        }
        if result.summary.warningCount > 0 {
            lines.append("  \(result.summary.warningCount) input warning(s)")
        }
        return lines.joined(separator: "\n")
    }
}
