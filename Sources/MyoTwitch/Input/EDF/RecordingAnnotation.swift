/// A note stored with a recording, e.g. an EDF+ annotation ("lights off", "leg cramp", "cal 100 µV").
///
/// Annotations are context for the report: they are passed through, never analysed.
public struct RecordingAnnotation: Sendable, Equatable, Codable {
    /// Start, seconds from the first sample of the recording (the time axis of the events).
    ///
    /// EDF+ gives onsets relative to the header's start time; the decoder subtracts the onset of
    /// the first data record, which is 0 in almost every file, so the two axes agree.
    public var onset: Double
    /// Length in seconds, or `nil` when the recording gave none (a point in time).
    public var duration: Double?
    /// The annotation's text (UTF-8 in EDF+), as stored.
    public var text: String

    public init(onset: Double, duration: Double? = nil, text: String) {
        self.onset = onset
        self.duration = duration
        self.text = text
    }
}
