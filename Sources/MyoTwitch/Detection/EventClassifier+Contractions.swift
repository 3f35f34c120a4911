/// The contractions of a voluntary EMG group: a person who contracts, relaxes (fully or to a low
/// hold) and contracts again is reported contraction by contraction, not as one long event.
///
/// Why: the slow detector ends an activation only when its envelope falls back to the quiet
/// level, and a low hold between contractions (tonic activity, fatigue) keeps it above. Then the
/// same ten brief contractions read as one 29 s event on a 16-bit recording and as five events on
/// its 8-bit digitisation, whose coarser quantisation lifts the quiet level above the hold
/// (biosignalsnotebooks adductor pollicis, issue #15: the two disagreed); and a set of exercise
/// bursts read as one `rhythmic-bursts` event, however many bursts it held. The contractions
/// themselves do not depend on the digitisation, so the split follows them: within a slow
/// activation, a contraction is a run of its profile at or above 30 % of the profile's 90th
/// percentile (the level `Segment.lowHoldFraction` calls low); a spike segment clear of every slow
/// activation is one; runs closer than the profile's `contractionPauseSeconds` are joined. The event keeps its reason.
extension EventClassifier {

    func contractions(_ reason: String, of segments: [Segment], in merged: Segment) -> [Candidate] {
        let whole = [candidate(.activity, reason, merged)]
        guard sensor == .emg else { return whole }
        let slows = segments.filter(\.sustained)
        var parts: [(range: ClosedRange<Int>, peak: Int, amplitude: Double)] = []
        for slow in slows { parts += runs(of: slow) }
        // Spike segments that overlap a slow activation are its own peaks (or, held through a
        // strong hold, its whole span): its profile speaks for them.
        for s in segments where !s.sustained && !slows.contains(where: { $0.onset <= s.end && $0.end >= s.onset }) {
            parts.append((s.onset...s.end, s.peakIndex, s.peakAmplitude))
        }
        guard parts.count >= 2 else { return whole }
        parts.sort { $0.range.lowerBound < $1.range.lowerBound }
        let pause = Int(profile.contractionPauseSeconds * sampleRate)
        var joined = [parts[0]]
        for p in parts.dropFirst() {
            let last = joined[joined.count - 1]
            if p.range.lowerBound - last.range.upperBound < pause {
                let strongest = p.amplitude > last.amplitude ? p : last
                joined[joined.count - 1] = (last.range.lowerBound...max(last.range.upperBound, p.range.upperBound),
                                            strongest.peak, strongest.amplitude)
            } else {
                joined.append(p)
            }
        }
        guard joined.count >= 2 else { return whole }
        return joined.map { p in
            var part = merged
            part.onset = max(merged.onset, p.range.lowerBound)
            part.end = min(merged.end, p.range.upperBound)
            // The strongest spike inside speaks for the peak; else the profile's.
            let spikes = segments.filter { !$0.sustained && $0.peakIndex >= part.onset && $0.peakIndex <= part.end }
            if let strongest = spikes.max(by: { $0.peakAmplitude < $1.peakAmplitude }),
               strongest.peakAmplitude >= p.amplitude {
                part.peakAmplitude = strongest.peakAmplitude
                part.peakIndex = strongest.peakIndex
            } else {
                part.peakAmplitude = p.amplitude
                part.peakIndex = min(part.end, max(part.onset, p.peak))
            }
            var c = candidate(.activity, reason, part)
            c.groupSpan = merged.onset...merged.end
            return c
        }
    }

    /// The runs of a slow activation's profile at or above its `lowHoldLine`, in samples, with
    /// the peak of each (the whole activation when its profile is too short or flat).
    private func runs(of slow: Segment) -> [(range: ClosedRange<Int>, peak: Int, amplitude: Double)] {
        let profile = slow.profile
        guard let line = slow.lowHoldLine else { return [(slow.onset...slow.end, slow.peakIndex, slow.peakAmplitude)] }
        // Profile value i is the slow envelope (a moving RMS over ~4 profile spacings) `step` × i
        // after the activation began, so it speaks for the window centred half an envelope earlier.
        let envelope = 4 * Double(max(1, profileSpacing))
        let step = max(1, (Double(slow.length) - envelope / 2) / Double(profile.count))
        let start = Double(slow.onset) + envelope / 2
        var result: [(range: ClosedRange<Int>, peak: Int, amplitude: Double)] = []
        var i = 0
        while i < profile.count {
            guard profile[i] >= line else { i += 1; continue }
            var j = i, peak = i
            while j + 1 < profile.count && profile[j + 1] >= line {
                j += 1
                if profile[j] > profile[peak] { peak = j }
            }
            let onset = max(slow.onset, Int(start + (Double(i) - 0.5) * step - envelope / 2))
            let end = min(slow.end, max(onset, Int(start + (Double(j) + 0.5) * step + envelope / 2)))
            result.append((onset...end, Int(start + Double(peak) * step), profile[peak]))
            i = j + 1
        }
        return result
    }
}
