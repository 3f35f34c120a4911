import Foundation

/// CSV reports: one row per event and one per episode of a recording, or one row per channel of
/// each recording of a cohort.
///
/// The dialect is RFC 4180: comma-separated, CRLF line ends, a header row, and fields holding a
/// comma, a quote or a line break quoted with `"` (quotes doubled). Text from the input (channel
/// names, paths) that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
/// `'`, so a spreadsheet shows it as text instead of running it as a formula. Numbers have a
/// fixed count of decimals, so the same result always gives the same bytes.
///
/// Columns of `render(_:)` (`columns`):
///
/// | column | meaning |
/// |---|---|
/// | `record` | `event` or `episode` |
/// | `kind` | `twitch`, `cramp`, `activity` or `artifact` (episodes: `twitch` or `cramp`) |
/// | `channel` | the channel (for accelerometers the sensor) |
/// | `start_s`, `end_s`, `duration_s` | seconds from the first sample, 3 decimals |
/// | `peak` | events: largest conditioned amplitude in `peak_unit`, 6 decimals; episodes: empty |
/// | `peak_unit` | events: `mV` (EMG), `g` (accelerometer), `adc` (ADC counts), or empty when the input unit is unknown |
/// | `snr` | events: peak over the local noise level, 1 decimal; episodes: empty |
/// | `event_count` | episodes: events in the episode; events: empty |
/// | `rate_per_min` | twitch episodes: twitches per minute over the episode, 2 decimals |
/// | `reason` | events: the classifier rule that decided the kind; episodes: empty |
/// | `source` | the input path as given |
///
/// Events come first in time order, then episodes in time order, as in the JSON result.
///
/// Several recordings (`render(batch:)`) keep exactly these columns — one layout whatever the
/// number of inputs, so a script reads one file or a hundred the same way: each recording's rows
/// in input order (the `source` column tells them apart), and an input that could not be
/// analysed is one row with `record` = `failed`, its path in `source` and the error in `reason`.
/// The per-channel summary table (`render(cohort:)`) is a different document with its own
/// header; `--output DIR` writes it as `summary.csv`.
public enum CSVReport {
    /// The header of `render(_:)`.
    public static let columns = ["record", "kind", "channel", "start_s", "end_s", "duration_s",
                                 "peak", "peak_unit", "snr", "event_count", "rate_per_min", "reason", "source"]

    /// The header of `render(cohort:)`: one row per channel of each analysed recording (status
    /// `analysed`) and one per input that failed (status `failed`, with `error`).
    public static let cohortColumns = [
        "source", "status", "channel", "duration_s", "twitches", "twitch_rate_per_min",
        "twitch_episodes", "episodes_per_h", "episode_median_s", "episode_max_s", "cramps",
        "cramp_s", "activity", "artifacts", "flags", "error",
    ]

    /// Events and episodes of one recording.
    public static func render(_ result: AnalysisResult) -> String {
        row(columns) + body(result)
    }

    /// The rows of `render(_:)` after its header.
    static func body(_ result: AnalysisResult) -> String {
        var out = ""
        let source = result.source.path
        for e in result.events {
            out += row([
                "event", e.kind.rawValue, text(e.channel), ReportText.fixed(e.start, 3),
                ReportText.fixed(e.end, 3), ReportText.fixed(e.duration, 3),
                ReportText.fixed(e.peak, 6), text(e.peakUnit ?? ""), ReportText.fixed(e.snr, 1), "", "",
                text(e.reason),
                text(source),
            ])
        }
        for p in result.episodes {
            out += row([
                "episode", p.kind.rawValue, text(p.channel), ReportText.fixed(p.start, 3),
                ReportText.fixed(p.end, 3), ReportText.fixed(p.duration, 3), "", "", "",
                String(p.eventCount), p.kind == .twitch ? ReportText.fixed(p.ratePerMinute, 2) : "",
                "", text(source),
            ])
        }
        return out
    }

    /// Events and episodes of several recordings in the layout of `render(_:)` (one header), in
    /// the order given; a failed input is a `failed` row.
    public static func render(batch entries: [BatchResult.Entry]) -> String {
        var out = row(columns)
        for entry in entries {
            switch entry {
            case .analysed(let result):
                out += body(result)
            case .failed(let path, let error):
                out += row(["failed"] + Array(repeating: "", count: 10) + [text(error), text(path)])
            }
        }
        return out
    }

    /// A summary table of several recordings, in the order given.
    public static func render(cohort entries: [BatchResult.Entry]) -> String {
        var out = row(cohortColumns)
        for entry in entries {
            switch entry {
            case .failed(let path, let error):
                out += row([text(path), "failed"] + Array(repeating: "", count: 12) + ["", text(error)])
            case .analysed(let result):
                let flags = text(result.summary.flags.map(\.code).joined(separator: " "))
                for c in result.summary.channels {
                    out += row([
                        text(result.source.path), "analysed", text(c.channel),
                        ReportText.fixed(result.source.durationSeconds, 3), String(c.twitchCount),
                        ReportText.fixed(c.twitchRatePerMinute, 2), String(c.twitchEpisodeCount),
                        ReportText.fixed(c.episodesPerHour, 2),
                        ReportText.fixed(c.episodeDuration.median, 3),
                        ReportText.fixed(c.episodeDuration.max, 3), String(c.crampCount),
                        ReportText.fixed(c.crampSeconds, 3), String(c.activityCount),
                        String(c.artifactCount), flags, "",
                    ])
                }
            }
        }
        return out
    }

    /// One CSV line (CRLF-terminated) of already-guarded fields.
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// `field`, quoted when RFC 4180 requires it (a comma, quote, CR or LF inside) or when it has
    /// leading or trailing spaces, which some readers would trim.
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Untrusted text made safe for spreadsheets: a leading formula character gets a `'` prefix.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first,
              ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }
}
