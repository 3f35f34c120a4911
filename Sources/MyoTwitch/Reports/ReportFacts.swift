/// The facts every report format states in words, computed once so the formats agree.
/// Returned strings hold untrusted text only where noted; callers escape for their format.
enum ReportFacts {
    /// Totals over all channels of one recording.
    struct Totals {
        var twitches = 0
        var twitchRatePerMinute = 0.0
        var twitchEpisodes = 0
        var longestTwitchEpisode = 0.0
        var cramps = 0
        var crampSeconds = 0.0
        var activity = 0
        var artifacts = 0
        var channelsWithTwitches = 0

        init(_ result: AnalysisResult) {
            for c in result.summary.channels {
                twitches += c.twitchCount
                twitchEpisodes += c.twitchEpisodeCount
                cramps += c.crampCount
                crampSeconds += c.crampSeconds
                activity += c.activityCount
                artifacts += c.artifactCount
                if c.twitchCount > 0 { channelsWithTwitches += 1 }
            }
            let minutes = result.source.durationSeconds / 60
            twitchRatePerMinute = minutes > 0 ? Double(twitches) / minutes : 0
            longestTwitchEpisode = result.episodes.filter { $0.kind == .twitch }.map(\.duration).max() ?? 0
        }
    }

    /// Sensor, channel count, rate and length, e.g. `"EMG, 2 channels at 1000 Hz, 20.0 min"`
    /// (no untrusted text).
    static func sourceLine(_ source: SourceInfo) -> String {
        let sensor = source.sensor == .emg ? "surface EMG" : "accelerometer"
        return "\(sensor), \(ReportText.count(source.channels.count, "channel", "channels")) at "
            + "\(ReportText.fixed(source.sampleRateHz, source.sampleRateHz < 100 ? 1 : 0)) Hz, "
            + "\(ReportText.duration(source.durationSeconds)) recorded"
    }

    /// Two or three plain sentences with the main counts (no untrusted text).
    static func overview(_ result: AnalysisResult) -> String {
        let t = Totals(result)
        var s: String
        if t.twitches == 0 {
            s = "No twitches were found."
        } else {
            s = "\(ReportText.count(t.twitches, "twitch was", "twitches were")) found "
                + "(\(ReportText.fixed(t.twitchRatePerMinute, 2)) per minute over the recording"
                + (result.source.channels.count > 1
                    ? ", on \(ReportText.count(t.channelsWithTwitches, "channel", "channels")))" : ")")
                + ", grouped into \(ReportText.count(t.twitchEpisodes, "episode", "episodes"))."
            if t.twitchEpisodes > 0 {
                s += " The longest episode lasted \(ReportText.duration(t.longestTwitchEpisode))."
            }
        }
        s += t.cramps == 0 ? " No cramps were found."
            : " \(ReportText.count(t.cramps, "cramp", "cramps")) lasted \(ReportText.duration(t.crampSeconds)) in all."
        s += " Voluntary activity or exercise: \(ReportText.count(t.activity, "burst", "bursts")); "
            + "artifacts set aside: \(t.artifacts)\(heartbeatShare(result, of: t.artifacts))."
        if let note = heldContractionNote(result) { s += " " + note }
        return s
    }

    /// How many of the artifacts are ECG beats (reason `heartbeat`), as " (N of them heartbeats)",
    /// when the events are kept and there are any: a recording near the heart sets aside one a
    /// beat, and the bare count would leave the reader guessing (no untrusted text).
    static func heartbeatShare(_ result: AnalysisResult, of artifacts: Int) -> String {
        let beats = result.events.filter { $0.kind == .artifact && $0.reason == "heartbeat" }.count
        guard beats > 0 else { return "" }
        return beats == artifacts ? (beats == 1 ? " (a heartbeat)" : " (all heartbeats)")
            : " (\(beats) of them heartbeats)"
    }

    /// Said when sustained EMG contractions are reported as activity because the signal shows
    /// no cramp's evidence (`sustained-contraction`), and why: at sample rates under ~445 Hz
    /// the pass band ends below where a cramp's spectral shift shows, so no hold can be a
    /// cramp; otherwise the hold's spectrum lacked the shift. Nil when there is none (no
    /// untrusted text).
    static func heldContractionNote(_ result: AnalysisResult) -> String? {
        guard result.source.sensor == .emg else { return nil }
        let holds = result.events.filter { $0.kind == .activity && $0.reason == "sustained-contraction" }
        guard let longest = holds.map(\.duration).max() else { return nil }
        let profile = DetectorProfile.emg
        let rate = result.source.sampleRateHz
        let one = holds.count == 1
        let what = ReportText.count(holds.count, "sustained contraction", "sustained contractions")
            + (one ? "" : " (the longest \(ReportText.duration(longest)))")
            + (one ? " of \(ReportText.duration(longest)) is" : " are")
        if min(profile.band.high, 0.45 * rate) < profile.crampBandEdgeHz {
            let needed = Int((profile.crampBandEdgeHz / 0.45).rounded(.up))
            return "\(what) reported as activity: at \(ReportText.fixed(rate, rate < 100 ? 1 : 0)) Hz the "
                + "signal cannot tell a cramp from a voluntary hold (a cramp's shift to higher "
                + "frequencies shows only in recordings sampled at \(needed) Hz or more)."
        }
        return "\(what) reported as activity: \(one ? "its" : "their") spectrum showed no cramp's shift to "
            + "higher frequencies, so the signal cannot tell \(one ? "it" : "them") from a voluntary hold."
    }

    /// Whether the recording is too short for a confident rate. Compared in whole seconds, as
    /// the reports print lengths: a file of 119.999 s is "120 s" and must not be called shorter
    /// than 2 minutes (a recording's duration runs from the first to the last sample, so an even
    /// length in samples falls one sample short).
    static func isShort(_ source: SourceInfo) -> Bool {
        source.durationSeconds.rounded() < ReferenceRate.minimumObservationSeconds
    }

    /// Said when the recording is too short for a confident rate.
    static let shortRecordingNote = """
        The recording is shorter than 2 minutes; about 70–90 seconds are needed to see one twitch \
        with confidence, so rates from it are rough.
        """
}
