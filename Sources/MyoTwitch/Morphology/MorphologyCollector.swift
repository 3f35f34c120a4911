import Foundation

/// Keeps the recent conditioned EMG signal of each channel so that each twitch's potential can be
/// measured (`PotentialMeasure`), clustered into putative units (`UnitClusterer`) and, for the
/// HTML review view, kept as a snippet (`ReviewSnippet`).
///
/// Fed by the analyzer: `record` once per analysed block (the pass-band signal after crosstalk
/// cancellation, what the detector saw), `capture` with the groups the detector finished (a
/// window around each short segment's peak is copied while it is still in the ring), and
/// `shape` when a twitch is handed out (its window is measured, clustered and released).
/// `forget` drops windows of segments that became no twitch. Work is a copy per block and
/// ~1,000 operations per twitch; memory is the ring (`historySeconds` per channel) plus the
/// windows of unreleased segments and at most `snippetsPerChannel` snippets.
///
/// Block sizes change nothing: a window is captured when the segment's peak lies within
/// `historySeconds` of its group's last segment end, a condition on sample indices only.
final class MorphologyCollector {
    /// Half-width of a snippet, seconds (the review view shows ±100 ms).
    static let snippetSeconds = 0.1
    /// Signal kept per channel, seconds: a twitch group whose peak lies further back than this
    /// from the group's last segment gets no morphology.
    static let historySeconds = 10.0
    /// Segments longer than this are not potentials (a twitch with its doublet is ≤ 135 ms).
    static let maxSegmentSeconds = 0.2
    /// Snippets kept per channel for the review view; beyond it every other one is dropped and
    /// only every second (fourth, …) later one kept, so the kept ones spread over the recording.
    static let snippetsPerChannel = 40

    let sampleRate: Double
    let channels: [String]
    private let scales: [Double]
    private let keepsSnippets: Bool
    /// Keep per-twitch numbers (peak times for the intervals, peak-to-peak values for the unit
    /// statistics) for the summary; off for live streams, whose memory must not grow with the
    /// twitches found (the units' templates are bounded by `UnitClusterer.maxUnits`).
    private let keepsTwitchValues: Bool
    private let half: Int
    private let history: Int
    private var capacity: Int
    private var rings: [[Double]]
    /// Samples written per channel (all channels alike).
    private var written = 0
    private var pending: [[Int: [Double]]]
    private var clusterers: [UnitClusterer]
    private var twitchTimes: [[Double]]
    private var snippets: [[ReviewSnippet]]
    private var snippetStride: [Int]
    private var snippetSeen: [Int]

    init(channels: [String], sampleRate: Double, scales: [Double], keepsSnippets: Bool, keepsTwitchValues: Bool = true) {
        self.keepsTwitchValues = keepsTwitchValues
        self.channels = channels
        self.sampleRate = sampleRate
        self.scales = scales
        self.keepsSnippets = keepsSnippets
        half = max(2, Int((Self.snippetSeconds * sampleRate).rounded()))
        history = Int(Self.historySeconds * sampleRate) + 2 * half
        capacity = history + 8192
        rings = Array(repeating: [Double](repeating: 0, count: capacity), count: channels.count)
        pending = Array(repeating: [:], count: channels.count)
        clusterers = Array(repeating: UnitClusterer(sampleRate: sampleRate), count: channels.count)
        twitchTimes = Array(repeating: [], count: channels.count)
        snippets = Array(repeating: [], count: channels.count)
        snippetStride = Array(repeating: 1, count: channels.count)
        snippetSeen = Array(repeating: 0, count: channels.count)
    }

    /// Appends `count` samples per channel, starting at sample `first` of the recording.
    func record(_ signals: [UnsafePointer<Double>], count: Int, first: Int) {
        if written != first { written = first }
        if count + history > capacity { grow(to: count + history) }
        for c in signals.indices where c < rings.count {
            let source = signals[c]
            rings[c].withUnsafeMutableBufferPointer { ring in
                var position = first % capacity
                var i = 0
                while i < count {
                    let run = min(count - i, capacity - position)
                    (ring.baseAddress! + position).update(from: source + i, count: run)
                    i += run
                    position = 0
                }
            }
        }
        written = first + count
    }

    /// Copies the window around each short segment's peak of `groups` (channel `c`).
    func capture(_ groups: [SegmentGroup], channel c: Int) {
        guard c < rings.count else { return }
        let maxLength = Int(Self.maxSegmentSeconds * sampleRate)
        for group in groups {
            guard let lastEnd = group.segments.map(\.end).max() else { continue }
            for segment in group.segments where !segment.sustained && segment.length <= maxLength {
                let from = segment.peakIndex - half, to = segment.peakIndex + half
                guard from >= 0, lastEnd - from <= history - 2 * half, to < written,
                      from >= written - capacity else { continue }
                var window = [Double](repeating: 0, count: 2 * half + 1)
                for k in 0..<window.count { window[k] = rings[c][(from + k) % capacity] * scales[c] }
                pending[c][segment.peakIndex] = window
            }
        }
    }

