/// Events as a BIDS `*_events.tsv` (BIDS 1.11, EMG: BEP042) and the MNE annotations CSV that
/// `mne.read_annotations` loads.
///
/// events.tsv columns (tab-separated, a header row, `n/a` for a missing value, rows sorted by
/// onset then channel, as BIDS requires):
///
/// | column | meaning |
/// |---|---|
/// | `onset` | seconds from the first sample (BIDS: from the start of the acquisition), 6 decimals |
/// | `duration` | seconds, 6 decimals |
/// | `trial_type` | `twitch`, `cramp`, `activity` or `artifact` |
/// | `channel` | the channel (for accelerometers the sensor) — BIDS names it `channel` too |
/// | `peak`, `peak_unit` | largest conditioned amplitude and its unit (`n/a` when unknown) |
/// | `peak_time` | seconds from the first sample |
/// | `snr` | peak over the local noise RMS, 2 decimals |
/// | `reason` | the classifier rule that decided the kind |
/// | `peak_to_peak`, `potential_ms`, `phases`, `turns`, `unit` | twitch morphology (EMG), else `n/a` |
///
/// Text fields never hold a tab or line break (replaced by a space), so a row is always one line.
public enum EventsTSVReport {
    public static let columns = ["onset", "duration", "trial_type", "channel", "peak", "peak_unit",
                                 "peak_time", "snr", "reason", "peak_to_peak", "potential_ms",
                                 "phases", "turns", "unit"]

    /// The events of `result` in onset order.
    public static func sortedEvents(_ result: AnalysisResult) -> [DetectedEvent] {
        result.events.enumerated().sorted {
            ($0.element.start, $0.element.channel, $0.offset) < ($1.element.start, $1.element.channel, $1.offset)
        }.map(\.element)
    }

    public static func render(_ result: AnalysisResult) -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for e in sortedEvents(result) {
            let m = e.morphology
            let fields = [
                ReportText.fixed(e.start, 6), ReportText.fixed(e.duration, 6), e.kind.rawValue,
                clean(e.channel), ReportText.fixed(e.peak, 6), e.peakUnit.map(clean) ?? "n/a",
                ReportText.fixed(e.peakTime, 6), ReportText.fixed(e.snr, 2), clean(e.reason),
                m.map { ReportText.fixed($0.peakToPeak, 6) } ?? "n/a",
                m.map { ReportText.fixed($0.durationMs, 2) } ?? "n/a",
                m.map { String($0.phases) } ?? "n/a", m.map { String($0.turns) } ?? "n/a",
                m?.unit.map { String($0) } ?? "n/a",
            ]
            out += fields.map { $0.isEmpty ? "n/a" : $0 }.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The BIDS sidecar (`*_events.json`) describing the columns and the `trial_type` levels.
    public static func sidecar() -> String {
        """
        {
          "onset": {"Description": "Start of the event, seconds from the first sample of the recording.", "Units": "s"},
          "duration": {"Description": "Length of the event.", "Units": "s"},
          "trial_type": {"Description": "Kind of event detected by myotwitch.", "Levels": {
            "twitch": "A fasciculation: an isolated discharge of one motor unit, 5-25 ms (doublets merged).",
            "cramp": "A sustained involuntary contraction of seconds to minutes.",
            "activity": "Voluntary or rhythmic contraction (exercise).",
            "artifact": "Motion, electrode pop, clipping or spike noise."}},
          "channel": {"Description": "Channel the event was detected on (for accelerometers the sensor)."},
          "peak": {"Description": "Largest absolute amplitude of the conditioned signal within the event, in peak_unit."},
          "peak_unit": {"Description": "Unit of peak and peak_to_peak: mV (EMG), g (accelerometer), adc (counts); n/a when unknown."},
          "peak_time": {"Description": "Time of peak, seconds from the first sample.", "Units": "s"},
          "snr": {"Description": "peak divided by the local robust noise RMS."},
          "reason": {"Description": "The classifier rule that decided trial_type."},
          "peak_to_peak": {"Description": "Twitches (EMG): maximum minus minimum of the potential, in peak_unit."},
          "potential_ms": {"Description": "Twitches (EMG): duration of the potential above the noise band.", "Units": "ms"},
          "phases": {"Description": "Twitches (EMG): baseline crossings of the potential plus one."},
          "turns": {"Description": "Twitches (EMG): direction changes of the potential larger than the noise band."},
          "unit": {"Description": "Twitches (EMG): putative motor unit, the cluster of potentials of the same shape on the channel."},
          "GeneratedBy": [{"Name": "myotwitch"}]
        }

        """
    }

    /// The CSV `mne.read_annotations(path)` reads (columns `onset,duration,description`). MNE's
    /// CSV reader takes onsets either as seconds or as absolute ISO 8601 times; absolute times
    /// are written when `source.startTime` is known, so `raw.set_annotations` lines them up with
    /// the raw data's `meas_date` without glue code. The description is `kind/channel` (MNE
    /// forbids `;`, and `,` would split the row: both become `_`).
    public static func mneAnnotations(_ result: AnalysisResult) -> String {
        let start = result.source.startTime.flatMap { WallClock(iso: $0) }
        var out = "onset,duration,description\n"
        for e in sortedEvents(result) {
            let onset = start.map { $0.adding(e.start).iso } ?? ReportText.fixed(e.start, 6)
            let description = "\(e.kind.rawValue)/\(e.channel)".map { $0 == ";" || $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\"" ? "_" : $0 }
            out += "\(onset),\(ReportText.fixed(e.duration, 6)),\(String(description))\n"
        }
        return out
    }

    private static func clean(_ text: String) -> String {
        let cleaned = String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        return cleaned.isEmpty ? "n/a" : cleaned
    }
}
