/// Events as a BIDS `*_events.tsv` (BIDS 1.11, EMG: BEP042) and as the annotation file that
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

    /// The annotation text file `mne.read_annotations(path)` reads when `path` ends in `.txt`
    /// (MNE's own `# MNE-Annotations` format, as `Annotations.save` writes it): onsets in
    /// seconds from the first sample, and an `orig_time` header line — the recording's start,
    /// UTC — when `source.startTime` is known, so that `raw.set_annotations` lines the events up
    /// with a raw file's `meas_date` without glue code. MNE's CSV reader was not used: it reads
    /// numeric onsets as milliseconds and takes its `orig_time` from the first row (checked in
    /// MNE 1.13, `mne/annotations.py`). The description is `kind/channel`, with `,`, `;`
    /// (forbidden by MNE), quotes and line breaks replaced by `_`.
    public static func mneAnnotations(_ result: AnalysisResult) -> String {
        var out = "# MNE-Annotations\n"
        if let start = result.source.startTime.flatMap({ WallClock(iso: $0) }) {
            // MNE's own writer prints the UTC time without a zone ("assumed UTC").
            out += "# orig_time : " + start.iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "") + "\n"
        }
        out += "# onset, duration, description\n"
        for e in sortedEvents(result) {
            out += "\(ReportText.fixed(e.start, 6)),\(ReportText.fixed(e.duration, 6)),\(description(e))\n"
        }
        return out
    }

    static func description(_ e: DetectedEvent) -> String {
        String("\(e.kind.rawValue)/\(e.channel)".map { ",;\"\n\r#".contains($0) ? "_" : $0 })
    }

    /// Several recordings in one table: a first column `source` (the input path), then the
    /// columns of `render(_:)`; failed inputs have no rows. BIDS keeps one events.tsv per
    /// recording: write those with `--output DIR` (or as a BIDS derivative).
    public static func render(cohort entries: [BatchResult.Entry]) -> String {
        var out = (["source"] + columns).joined(separator: "\t") + "\n"
        for case .analysed(let result) in entries {
            let source = clean(result.source.path)
            for line in render(result).split(separator: "\n").dropFirst() { out += source + "\t" + line + "\n" }
        }
        return out
    }

    /// Several recordings in one annotation file, for an overview: no `orig_time` (each
    /// recording starts at its own time), onsets from each recording's first sample, and the
    /// description `kind/channel/path`. To line events up with raw data, use the per-recording
    /// files (`--output DIR`).
    public static func mneAnnotations(cohort entries: [BatchResult.Entry]) -> String {
        var out = "# MNE-Annotations\n# onset, duration, description\n"
        for case .analysed(let result) in entries {
            let path = String(result.source.path.map { ",;\"\n\r#".contains($0) ? "_" : $0 })
            for e in sortedEvents(result) {
                out += "\(ReportText.fixed(e.start, 6)),\(ReportText.fixed(e.duration, 6)),\(description(e))/\(path)\n"
            }
        }
        return out
    }

    private static func clean(_ text: String) -> String {
        let cleaned = String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        return cleaned.isEmpty ? "n/a" : cleaned
    }
}
