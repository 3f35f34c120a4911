/// Measures a potential's shape (`PotentialShape`) from the conditioned signal around its peak.
///
/// The noise band is 3 × the local noise RMS: a swing smaller than that is as likely noise as
/// potential (for Gaussian noise a sample leaves ±3σ 0.3 % of the time), so it counts as no
/// phase and no turn. Only the core window of ±`coreSeconds` around the peak is measured:
/// fasciculation potentials last 3–24 ms (DOMAIN.md), so ±25 ms holds every one with its
/// doublet-free surroundings.
enum PotentialMeasure {
    /// Half-width of the measured window, seconds.
    static let coreSeconds = 0.025
    /// The noise band in multiples of the noise RMS.
    static let bandFactor = 3.0

    /// `snippet`: the signal, `centre` the peak's index in it, `noiseRMS` in the same units.
    static func shape(_ snippet: [Double], centre: Int, sampleRate: Double, noiseRMS: Double) -> PotentialShape {
        let half = max(2, Int((coreSeconds * sampleRate).rounded()))
        let lo = max(0, centre - half), hi = min(snippet.count - 1, centre + half)
        let band = bandFactor * max(noiseRMS, 0)
        var first = centre, last = centre
        for i in lo...hi where abs(snippet[i]) > band {
            first = min(first, i)
            last = max(last, i)
        }
        var maxValue = -Double.infinity, minValue = Double.infinity
        for i in first...last {
            maxValue = max(maxValue, snippet[i])
            minValue = min(minValue, snippet[i])
        }
        // Phases: sign changes between successive lobes outside the band.
        var phases = 1, lastSign = 0
        for i in first...last where abs(snippet[i]) > band {
            let sign = snippet[i] > 0 ? 1 : -1
            if lastSign != 0 && sign != lastSign { phases += 1 }
            lastSign = sign
        }
        // Turns: turning points whose swing from the previous turning point exceeds the band.
        var turns = 0, direction = 0
        var extreme = snippet[first]
        for i in first...last {
            let v = snippet[i]
            if direction >= 0 {
                if v > extreme { extreme = v; if direction == 0 && v - snippet[first] > band { direction = 1 } }
                else if extreme - v > band { if direction == 1 { turns += 1 }; direction = -1; extreme = v }
            }
            if direction < 0 {
                if v < extreme { extreme = v }
                else if v - extreme > band { turns += 1; direction = 1; extreme = v }
            }
        }
        let duration = Double(last - first + 1) / sampleRate * 1000
        return PotentialShape(peakToPeak: maxValue - minValue, durationMs: duration, phases: phases, turns: turns)
    }
}
