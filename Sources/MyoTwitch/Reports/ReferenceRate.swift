/// A published twitch (fasciculation) rate in healthy people, shown beside the measured rates so
/// that a number in a report comes with its context (values and sources from DOMAIN.md).
///
/// A rate applies to the muscle it was measured in: the tibialis anterior's "never more than 3
/// per minute" says nothing about a biceps, a forearm or a phone on a calf. Reports therefore
/// draw a reference only for a channel whose muscle is known (`--muscle`, a BIDS channels.tsv,
/// or a recognised EDF/CSV label) and matches one of `healthy`; otherwise they say none is known.
public struct ReferenceRate: Sendable, Equatable {
    /// Where the rate was measured, e.g. `"tibialis anterior (shin)"`.
    public var site: String
    /// The rate as published, e.g. `"never more than 3 per minute"`.
    public var rate: String
    /// The upper end of the published range, twitches per minute, when there is one.
    public var upperPerMinute: Double?
    /// The publication.
    public var source: String
    /// Names and abbreviations of the muscle as users and labels write them, lower case.
    public var names: [String]

    public init(site: String, rate: String, upperPerMinute: Double?, source: String, names: [String] = []) {
        self.site = site
        self.rate = rate
        self.upperPerMinute = upperPerMinute
        self.source = source
        self.names = names
    }

    /// Healthy reference rates from surface recordings (EEG Clin Neurophysiol 1994;93:163), the
    /// study that also set the ≥ 50 µV counting threshold.
    public static let healthy: [ReferenceRate] = [
        ReferenceRate(site: "tibialis anterior (shin)", rate: "never more than 3 per minute",
                      upperPerMinute: 3, source: "EEG Clin Neurophysiol 1994;93:163",
                      names: ["tibialis anterior", "tibialis", "tib ant", "tibant", "ta", "anterior tibial", "shin"]),
        ReferenceRate(site: "abductor hallucis (foot)", rate: "sometimes more than 100 per minute",
                      upperPerMinute: nil, source: "EEG Clin Neurophysiol 1994;93:163",
                      names: ["abductor hallucis", "abd hal", "abdhal", "ah"]),
    ]

    /// The reference for `muscle` (a name, an abbreviation or a channel label such as
    /// `"EMG TA left"`), or `nil` when no healthy rate is published for it here.
    public static func forMuscle(_ muscle: String?) -> ReferenceRate? {
        guard let muscle else { return nil }
        let words = normalised(muscle)
        guard !words.isEmpty else { return nil }
        let text = " " + words.joined(separator: " ") + " "
        return healthy.first { r in r.names.contains { text.contains(" " + $0 + " ") } }
    }

    /// The muscle a channel label names, if it names one of `healthy` (e.g. `"EMG_TA_L"`,
    /// `"Tibialis anterior"`), as its site name.
    public static func muscle(fromLabel label: String) -> String? {
        forMuscle(label).map { r in r.names[0] }
    }

    /// Lower-case words of `text`, split at anything not a letter or digit, with side markers
    /// (`l`, `r`, `left`, `right`) and the sensor words (`emg`) dropped.
    static func normalised(_ text: String) -> [String] {
        var words: [String] = [], word = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        return words.filter { !["emg", "l", "r", "left", "right", "mv", "uv", "v"].contains($0) }
    }

    /// Shortest recording, in seconds, that gives a rate with some confidence: about 70–90 s are
    /// needed to see one twitch, 2 min for about five (JNER 2012;9:78). Shorter recordings, and
    /// episodes shorter than this, get counts but no rate in the reports.
    public static let minimumObservationSeconds = 120.0
}
