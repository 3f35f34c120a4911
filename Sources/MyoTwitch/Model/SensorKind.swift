/// What kind of sensor produced a recording.
///
/// The kind decides the conditioning (EMG band-pass vs. gravity removal) and the time scales of the
/// detectors (electrical spikes of 5–25 ms vs. mechanical transients of 0.2–1 s).
public enum SensorKind: String, Sendable, Codable, CaseIterable {
    /// Surface electromyography: one analysed channel per column.
    case emg
    /// A (usually 3-axis) accelerometer: the axes are analysed together as one channel.
    case accelerometer
}
