/// A labelled event while a recording is synthesised, in synthesis units (µV or g); converted to
/// a `DetectedEvent` in output units at the end.
struct TruthEvent {
    var kind: EventKind
    var start: Double
    var end: Double
    /// Largest magnitude of the event's own waveform, synthesis units.
    var peak: Double
    var peakTime: Double
    /// `peak` / background RMS.
    var snr: Double
}