    /// The measured potential (`PotentialMeasure`) of the short segment of channel `c` peaking at
    /// `peakIndex`, whose peak is `peak` (reported units) at `snr` × the noise RMS; its window is
    /// kept for `shape`. nil when no window was captured.
    func measure(channel c: Int, peakIndex: Int, peak: Double, snr: Double) -> PotentialShape? {
        guard c < pending.count, let window = pending[c][peakIndex] else { return nil }
        let noise = snr > 0 ? peak / snr : 0
        return PotentialMeasure.shape(window, centre: half, sampleRate: sampleRate, noiseRMS: noise)
    }

    /// Drops the window of the segment of channel `c` peaking at `peakIndex` (it became no twitch).
    func discard(channel c: Int, peakIndex: Int) {
        guard c < pending.count else { return }
        pending[c].removeValue(forKey: peakIndex)
    }

    /// The shape of the twitch of channel `c` peaking at sample `peakIndex`, whose peak is
    /// `peak` (reported units) at `snr` × the noise RMS; clusters it and keeps its snippet.
    /// `measured` is what `measure` returned for the same arguments, if it was asked.
    func shape(channel c: Int, peakIndex: Int, peakTime: Double, peak: Double, snr: Double,
               measured: PotentialShape? = nil) -> PotentialShape? {
        guard c < pending.count, let window = pending[c].removeValue(forKey: peakIndex) else { return nil }
        let noise = snr > 0 ? peak / snr : 0
        var shape = measured ?? PotentialMeasure.shape(window, centre: half, sampleRate: sampleRate, noiseRMS: noise)
        if let local = clusterers[c].assign(window, centre: half, peakToPeak: shape.peakToPeak,
                                                   noiseRMS: noise, time: peakTime, keepsValue: keepsTwitchValues) {
            shape.unit = local + 1
        }
        if keepsTwitchValues { twitchTimes[c].append(peakTime) }
        if keepsSnippets { keep(ReviewSnippet(channel: channels[c], peakTime: peakTime, samples: window,
                                              sampleRateHz: sampleRate,
                                              noiseBand: PotentialMeasure.bandFactor * noise, unit: shape.unit), c) }
        return shape
    }

    /// Drops the windows of segments peaking before `sample` that were not handed out as twitches.
    func forget(before sample: Int) {
        for c in pending.indices where !pending[c].isEmpty {
            pending[c] = pending[c].filter { $0.key >= sample }
        }
    }

    /// Units and intervals over a recording of `durationSeconds`.
    func summary(durationSeconds: Double) -> MorphologySummary {
        var units: [MorphologySummary.Unit] = []
        var intervals: [MorphologySummary.Intervals] = []
        let rated = durationSeconds >= ReferenceRate.minimumObservationSeconds
        for c in channels.indices {
            for (u, unit) in clusterers[c].units.enumerated() {
                units.append(MorphologySummary.Unit(
                    id: u + 1, channel: channels[c], count: unit.count,
                    ratePerMinute: rated ? Double(unit.count) / (durationSeconds / 60) : nil,
                    peakToPeak: Statistics(unit.peakToPeaks),
                    template: unit.template.map(Self.rounded), templateRateHz: sampleRate))
            }
            let times = twitchTimes[c].sorted()
            if times.count >= 2 {
                intervals.append(MorphologySummary.Intervals(
                    channel: channels[c], seconds: Statistics(zip(times, times.dropFirst()).map { $1 - $0 })))
            }
        }
        return MorphologySummary(matchThreshold: UnitClusterer.matchThreshold, units: units,
                                 interDischargeInterval: intervals)
    }

    /// The kept snippets, channel by channel, in time order.
    var reviewSnippets: [ReviewSnippet] {
        snippets.flatMap { $0.sorted { $0.peakTime < $1.peakTime } }
    }

    private func keep(_ snippet: ReviewSnippet, _ c: Int) {
        defer { snippetSeen[c] += 1 }
        guard snippetSeen[c] % snippetStride[c] == 0 else { return }
        snippets[c].append(snippet)
        if snippets[c].count > Self.snippetsPerChannel {
            snippets[c] = snippets[c].enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            snippetStride[c] *= 2
        }
    }

    private func grow(to needed: Int) {
        let newCapacity = needed + 8192
        rings = rings.map { ring in
            var bigger = [Double](repeating: 0, count: newCapacity)
            let from = max(0, written - capacity)
            for i in from..<written { bigger[i % newCapacity] = ring[i % capacity] }
            return bigger
        }
        capacity = newCapacity
    }

    /// Six significant digits: a template is a mean of noisy potentials; more digits are noise.
    static func rounded(_ v: Double) -> Double {
        guard v != 0, v.isFinite else { return 0 }
        let magnitude = Foundation.log10(abs(v)).rounded(.down)
        let scale = Foundation.pow(10, 5 - magnitude)
        return (v * scale).rounded() / scale
    }
}
