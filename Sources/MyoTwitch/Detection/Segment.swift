/// A stretch where the envelope rose above the high threshold, with hysteresis at the low one.
/// Indices count samples from the start of the recording.
struct Segment: Sendable, Equatable {
    /// First sample of the segment (where the envelope left the low threshold).
    var onset: Int
    /// Last sample of the segment (envelope window length already subtracted).
    var end: Int
    /// Sample of the largest band energy.
    var peakIndex: Int
    /// Largest conditioned amplitude (|band-passed| or band vector magnitude), input units.
    var peakAmplitude: Double
    /// Sums over the segment of band and motion energies.
    var bandEnergy: Double
    var motionEnergy: Double
    /// Samples at which a column sat at a rail (clipping).
    var clippedSamples: Int
    /// Whether the raw signal showed a lone one-sample outlier at the peak.
    var singleSample: Bool
    /// Noise level (quiet envelope median) when the segment began, input units.
    var noiseLevel: Double
    /// Found by the slow burst detector: sustained activity, never a twitch.
    var sustained = false
    /// Spectral shape of the raw signal over a slow burst (FFTW, Welch average), if measured.
    var spectrum: SpectralFeatures? = nil

    var length: Int { end - onset + 1 }
}

/// A run of segments close together in time: one twitch (or doublet), a twitch train, or a burst.
struct SegmentGroup: Sendable {
    var segments: [Segment] = []
    var onset: Int { segments.map(\.onset).min() ?? 0 }
    var end: Int { segments.map(\.end).max() ?? 0 }
    var isEmpty: Bool { segments.isEmpty }
}
